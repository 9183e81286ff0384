import { ideaSummaryCard } from '../cards/ideaCards';
import { statusLabel } from '../cards/labels';
import { AdaptiveCardJson } from '../cards/renderer';
import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { t } from '../i18n';
import { Notification } from '../ports/notifier';

/** The card for each kind of notification, in the recipient's language. */
export function notificationCard(locale: Locale, notification: Notification): AdaptiveCardJson {
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
    case 'approvalRequested':
    case 'benefitDecided':
    case 'followUpDue':
      // Interim: the benefit cards (approval, decision, follow-up) are being built; until then the
      // recipient gets the idea with a plain line saying what happened.
      return ideaSummaryCard(locale, idea, unit, `${id} ${idea.title}`, notification.kind);
  }
}
