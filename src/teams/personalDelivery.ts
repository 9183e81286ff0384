import { Activity, ConversationReference } from 'botbuilder';
import { withMention } from '../cards/mentionCard';
import { AppInstaller } from '../ports/appInstaller';
import { Clock } from '../ports/clock';
import { Logger } from '../ports/logger';
import { DeliveryMessage, RequestGate, SendOutcome } from '../ports/messageSender';
import { PeopleRepository, PersonRecord } from '../ports/peopleRepository';
import { ReachDirectory, UnreachableReason } from '../ports/reach';
import { CallResult, ConnectorCalls, statusAndCode } from './connectorCalls';
import { failureOf } from './connectorHttp';

type Failure = Extract<SendOutcome, { ok: false }>;
type PersonTarget = { readonly aadObjectId: string; readonly unitId?: string };

/** Whom a chat is opened with, where, and what goes into it. */
interface Recipient {
  readonly id: string;
  readonly person: PersonRecord | undefined;
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly activity: Partial<Activity>;
}

const permanent = (error: string): SendOutcome => ({ ok: false, permanent: true, error: error.slice(0, 300) });
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200);
const answer = (error: unknown): string => {
  const { status, code } = statusAndCode(error);
  return status === undefined ? 'no answer' : `${status}${code ? ` ${code}` : ''}`;
};

/** "Not installed for this user": what Teams answers when a chat is opened with someone who lacks the app. */
const refusedToOpen = (status: number | undefined): boolean => status === 403 || status === 404;

/** A 403 from an administrator's policy: installing will not help, so it counts as blocked. */
const BLOCKING_CODES: ReadonlySet<string> = new Set(['BotDisabledByAdmin', 'ConversationBlockedByUser', 'MessageWritesBlocked']);

export interface PersonalDeliveryOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Builds the activity for a message's card (a mention card carries the same outbox key). */
  readonly activityFor: (key: string, card: Readonly<Record<string, unknown>>) => Partial<Activity>;
  /** When a stored 1:1 conversation answers 404, open a new one and send there (once per try). */
  readonly recreateMissingChat: boolean;
}

/**
 * Gets one message to one person, in this order:
 *   1. their stored personal chat; a 403 there means they blocked or removed Tavla: marked
 *      unreachable, permanently failed (Teams: stop until the user writes again);
 *   2. a new personal chat opened by their Entra object id (or "29:" id) on their tenant's service
 *      URL, which works when the app is installed for them;
 *   3. if Teams answers 403/404 (not installed) and installing is allowed: install through Graph
 *      and open the chat again;
 *   4. otherwise an @mention in a unit channel of theirs, and they are marked unreachable 1:1.
 * Everything that can be tried again later (throttling, outages) is returned as a plain failure
 * for the delivery worker's retry policy; nothing is retried here.
 */
export class PersonalDelivery {
  constructor(
    private readonly calls: ConnectorCalls,
    private readonly people: PeopleRepository,
    private readonly reach: ReachDirectory,
    private readonly installer: AppInstaller | undefined,
    private readonly options: PersonalDeliveryOptions,
  ) {}

  async send(message: DeliveryMessage, target: PersonTarget, gate: RequestGate): Promise<SendOutcome> {
    const id = target.aadObjectId.toLowerCase();
    let person: PersonRecord | undefined;
    try {
      const [stored, blocked] = await Promise.all([this.people.get(id), this.reach.isBlocked(id)]);
      if (blocked) return permanent(`person ${id} blocked or removed Tavla; not tried until they write to it again`);
      person = stored;
    } catch (error) {
      return { ok: false, error: `people lookup failed: ${describe(error)}` };
    }
    const activity = this.options.activityFor(message.key, message.card);
    if (person?.personalConversationId && person.serviceUrl) {
      const tenantId = person.tenantId ?? '';
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: person.serviceUrl,
        conversation: { id: person.personalConversationId, isGroup: false, conversationType: 'personal', tenantId, name: '' },
      };
      const result = await this.calls.post(reference, { tenantId, conversationId: person.personalConversationId }, activity, gate);
      if (result.ok) return this.reached(id);
      const { status } = statusAndCode(result.error);
      if (status === 403) return this.blocked(id, result);
      if (status !== 404 || !this.options.recreateMissingChat) return this.failure(result);
      // The stored chat is gone (the user deleted it): open it again below, in the same try.
    }
    let tenantId: string | undefined;
    let serviceUrl: string | undefined;
    try {
      tenantId = person?.tenantId ?? (await this.reach.defaultTenant());
      serviceUrl = person?.serviceUrl ?? (tenantId ? await this.reach.serviceUrlFor(tenantId) : undefined);
    } catch (error) {
      return { ok: false, error: `service URL lookup failed: ${describe(error)}` };
    }
    if (!tenantId || !serviceUrl) return this.elsewhere(message, target, 'noServiceUrl', tenantId ? `no service URL for tenant ${tenantId}` : 'tenant unknown', gate);
    return this.open(message, target, { id, person, tenantId, serviceUrl, activity }, gate);
  }

  private async open(message: DeliveryMessage, target: PersonTarget, who: Recipient, gate: RequestGate): Promise<SendOutcome> {
    const first = await this.openChat(who, gate);
    if (first.result.ok) return this.reached(who.id);
    if (first.created) return this.refusedInChat(who.id, first.result);
    const { status, code } = statusAndCode(first.result.error);
    if (status === 403 && code && BLOCKING_CODES.has(code)) return this.blocked(who.id, first.result);
    if (!refusedToOpen(status)) return this.failure(first.result);
    const refused = `open chat: ${answer(first.result.error)}`;
    if (!this.installer) return this.elsewhere(message, target, 'notInstalled', refused, gate);

    const installed = await this.installer.installFor(who.tenantId, who.id);
    if (!installed.ok) {
      const error = `${refused}; install: ${installed.error}`;
      if (installed.permanent) return this.elsewhere(message, target, 'notInstalled', error, gate);
      // Graph was busy or away: the whole try is repeated later (a 409 then says it is done).
      return { ok: false, ...(installed.status !== undefined ? { status: installed.status } : {}), ...(installed.retryAfterMs !== undefined ? { retryAfterMs: installed.retryAfterMs } : {}), error };
    }
    this.options.logger.info({ aadObjectId: who.id, already: installed.already }, 'Tavla is installed for the person; opening the chat again');
    const second = await this.openChat(who, gate);
    if (second.result.ok) return this.reached(who.id);
    if (second.created) return this.refusedInChat(who.id, second.result);
    if (refusedToOpen(statusAndCode(second.result.error).status)) {
      // Installed, yet Teams does not open the chat yet: it can take a moment to reach every service.
      return { ok: false, error: `installed for ${who.id}, but opening the chat still answered ${answer(second.result.error)}; will try again` };
    }
    return this.failure(second.result);
  }

  /** Opens (or gets back) the personal chat and remembers it on the person's record before posting. */
  private openChat(who: Recipient, gate: RequestGate) {
    return this.calls.openAndPost({
      serviceUrl: who.serviceUrl,
      tenantId: who.tenantId,
      // The "29:" id when Tavla has one; otherwise the Entra object id, which Teams accepts once the
      // app is installed for the user (MicrosoftDocs/msteams-docs#11125), given as `id` (#14079).
      memberId: who.person?.teamsUserId ?? who.id,
      activity: who.activity,
      gate,
      opened: async (conversationId) => {
        try {
          await this.people.update(who.id, (current) => ({ ...current, personalConversationId: conversationId, serviceUrl: who.serviceUrl, tenantId: who.tenantId }));
        } catch (error) {
          // Send anyway: Teams answers the same 1:1 conversation for the same user next time.
          this.options.logger.warn({ aadObjectId: who.id, err: describe(error) }, 'could not remember the new 1:1 chat');
        }
      },
    });
  }

  /** The chat opened but the message was refused: a 403 there is a block, anything else is a plain failure. */
  private refusedInChat(id: string, result: Extract<CallResult, { ok: false }>): Promise<SendOutcome> | SendOutcome {
    return statusAndCode(result.error).status === 403 ? this.blocked(id, result) : this.failure(result);
  }

  /** Teams refused in the person's own chat: they blocked or removed Tavla. One mark, no retries. */
  private async blocked(id: string, result: Extract<CallResult, { ok: false }>): Promise<SendOutcome> {
    const detail = answer(result.error);
    try {
      await this.reach.markUnreachable(id, 'blocked', detail);
    } catch (error) {
      this.options.logger.warn({ aadObjectId: id, err: describe(error) }, 'could not record that a person blocked Tavla');
    }
    return permanent(`person ${id}: Teams answered ${detail} in the personal chat (blocked or removed Tavla)`);
  }

  /** No personal chat is possible: the person is marked unreachable, and @mentioned in a unit channel if they have one. */
  private async elsewhere(message: DeliveryMessage, target: PersonTarget, reason: UnreachableReason, detail: string, gate: RequestGate): Promise<SendOutcome> {
    const id = target.aadObjectId.toLowerCase();
    let place;
    try {
      place = await this.reach.mentionPlace(id, target.unitId);
      await this.reach.markUnreachable(id, reason, place ? `${detail}; mentioned in the channel of ${place.unitId}` : detail);
    } catch (error) {
      return { ok: false, error: `could not record an unreachable person: ${describe(error)}` };
    }
    if (!place) return permanent(`person ${id} cannot be reached (${reason}: ${detail}) and has no linked unit channel`);
    const { channel } = place;
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: channel.serviceUrl,
      conversation: { id: channel.conversationId, isGroup: true, conversationType: 'channel', tenantId: channel.tenantId, name: '' },
    };
    const activity = this.options.activityFor(message.key, withMention(message.card, { aadObjectId: id, name: place.name }, place.locale));
    const result = await this.calls.post(reference, { tenantId: channel.tenantId, conversationId: channel.conversationId }, activity, gate);
    return result.ok ? { ok: true } : this.failure(result);
  }

  /** Sent 1:1: whoever was listed as unreachable is not any more (a storage hiccup here must not undo the send). */
  private async reached(id: string): Promise<SendOutcome> {
    await this.reach.markReachable(id).catch((error: unknown) => {
      this.options.logger.warn({ aadObjectId: id, err: describe(error) }, 'could not clear an unreachable mark');
    });
    return { ok: true };
  }

  private failure(result: Extract<CallResult, { ok: false }>): Failure {
    return failureOf(result.error, result.scope, this.options.clock.now());
  }
}
