import { z } from 'zod';
import { DECISIONS } from '../domain/benefits';
import { isLocalDate } from '../domain/dates';
import { ActionItem, CHANGE_KINDS, FISHBONE_CATEGORIES, FishboneCategory, IDEA_STATUSES, LastChange, PersonName, RootCause } from '../domain/ideas';
import { MeetingDecision } from '../domain/meetings';
import { BENEFIT_MEASURES } from '../domain/benefitMeasure';
import { BenefitCategory, ChannelLink, defaultMeasure } from '../domain/organisation';
import { MeetingSchedule, TIME_PATTERN } from '../domain/schedule';
import { schedule } from '../domain/scheduleForm';
import { LOCALES } from '../domain/locale';
import { MessageTarget } from '../ports/outbox';

/**
 * The shapes of the JSON Tavla writes into table properties, checked when read back
 * (see storedJson.ts). Unknown keys are dropped; missing required ones make the row damaged.
 */

const localDate = z.string().refine(isLocalDate, 'expected a date YYYY-MM-DD');

export const personNameSchema: z.ZodType<PersonName, z.ZodTypeDef, unknown> = z.object({
  id: z.string(),
  name: z.string(),
  teamsId: z.string().optional(),
});

export const actionsSchema: z.ZodType<ActionItem[], z.ZodTypeDef, unknown> = z.array(
  z.object({
    id: z.number().int().positive(),
    text: z.string(),
    owner: personNameSchema.optional(),
    dueDate: localDate.optional(),
    done: z.boolean(),
    doneAt: z.string().optional(),
  }),
);

const fishboneCategory = z.enum(FISHBONE_CATEGORIES);

export const rootCauseSchema: z.ZodType<RootCause, z.ZodTypeDef, unknown> = z.object({
  whys: z.array(z.string()),
  fishbone: z
    .record(z.string(), z.string())
    // A category dropped in a later version is left out, not a reason to refuse the idea.
    .transform((notes) => Object.fromEntries(Object.entries(notes).filter(([category]) => fishboneCategory.safeParse(category).success)) as Partial<Record<FishboneCategory, string>>),
});

export const lastChangeSchema: z.ZodType<LastChange, z.ZodTypeDef, unknown> = z.object({
  id: z.string(),
  by: personNameSchema,
  at: z.string(),
  what: z.enum(CHANGE_KINDS),
  status: z.enum(IDEA_STATUSES).optional(),
});

export const stringListSchema = z.array(z.string());

export const decisionSchema = z.object({
  by: personNameSchema,
  at: z.string(),
  outcome: z.enum(DECISIONS),
  comment: z.string().optional(),
});

export const monthsSchema = z.array(z.number().int().positive());

export const meetingDecisionsSchema: z.ZodType<MeetingDecision[], z.ZodTypeDef, unknown> = z.array(
  z.object({
    ideaNumber: z.number().int().positive(),
    status: z.enum(IDEA_STATUSES).optional(),
    owner: personNameSchema.optional(),
    dueDate: localDate.optional(),
  }),
);

export const channelLinkSchema: z.ZodType<ChannelLink, z.ZodTypeDef, unknown> = z.object({
  conversationId: z.string().min(1),
  teamId: z.string(),
  tenantId: z.string(),
  serviceUrl: z.string().min(1),
  channelName: z.string().optional(),
});

export const namesSchema = z.record(z.string(), z.string());

const pauseSchema = z.object({ from: localDate, to: localDate }).refine((pause) => pause.from <= pause.to, 'a pause ends before it starts');

/** A stored schedule in its canonical form; a pause that makes no sense is dropped, the rest kept. */
export const scheduleSchema: z.ZodType<MeetingSchedule, z.ZodTypeDef, unknown> = z
  .object({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1),
    time: z.string().regex(TIME_PATTERN),
    pauses: z.array(z.unknown()).default([]),
  })
  .transform((stored) =>
    schedule(
      stored.weekdays,
      stored.time,
      stored.pauses.flatMap((pause) => {
        const read = pauseSchema.safeParse(pause);
        return read.success ? [read.data] : [];
      }),
    ),
  );

/** Categories stored before they had a measure read with the built-in mapping (see defaultMeasure). */
export const benefitCategoriesSchema: z.ZodType<BenefitCategory[], z.ZodTypeDef, unknown> = z.array(
  z
    .object({
      id: z.string().min(1),
      names: z.record(z.enum(LOCALES), z.string()).optional(),
      measure: z.enum(BENEFIT_MEASURES).optional(),
      unit: z.string().min(1).optional(),
    })
    .transform(({ id, names, measure, unit }): BenefitCategory => ({ id, ...(names ? { names } : {}), measure: measure ?? defaultMeasure(id), ...(unit ? { unit } : {}) })),
);

export const messageTargetSchema: z.ZodType<MessageTarget, z.ZodTypeDef, unknown> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('channel'), conversationId: z.string().min(1), serviceUrl: z.string().min(1), tenantId: z.string() }),
  z.object({ kind: z.literal('person'), aadObjectId: z.string().min(1), unitId: z.string().min(1).optional() }),
]);

export const cardSchema = z.record(z.string(), z.unknown());
