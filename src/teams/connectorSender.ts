import { Activity, CardFactory, CloudAdapter, ConversationReference, MessageFactory } from 'botbuilder';
import { AppInstaller } from '../ports/appInstaller';
import { Clock, systemClock } from '../ports/clock';
import { Logger, silentLogger } from '../ports/logger';
import { DeliveryMessage, MessageSender, RequestGate, SendOutcome } from '../ports/messageSender';
import { PeopleRepository } from '../ports/peopleRepository';
import { ReachDirectory } from '../ports/reach';
import { ConnectorCalls } from './connectorCalls';
import { failureOf } from './connectorHttp';
import { PersonalDelivery } from './personalDelivery';

// Kept here for the callers that imported them from the sender before the HTTP client had a file of its own.
export { ConnectorHttpError, SingleTryHttpClient, outboxConnectorClientOptions, parseRetryAfter } from './connectorHttp';

/**
 * Without a directory the sender reaches only people with a stored chat or reference: nobody is
 * found by Entra object id alone, nobody is marked, nobody is @mentioned instead.
 */
const NO_REACH: ReachDirectory = {
  serviceUrlFor: async () => undefined,
  defaultTenant: async () => undefined,
  isBlocked: async () => false,
  markUnreachable: async () => undefined,
  markReachable: async () => undefined,
  mentionPlace: async () => undefined,
};

export interface ConnectorSenderOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Put the outbox key in the activity's channelData (tavlaOutboxKey), so a duplicate is recognisable downstream. Default true. */
  readonly tagWithKey?: boolean;
  /** When a stored 1:1 conversation answers 404, open a new one and send there (once per try). Default true. */
  readonly recreateMissingChat?: boolean;
  /** Tenants' service URLs, unreachable people, unit channels to @mention in. */
  readonly reach?: ReachDirectory;
  /** Installs Tavla for a person Teams says lacks it (PROACTIVE_INSTALL); none: they are @mentioned instead. */
  readonly installer?: AppInstaller;
}

/**
 * Sends outbox messages through the Bot Connector with a CloudAdapter: into a channel
 * conversation, or 1:1 to a person (see PersonalDelivery for how a person is reached). Every
 * connector request asks the gate (rate limiter) first. Failures are reported with their HTTP
 * status and Retry-After; nothing is retried here.
 */
export class ConnectorSender implements MessageSender {
  private readonly clock: Clock;
  private readonly tagWithKey: boolean;
  private readonly calls: ConnectorCalls;
  private readonly personal: PersonalDelivery;

  constructor(
    /** Built with {@link outboxConnectorClientOptions}, so the SDK does not retry on its own. */
    adapter: CloudAdapter,
    botAppId: string,
    people: PeopleRepository,
    options: ConnectorSenderOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.tagWithKey = options.tagWithKey ?? true;
    this.calls = new ConnectorCalls(adapter, botAppId);
    this.personal = new PersonalDelivery(this.calls, people, options.reach ?? NO_REACH, options.installer, {
      clock: this.clock,
      logger: options.logger ?? silentLogger,
      recreateMissingChat: options.recreateMissingChat ?? true,
      activityFor: (key, card) => this.activityFor(key, card),
    });
  }

  async send(message: DeliveryMessage, gate: RequestGate): Promise<SendOutcome> {
    const { target } = message;
    if (target.kind === 'person') return this.personal.send(message, target, gate);
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: { id: target.conversationId, isGroup: true, conversationType: 'channel', tenantId: target.tenantId, name: '' },
    };
    const result = await this.calls.post(reference, { tenantId: target.tenantId, conversationId: target.conversationId }, this.activityFor(message.key, message.card), gate);
    return result.ok ? { ok: true } : failureOf(result.error, result.scope, this.clock.now());
  }

  private activityFor(key: string, card: Readonly<Record<string, unknown>>): Partial<Activity> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    if (this.tagWithKey) activity.channelData = { tavlaOutboxKey: key };
    return activity;
  }
}
