import { notificationCard } from '../cards/notificationCards';
import { Unit } from '../domain/organisation';
import { Notification, Notifier } from '../ports/notifier';
import { Outbox } from '../ports/outbox';
import { PeopleRepository } from '../ports/peopleRepository';
import { OrganisationDirectory } from '../services/organisationDirectory';
import { recipientLocales } from './recipientLocale';

/** What makes a notification unique: the change that caused it (ids are unique per change). */
function eventId(notification: Notification): string {
  switch (notification.kind) {
    case 'ideaSubmitted':
    case 'ideaStopped':
      return notification.idea.lastChange.id;
    case 'approvalRequested':
      return `${notification.benefit.id}|${notification.reminder ? (notification.benefit.approvalRequestedAt ?? '') : notification.benefit.lastChangeId}`;
    case 'benefitDecided':
      return `${notification.benefit.id}|${notification.benefit.lastChangeId}`;
    case 'followUpDue':
      return `${notification.benefit.id}|${notification.months}`;
    case 'stakeholderAsked':
      return `${notification.idea.unitId}|${notification.idea.number}|${notification.stakeholder.id}`;
    case 'whereElse':
      return `${notification.idea.unitId}|${notification.idea.number}`;
  }
}

/**
 * Notifications go through the outbox like every proactive message: rendered now in the
 * recipient's language, sent by the delivery worker at Teams' pace, once per event and recipient.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
  ) {}

  async toPerson(aadObjectId: string, notification: Notification): Promise<void> {
    const org = await this.directory.snapshot();
    const locale = await recipientLocales(this.people, org.settings.language)(aadObjectId);
    await this.outbox.enqueue([
      {
        key: `notify|${notification.kind}|${eventId(notification)}|${aadObjectId}`,
        job: 'notification',
        // The unit the notification is about: its channel carries it if no personal chat can be opened.
        target: { kind: 'person', aadObjectId, unitId: notification.unit.id },
        card: notificationCard(locale, notification, org.settings),
      },
    ]);
  }

  async toUnitChannel(unit: Unit, notification: Notification): Promise<void> {
    if (!unit.channel) return;
    const org = await this.directory.snapshot();
    await this.outbox.enqueue([
      {
        key: `notify|${notification.kind}|${eventId(notification)}|channel:${unit.id}`,
        job: 'notification',
        target: { kind: 'channel', conversationId: unit.channel.conversationId, serviceUrl: unit.channel.serviceUrl, tenantId: unit.channel.tenantId },
        card: notificationCard(org.settings.language, notification, org.settings),
      },
    ]);
  }
}
