import { z } from 'zod';
import { GUID_PATTERN } from '../../domain/ids';
import { displayName as cleanDisplayName } from '../../domain/text';

/**
 * The shape of an inbound activity, checked after authentication and before anything reads it.
 *
 * Only the fields Tavla or the SDK read are constrained; the rest pass through untouched, since
 * Teams adds fields over time. Limits are generous for real Teams traffic and small enough that a
 * hostile value cannot reach storage, a key or a log line: ids by shape (Entra ids are GUIDs),
 * strings bounded, display names on one line without control characters.
 */

/**
 * Control characters (C0, DEL, C1), line and paragraph separators (U+2028, U+2029: they break
 * Azurite's batches) or half a surrogate pair: never in a Teams id or URL, and not to be stored or logged.
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_IDS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const cleanId = (max: number, min = 0) => z.string().min(min).max(max).refine((value) => !NOT_IN_IDS.test(value));
const id = (max: number) => cleanId(max, 1);
const guid = z.string().regex(GUID_PATTERN);
/** Names come from Teams profiles; they end up in cards and storage, so they are cleaned here once. */
const displayName = z
  .string()
  .max(512)
  .transform(cleanDisplayName);

const account = z
  .object({
    id: id(512),
    name: displayName.optional(),
    aadObjectId: guid.optional(),
    role: z.string().max(32).optional(),
  })
  .passthrough();

const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => !NOT_IN_IDS.test(value) && !/\s/.test(value))
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  });

const channelData = z
  .object({
    tenant: z.object({ id: guid }).passthrough().optional(),
    team: z.object({ id: id(512), name: displayName.optional() }).passthrough().optional(),
    channel: z.object({ id: id(512), name: displayName.optional() }).passthrough().optional(),
    eventType: z.string().max(64).optional(),
  })
  .passthrough();

/**
 * A mention names who is mentioned and the text that mentions them; botbuilder strips the bot's
 * mention from the message text with both (TurnContext.removeMentionText) and throws without them.
 */
const entity = z
  .object({ type: z.string().max(64) })
  .passthrough()
  .superRefine((value, context) => {
    if (value.type.toLowerCase() !== 'mention') return;
    const mention = z.object({ mentioned: z.object({ id: z.string().max(512) }).passthrough(), text: z.string().max(1024) }).safeParse(value);
    if (!mention.success) context.addIssue({ code: z.ZodIssueCode.custom, message: 'a mention names who and how' });
  });

/**
 * What Teams sends with "Save as improvement idea" (a message action): Tavla reads the message's
 * body and its link, so those are strings when present.
 */
const composeExtensionValue = z
  .object({
    commandId: z.string().max(256).optional(),
    messagePayload: z
      .object({
        body: z.object({ content: z.string().max(256 * 1024).optional(), contentType: z.string().max(64).optional() }).passthrough().optional(),
        linkToMessage: z.string().max(4096).optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export const inboundActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: cleanId(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: httpUrl,
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: id(1024),
        conversationType: z.string().max(32).optional(),
        tenantId: guid.optional(),
        isGroup: z.boolean().optional(),
        name: displayName.optional(),
      })
      .passthrough(),
    channelData: channelData.optional(),
    locale: z.string().max(35).optional(),
    text: z.string().max(64 * 1024).optional(),
    name: z.string().max(256).optional(),
    action: z.string().max(64).optional(),
    replyToId: cleanId(512).optional(),
    entities: z.array(entity).max(64).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).passthrough()).max(32).optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .passthrough()
  // A message that mentions someone has the text it mentions them in.
  .refine((activity) => activity.text !== undefined || !activity.entities?.some((e) => e.type.toLowerCase() === 'mention'), { message: 'a mention without text' })
  .refine((activity) => !(activity.type === 'invoke' && activity.name?.startsWith('composeExtension/')) || composeExtensionValue.safeParse(activity.value).success, {
    message: 'a message action carries its message as Teams sends it',
  });

export type InboundActivity = z.infer<typeof inboundActivity>;

/** The activity, cleaned, or undefined when it is not one Tavla will look at. */
export function checkActivityShape(body: unknown): InboundActivity | undefined {
  const parsed = inboundActivity.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** The tenant the activity claims, from the shape already checked (GUIDs only). */
export function claimedTenant(activity: InboundActivity): string | undefined {
  return (activity.channelData?.tenant?.id ?? activity.conversation.tenantId)?.toLowerCase();
}
