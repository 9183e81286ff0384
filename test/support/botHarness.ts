import { Activity, ActivityTypes, INVOKE_RESPONSE_KEY, InvokeResponse, ResourceResponse, TestAdapter, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { Logger, silentLogger } from '../../src/ports/logger';
import { PersonRecord } from '../../src/ports/peopleRepository';
import { composeServices } from '../../src/composition';
import { Notification, Notifier } from '../../src/ports/notifier';
import { Unit } from '../../src/domain/organisation';
import { seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { PipelinePolicy, TableStore } from '../../src/storage/tableStore';
import { createApp, turnLogic } from '../../src/teams/app';
import { ExportLinks } from '../../src/teams/http/exportLinks';

/** Where the harness's ledger download links point; a test fetching one serves it itself. */
export const EXPORT_BASE_URL = 'http://tavla.test';
import { TeamsDirectory } from '../../src/teams/deps';
import { TENANT_ID } from './activities';
import { freshTableStore } from './azurite';
import { AdaptiveCardJson } from '../../src/cards/renderer';
import { Clock } from '../../src/ports/clock';
import { ReportLinks } from '../../src/teams/http/reportLinks';
import { LinkSigner } from '../../src/teams/http/signedLinks';

/** Report download links in bot tests point here and are signed with this key. */
export const REPORT_BASE_URL = 'https://tavla.test';
export const REPORT_LINK_SECRET = 'a test key for report links, 32+ characters long';
import { DEFAULT_RHYTHM } from '../../src/config';
import { createRhythmJobs } from '../../src/scheduler/rhythmJobs';
import { SendNow } from '../../src/services/sendNow';

/**
 * A TestAdapter that behaves like the production CloudAdapter where it matters: an invoke response
 * is kept for the HTTP answer (not queued as a message), so teams-ai sees that the handler already
 * answered. It also remembers card updates (the base class drops updates of unknown ids).
 */
class RecordingAdapter extends TestAdapter {
  readonly updated: Partial<Activity>[] = [];
  invokeResponse: InvokeResponse | undefined;

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const others: Partial<Activity>[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.InvokeResponse) {
        context.turnState.set(INVOKE_RESPONSE_KEY, activity);
        this.invokeResponse = activity.value as InvokeResponse;
      } else {
        others.push(activity);
      }
    }
    return others.length ? super.sendActivities(context, others) : [];
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.updated.push(activity);
    await super.updateActivity(context, activity);
  }
}

/** The roster Teams would return; tests fill it. */
export class FakeTeamsDirectory implements TeamsDirectory {
  roster: PersonRecord[] = [];
  readonly upns = new Map<string, string>();
  rosterFails = false;

  async senderUpn(context: TurnContext): Promise<string | undefined> {
    return this.upns.get(context.activity.from.aadObjectId ?? '');
  }

  async teamRoster(): Promise<PersonRecord[]> {
    if (this.rosterFails) throw new Error('roster unavailable');
    return this.roster;
  }
}

/** Notifications the bot would send proactively; the Bot Connector side is tested separately. */
export class RecordingNotifier implements Notifier {
  readonly sent: { to: string; notification: Notification }[] = [];

  async toPerson(aadObjectId: string, notification: Notification): Promise<void> {
    this.sent.push({ to: `person:${aadObjectId}`, notification });
  }

  async toUnitChannel(unit: Unit, notification: Notification): Promise<void> {
    this.sent.push({ to: `channel:${unit.id}`, notification });
  }
}

export interface TurnResult {
  /** Everything the bot sent in reply, in order. */
  readonly replies: Partial<Activity>[];
  /** Cards the bot replaced in place (e.g. for everyone in a channel). */
  readonly updates: Partial<Activity>[];
  readonly invokeResponse?: InvokeResponse;
}

export interface HarnessOptions {
  readonly seedDemo?: boolean;
  readonly allowedTenantIds?: readonly string[];
  readonly policies?: readonly PipelinePolicy[];
  readonly clock?: Clock;
  /** Defaults to a silent one; a test may record what the bot logs. */
  readonly logger?: Logger;
  /** Notifications go into the real outbox (to be sent by a delivery worker) instead of being recorded. */
  readonly outboxNotifications?: boolean;
  /** TEAMS_SERVICE_URL: the service URL for a tenant none of whose activities was seen yet. */
  readonly teamsServiceUrl?: string;
}

/**
 * The real teams-ai Application over real tables (Azurite), driven through botbuilder's
 * TestAdapter. Only the Teams roster is faked, because it lives in Microsoft's cloud.
 */
export async function createBotHarness(options: HarnessOptions = {}) {
  const store: TableStore = await freshTableStore(options.policies ?? []);
  const clock = options.clock ?? { now: () => new Date() };
  const logger = options.logger ?? silentLogger;
  const notifications = new RecordingNotifier();
  let nextId = 0;
  const allowedTenantIds = options.allowedTenantIds ?? [TENANT_ID];
  const composition = composeServices(store, {
    clock,
    ids: { next: () => `id-${++nextId}` },
    logger,
    ...(options.outboxNotifications ? {} : { notifier: () => notifications }),
    reach: { allowedTenantIds, ...(options.teamsServiceUrl ? { configured: options.teamsServiceUrl } : {}) },
  });
  const { services, repositories } = composition;
  // The scheduler's own jobs, writing to the real outbox: "send now" runs them, and tests may too.
  const rhythm = createRhythmJobs(composition, { logger, rhythm: DEFAULT_RHYTHM });
  const sendNow = new SendNow(services.directory, rhythm.trigger, clock);
  const { organisation, people: peopleTable, ideas } = repositories;
  if (options.seedDemo ?? true) await seedDemoOrganisation(organisation, peopleTable);
  const { directory } = services;
  const teams = new FakeTeamsDirectory();
  // Download links name a base the tests replace with a real server's address when they fetch one.
  const reportLinks = new ReportLinks(new LinkSigner(REPORT_LINK_SECRET, () => REPORT_BASE_URL, clock));
  const exportLinks = new ExportLinks(new LinkSigner(REPORT_LINK_SECRET, () => EXPORT_BASE_URL, clock, 15));
  const app = createApp({ services, sendNow, teams, allowedTenantIds, logger, clock, reportLinks, exportLinks }, new TeamsAdapter());

  const adapter = new RecordingAdapter(turnLogic(app));
  // In production the TeamsAdapter calls the app's error handler; give the TestAdapter the same one.
  adapter.onTurnError = app.adapter.onTurnError;

  /** Sends one activity and collects what the bot answered, replaced and replied. */
  async function send(activity: Partial<Activity>): Promise<TurnResult> {
    adapter.activeQueue.length = 0;
    adapter.updated.length = 0;
    adapter.invokeResponse = undefined;
    await adapter.processActivity(activity);
    const { invokeResponse } = adapter;
    return { replies: [...adapter.activeQueue], updates: [...adapter.updated], ...(invokeResponse ? { invokeResponse } : {}) };
  }

  return { send, store, organisation, peopleTable, ideas, directory, services, repositories, rhythm, sendNow, teams, app, notifications, clock, reportLinks, exportLinks };
}

export type BotHarness = Awaited<ReturnType<typeof createBotHarness>>;

/** The Adaptive Card in an activity, or undefined. */
export function cardOf(activity: Partial<Activity> | undefined): AdaptiveCardJson | undefined {
  const attachment = activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as AdaptiveCardJson | undefined;
}

/** The card an Action.Execute answered with. */
export function invokeCard(result: TurnResult): AdaptiveCardJson | undefined {
  const body = result.invokeResponse?.body as { type?: string; value?: AdaptiveCardJson } | undefined;
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
}

/** Every text in a card, flattened, for asserting what a user would read. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(key)) texts.push(value);
      else walk(value);
    }
  };
  walk(card);
  return texts.join('\n');
}
