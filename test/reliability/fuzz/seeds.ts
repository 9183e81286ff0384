import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Activity } from 'botbuilder';
import { COMMAND_WORDS } from '../../../src/i18n/commandWords';
import { BENEFIT_DECISION_VERBS } from '../../../src/teams/handlers/benefits';
import { IDEA_CHANGE_VERBS } from '../../../src/teams/handlers/ideaItem';
import { SAVE_AS_IDEA } from '../../../src/teams/handlers/messageAction';
import { REMINDER_VERBS } from '../../../src/teams/handlers/reminderCard';
import { ActivityOptions, BOT, CHANNEL_ID, Person, Where, appInstalled, botAdded, cardAction, message, messageActionOpened, messageActionSubmitted } from '../../support/activities';
import { Random } from './random';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** What the fuzzer knows about the bot's data, so plausible activities reach deep into the handlers. */
export interface FuzzWorld {
  readonly serviceUrl: string;
  readonly people: readonly Person[];
  readonly units: readonly string[];
  readonly serviceAreas: readonly string[];
  readonly ideas: readonly { readonly unitId: string; readonly number: number }[];
  readonly benefits: readonly { readonly unitId: string; readonly number: number; readonly benefitId: string }[];
  readonly today: string;
  /** Fishbone analyses in storage ("<date>-<suffix>"). */
  readonly fishbones: readonly string[];
  /** Who may change each unit's things (its leader), so a hostile value is not simply refused for access. */
  readonly leaderOf: Readonly<Record<string, Person>>;
  /** Action.Execute buttons seen on the bot's own cards, with their inputs filled in. */
  readonly harvested: readonly { readonly verb: string; readonly data: JsonObject; readonly person: Person }[];
}

export interface Seed {
  /** What kind of activity this is, for the summary (e.g. "message", "invoke adaptiveCard/action idea.move"). */
  readonly kind: string;
  readonly activity: JsonObject;
}

export const LOCALES = ['nb-NO', 'da-DK', 'en-US'] as const;
const LOCALE_OF = { nb: 'nb-NO', da: 'da-DK', en: 'en-US' } as const;

const toJson = (activity: Partial<Activity>): JsonObject => JSON.parse(JSON.stringify(activity)) as JsonObject;

/**
 * Every card verb the Application registers, read from src/teams/app.ts and the handlers' verb
 * tables, so a verb added later without a seed here fails the fuzzer's coverage check.
 */
export function registeredVerbs(): string[] {
  const source = readFileSync(join(__dirname, '../../../src/teams/app.ts'), 'utf8');
  const literals = [...source.matchAll(/actionExecute\(\s*(\[[^\]]*\]|'[^']*')/g)].flatMap((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((q) => q[1]!));
  const tables = [...IDEA_CHANGE_VERBS.map((change) => change.verb), ...[...BENEFIT_DECISION_VERBS, ...REMINDER_VERBS].map(([verb]) => verb)];
  return [...new Set([...literals, ...tables])].sort();
}

/** Plausible data for each verb, as the bot's own cards would submit it (card inputs are strings). */
export function plausibleData(verb: string, world: FuzzWorld, rng: Random): JsonObject | undefined {
  const idea = world.ideas.length ? rng.pick(world.ideas) : { unitId: rng.pick(world.units), number: 1 };
  const ref = { unitId: idea.unitId, number: String(idea.number), version: String(rng.between(1, 4)) };
  const person = () => rng.pick(world.people).aadObjectId;
  const date = () => rng.pick([world.today, '2027-01-15', '2026-12-24', '2027-06-30']);
  const benefit = world.benefits.length ? rng.pick(world.benefits) : { unitId: idea.unitId, number: idea.number, benefitId: 'b-1' };
  const benefitRef = { unitId: benefit.unitId, number: String(benefit.number), benefitId: benefit.benefitId };
  const index = rng.between(0, 2);
  // Analyses are named "<date>-<suffix>"; the ones in storage are used when there are any.
  const fishboneId = () => (world.fishbones.length && rng.chance(0.8) ? rng.pick(world.fishbones) : `${world.today}-${rng.pick(['a1', 'x', 'zz9'])}`);
  switch (verb) {
    case 'setup.link':
      return { unitId: rng.pick(world.units) };
    case 'setup.create':
      return { name: rng.pick(['Kjøkkenet', 'Vaskeriet', 'Hjemmetjenesten sør']), serviceAreaId: rng.pick(world.serviceAreas) };
    case 'idea.submit':
      return {
        [rng.pick(['fixedUnitId', 'unitId'])]: idea.unitId,
        title: rng.pick(['Færre vaktbytter', 'Bedre overlevering', 'Nøkkelskap']),
        type: rng.pick(['improve', 'create', 'remove']),
        situation: 'Vi bruker mye tid på å lete.',
        proposal: 'Faste plasser.',
        wastes: rng.pick(['waiting', 'motion,defects', '']),
        benefitAreas: rng.pick(['time', 'quality,money', '']),
        ownerId: rng.pick(['', person()]),
        dueDate: rng.pick(['', date()]),
        sourceUrl: '',
      };
    case 'idea.open':
    case 'idea.refresh':
      return { unitId: ref.unitId, number: ref.number };
    case 'idea.move':
      return { ...ref, to: rng.pick(['planned', 'inProgress', 'evaluating', 'done', 'parked', 'rejected', 'new']), reason: rng.pick(['', 'Venter på budsjett']) };
    case 'idea.prioritise':
      return { ...ref, effort: rng.pick(['easy', 'hard']), impact: rng.pick(['low', 'high']) };
    case 'idea.assign':
      return { ...ref, ownerId: person(), dueDate: date() };
    case 'idea.addAction':
      return { ...ref, actionText: 'Kjøpe nøkkelskap', actionOwnerId: person(), actionDueDate: date() };
    case 'idea.completeAction':
      return { ...ref, actionId: String(rng.between(1, 3)) };
    case 'idea.rootCause':
      return { ...ref, why1: 'Nøklene er borte', why2: 'Ingen fast plass', fishbone_method: 'Ingen rutine', fishbone_people: '' };
    case 'idea.comment':
      return { unitId: ref.unitId, number: ref.number, comment: 'Godt forslag!' };
    case 'board.show':
    case 'board.closed':
      return { unitId: rng.pick(world.units), page: String(rng.between(1, 3)) };
    case 'mine.show':
      return { page: String(rng.between(1, 3)) };
    case 'benefit.form':
      return { unitId: ref.unitId, number: ref.number, fromBenefitId: rng.pick(['', benefit.benefitId]), step: rng.pick(['', 'details']), category: rng.pick(['', 'time', 'quality', 'money', 'capacity']), stage: rng.pick(['', 'identified', 'realized']) };
    case 'benefit.register': {
      // The two-step form's second step: a plan (identified) or a measurement (realized) in the category's measure.
      const stage = rng.pick(['identified', 'realized']);
      return {
        unitId: ref.unitId,
        number: ref.number,
        fromBenefitId: stage === 'realized' && rng.chance(0.5) ? benefit.benefitId : '',
        step: 'details',
        category: rng.pick(['time', 'quality', 'money', 'capacity']),
        stage,
        period: rng.pick(['oneOff', 'week', 'month', 'year']),
        indicator: 'Timer brukt på vaktbytter',
        unit: rng.pick(['', 'timer', 'stk']),
        baseline: rng.pick(['10', '1,5', '1 500', '14 000']),
        baselineOn: rng.pick([world.today, '2026-09-01']),
        target: rng.pick(['4', '0,5', '500']),
        targetBy: rng.pick([date(), '2027-06-30']),
        measured: stage === 'realized' ? rng.pick(['6', '1', '800']) : '',
        measuredOn: stage === 'realized' ? world.today : '',
        gap: rng.pick(['', 'Sykefravær']),
        use: rng.pick(['', 'budget', 'otherWork']),
        useText: rng.pick(['', 'Mer tid til brukerne']),
        ownerId: person(),
        evidence: '',
        confirmLarge: rng.pick(['', 'true']),
      };
    }
    case 'benefit.export':
      return { ...rng.pick<JsonObject>([{ kind: 'organisation', id: '' }, { kind: 'area', id: rng.pick(world.serviceAreas) }, { kind: 'unit', id: rng.pick(world.units) }]), period: rng.pick(['quarter', 'lastQuarter', 'year', 'lastYear']) };
    case 'benefit.refresh':
      return { ...benefitRef, headline: 'Til godkjenning', shownApproval: rng.pick(['pending', 'approved', 'notNeeded']) };
    case 'benefit.approve':
    case 'benefit.reject':
    case 'benefit.requestChanges':
      return { ...benefitRef, comment: rng.pick(['', 'Ser bra ut']) };
    case 'benefit.ledger':
      return rng.pick<JsonObject>([{ kind: 'organisation', id: '' }, { kind: 'area', id: rng.pick(world.serviceAreas) }, { kind: 'unit', id: rng.pick(world.units) }]);
    case 'schedule.form':
      return { unitChoice: rng.pick(world.units) };
    case 'schedule.save':
      return { unitId: rng.pick(world.units), weekdays: rng.pick(['1,3', '2', '1,2,3,4,5']), time: rng.pick(['08:30', '13:00', '7:45']), pause1From: rng.pick(['', '2026-12-20']), pause1To: rng.pick(['', '2027-01-03']) };
    case 'meeting.logForm':
    case 'meeting.show':
      return { unitId: rng.pick(world.units), date: world.today };
    case 'meeting.log':
      return {
        unitId: rng.pick(world.units),
        date: world.today,
        version: '0',
        held: rng.pick(['yes', 'no']),
        reason: rng.pick(['', 'Sykdom']),
        attendees: String(rng.between(1, 12)),
        notes: 'Gikk gjennom tavla.',
        decision1Idea: rng.pick(['', ref.number]),
        decision1Status: rng.pick(['', 'planned', 'done']),
        decision1Owner: rng.pick(['', person()]),
        decision1Due: rng.pick(['', date()]),
      };
    case 'pipeline.status':
    case 'pipeline.sendReminders':
    case 'approvals.show':
      return {};
    case 'pipeline.sendPrompt':
      return { promptUnitId: rng.pick(world.units) };
    case 'digest.show':
      return rng.pick<JsonObject>([
        { scope: 'organisation', scopeId: 'organisation', week: rng.pick(['last', 'current']) },
        { scope: 'area', scopeId: rng.pick(world.serviceAreas), week: rng.pick(['last', 'current']) },
        { scope: 'unit', scopeId: rng.pick(world.units), week: rng.pick(['last', 'current']) },
      ]);
    case 'report.form':
      return { unitId: rng.pick(world.units) };
    case 'report.show': {
      const year = Number(world.today.slice(0, 4));
      return {
        period: rng.pick([`${year}Q${rng.between(1, 4)}`, `${year - 1}H${rng.between(1, 2)}`, String(year - 1), 'custom']),
        from: rng.pick(['', `${year}-01-01`]),
        to: rng.pick(['', world.today]),
        scope: rng.pick(['organisation', `unit:${rng.pick(world.units)}`, `area:${rng.pick(world.serviceAreas)}`]),
      };
    }
    case 'revision.show':
    case 'fishbone.open':
      return { unitId: rng.pick(world.units) };
    case 'revision.save':
      return {
        unitId: rng.pick(world.units),
        round: world.today.slice(0, 7),
        version: '0',
        visitedOn: world.today,
        participantIds: rng.pick(world.people).aadObjectId,
        otherParticipants: 'Verneombud',
        observations: 'Tavla var oppdatert.',
        check_boardCurrent: 'true',
        check_meetingRhythm: rng.pick(['true', 'false']),
        followUp1Text: rng.pick(['', 'Rydde tavla']),
        followUp1Owner: rng.pick(['', person()]),
        followUp1Due: rng.pick(['', date()]),
      };
    case 'fishbone.start':
      return { unitId: rng.pick(world.units), reason: rng.pick(['request', 'stagnation']) };
    case 'fishbone.show':
    case 'fishbone.concludeForm':
      return { unitId: rng.pick(world.units), id: fishboneId() };
    case 'fishbone.add':
      return { unitId: rng.pick(world.units), id: fishboneId(), cause_people: rng.pick(['', 'For få på vakt']), cause_method: 'Ingen rutine', cause_machine: '', cause_material: '', cause_measurement: '', cause_environment: '' };
    case 'fishbone.conclude':
      return {
        unitId: rng.pick(world.units),
        id: fishboneId(),
        version: String(rng.between(0, 3)),
        mainCauseIds: rng.pick(['', '1', '1,2']),
        outcome: 'Vi prøver faste plasser.',
        action1Text: 'Lage rutine',
        action1Owner: person(),
        action1Due: date(),
      };
    case 'idea.linkGoal':
      return { ...ref, goalId: rng.pick(['', '-', 'innovativ', 'hn-tilsyn', 'finnes-ikke']) };
    case 'goals.show':
    case 'goals.form':
    case 'goals.save':
    case 'goals.close': {
      const level = rng.pick(['organisation', 'area', 'unit']);
      const owner = { level, ownerId: level === 'organisation' ? '' : level === 'area' ? rng.pick(world.serviceAreas) : rng.pick(world.units) };
      const shown: JsonObject = rng.chance(0.5) ? { goalId: rng.pick(['innovativ', 'hn-tilsyn', 'finnes-ikke']), version: rng.pick(['1a2b3c', 'x']) } : {};
      return verb === 'goals.save' ? { ...owner, ...shown, title: rng.pick(['', 'Færre vaktbytter', 'Innovativ kommune']), measure: 'Antall', target: '3', parentId: rng.pick(['', 'innovativ', 'ho-velferd']) } : { ...owner, ...shown };
    }
    case 'reminder.done':
    case 'reminder.reschedule':
    case 'reminder.handOver':
    case 'reminder.snooze': {
      const input = verb === 'reminder.handOver' ? `handOverTo_${index}` : `dueDate_${index}`;
      return { unitId: ref.unitId, number: ref.number, actionId: rng.pick(['', '1', '2']), input, [input]: verb === 'reminder.handOver' ? person() : date() };
    }
    case 'similar.open':
    case 'similar.join':
      return { fixedUnitId: idea.unitId, title: 'Bytte av vakter', type: 'improve', similarUnitId: ref.unitId, similarNumber: ref.number };
    case 'stakeholders.form':
    case 'whereElse.yes':
    case 'whereElse.no':
      return { unitId: ref.unitId, number: ref.number };
    case 'stakeholders.save':
      return { unitId: ref.unitId, number: ref.number, stakeholders: rng.pick(['', rng.pick(world.units), world.units.slice(0, 2).join(',')]) };
    case 'stakeholder.answer':
      return { unitId: ref.unitId, number: ref.number, stakeholderUnitId: rng.pick(world.units), comment: rng.pick(['', 'Det gir oss mer arbeid om natta.']) };
    case 'tried.adopt':
    case 'tried.dismiss':
      return { unitId: rng.pick(world.units), fromUnitId: ref.unitId, fromNumber: ref.number };
    default:
      return undefined;
  }
}

function where(rng: Random): Where {
  return rng.weighted([
    [5, 'personal'],
    [4, 'channel'],
    [1, 'groupChat'],
  ]);
}

function options(world: FuzzWorld, rng: Random, locale?: string): ActivityOptions {
  const place = where(rng);
  return { from: rng.pick(world.people), locale: locale ?? rng.pick(LOCALES), where: place, ...(place === 'channel' ? { channelId: CHANNEL_ID } : {}) };
}

const finish = (world: FuzzWorld, rng: Random, activity: Partial<Activity>): JsonObject => ({ ...toJson(activity), serviceUrl: world.serviceUrl, id: `f:${rng.int(1e9)}` });

/** A message that @mentions the bot, as channel messages arrive. */
function withMention(activity: Partial<Activity>): Partial<Activity> {
  return {
    ...activity,
    text: `<at>Tavla</at> ${activity.text ?? ''}`,
    entities: [{ type: 'mention', text: '<at>Tavla</at>', mentioned: { id: BOT.id, name: BOT.name } }],
  };
}

/** One valid activity of any kind Tavla handles. */
export function validSeed(world: FuzzWorld, rng: Random): Seed {
  const kind = rng.weighted<string>([
    [30, 'message'],
    [40, 'card'],
    [6, 'harvested'],
    [6, 'messageExtension'],
    [6, 'conversationUpdate'],
    [4, 'installationUpdate'],
    [8, 'otherInvoke'],
  ]);
  switch (kind) {
    case 'message': {
      const language = rng.pick(['nb', 'da', 'en'] as const);
      const words = COMMAND_WORDS[language];
      const command = rng.pick(Object.keys(words) as (keyof typeof words)[]);
      let text = rng.pick(words[command]);
      if (command === 'idea' && rng.chance(0.5)) text += ' Færre vaktbytter';
      const opts = options(world, rng, LOCALE_OF[language]);
      const activity = message(text, opts);
      return { kind: 'message', activity: finish(world, rng, opts.where === 'channel' && rng.chance(0.7) ? withMention(activity) : activity) };
    }
    case 'card':
    case 'harvested': {
      if (kind === 'harvested' && world.harvested.length) {
        const button = rng.pick(world.harvested);
        const opts = { ...options(world, rng), from: button.person };
        return { kind: `invoke adaptiveCard/action ${button.verb}`, activity: finish(world, rng, cardAction(button.verb, button.data, opts)) };
      }
      const verb = rng.pick(registeredVerbs());
      return { kind: `invoke adaptiveCard/action ${verb}`, activity: finish(world, rng, cardAction(verb, plausibleData(verb, world, rng) ?? {}, options(world, rng))) };
    }
    case 'messageExtension': {
      const opts = options(world, rng);
      if (rng.chance(0.5)) {
        return { kind: 'invoke composeExtension/fetchTask', activity: finish(world, rng, messageActionOpened(SAVE_AS_IDEA, rng.pick(['<p>Vi venter på nøkler hver morgen</p>', 'Tekst uten HTML', '<div><b>Fet</b> <at>Kari</at></div>']), opts)) };
      }
      return { kind: 'invoke composeExtension/submitAction', activity: finish(world, rng, messageActionSubmitted(SAVE_AS_IDEA, plausibleData('idea.submit', world, rng) ?? {}, opts)) };
    }
    case 'conversationUpdate': {
      const opts = options(world, rng);
      const added = botAdded(opts);
      const variant = rng.pick(['botAdded', 'memberAdded', 'botRemoved', 'channelCreated'] as const);
      const activity: Partial<Activity> =
        variant === 'botAdded'
          ? added
          : variant === 'memberAdded'
            ? { ...added, membersAdded: [{ id: `29:${rng.pick(world.people).aadObjectId}`, aadObjectId: rng.pick(world.people).aadObjectId, name: 'Ny' }] }
            : variant === 'botRemoved'
              ? { ...added, membersAdded: undefined, membersRemoved: [BOT] }
              : { ...added, membersAdded: undefined, channelData: { ...(added.channelData as object), eventType: 'channelCreated', channel: { id: '19:new@thread.tacv2', name: 'Ny kanal' } } };
      return { kind: `conversationUpdate ${variant}`, activity: finish(world, rng, activity) };
    }
    case 'installationUpdate': {
      const activity = appInstalled(options(world, rng));
      return { kind: 'installationUpdate', activity: finish(world, rng, rng.chance(0.7) ? activity : { ...activity, action: 'remove' }) };
    }
    default: {
      const name = rng.pick(['task/fetch', 'task/submit', 'composeExtension/query', 'composeExtension/queryLink', 'signin/verifyState', 'config/fetch', 'actionableMessage/executeAction', 'fileConsent/invoke', 'message/submitAction', 'healthCheck', 'adaptiveCard/action']);
      const base = message('', options(world, rng));
      const activity: Partial<Activity> = { ...base, type: 'invoke', name, text: undefined, value: name === 'adaptiveCard/action' ? { action: { type: 'Action.Execute', verb: 'idea.teleport', data: {} } } : { commandId: 'search', data: {} } };
      return { kind: `invoke ${name}`, activity: finish(world, rng, activity) };
    }
  }
}
