import { benefitCard } from './benefitCards';
import { ideaSummaryCard } from './ideaCards';
import { stakeholderAskCard, whereElseCard } from './learningCards';
import { statusLabel } from './labels';
import { AdaptiveCardJson } from './renderer';
import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings } from '../domain/organisation';
import { plural, t } from '../i18n';
import { formatDate } from '../i18n/format';
import { Notification } from '../ports/notifier';

const DECIDED_HEADLINES = { approved: 'notify.benefitApproved', rejected: 'notify.benefitRejected', changesRequested: 'notify.benefitChangesRequested' } as const;

/**
 * The card for each kind of notification, in the recipient's language. Benefit cards need the
 * organisation's settings: its currency, hours per FTE, time zone and category names.
 */
export function notificationCard(locale: Locale, notification: Notification, settings: OrganisationSettings): AdaptiveCardJson {
  const { idea, unit } = notification;
  const id = shortId(unit.code, idea.number);
  switch (notification.kind) {
    case 'ideaSubmitted':
      return ideaSummaryCard(locale, idea, unit, t(locale, 'notify.ideaSubmitted', { id, name: idea.submitter.name, title: idea.title }), idea.proposal);
    case 'ideaStopped':
      return ideaSummaryCard(
        locale,
        idea,
        unit,
        t(locale, 'notify.ideaStopped', { id, title: idea.title, status: statusLabel(locale, idea.status).toLowerCase() }),
        idea.statusReason ? t(locale, 'item.reason', { reason: idea.statusReason }) : undefined,
      );
    case 'approvalRequested': {
      const { benefit } = notification;
      const headline = notification.reminder
        ? t(locale, 'notify.approvalReminder', { id, title: idea.title, date: formatDate(locale, benefit.registeredOn) })
        : t(locale, 'notify.approvalRequested', { id, title: idea.title, name: benefit.submittedBy.name });
      // Sent only to the unit's service-area leaders; the server checks again on every press.
      return benefitCard(locale, { benefit, ...(notification.story ? { story: notification.story } : {}), idea, unit, settings, canDecide: true }, { headline });
    }
    case 'benefitDecided': {
      const { benefit } = notification;
      const decision = benefit.decision;
      const headline = decision ? t(locale, DECIDED_HEADLINES[decision.outcome], { id, title: idea.title, name: decision.by.name }) : undefined;
      return benefitCard(locale, { benefit, ...(notification.story ? { story: notification.story } : {}), idea, unit, settings, canDecide: false }, headline ? { headline } : {});
    }
    case 'followUpDue': {
      const { benefit, months } = notification;
      // The card's button opens the measurement form of this plan: a measurement, not a new registration.
      return benefitCard(locale, { benefit, ...(notification.story ? { story: notification.story } : {}), idea, unit, settings, canDecide: false }, { headline: plural(locale, 'notify.followUpDue', months, { id, title: idea.title }) });
    }
    case 'stakeholderAsked':
      return stakeholderAskCard(locale, { idea, unit, stakeholder: notification.stakeholder, canAnswer: true });
    case 'whereElse':
      return whereElseCard(locale, { idea, unit, realized: notification.realized, settings });
  }
}
