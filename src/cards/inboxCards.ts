import { daysBetween, localDate } from '../domain/dates';
import { Benefit } from '../domain/benefits';
import { Locale } from '../domain/locale';
import { OrganisationSettings } from '../domain/organisation';
import { plural, t } from '../i18n';
import { formatDay } from '../i18n/format';
import { ApprovalEntry, ApprovalInboxView } from '../services/benefits/approvalInbox';
import { WaitingView } from '../services/waitingForDecision';
import { benefitArithmetic } from './benefitValues';
import { categoryLabel, ideaId } from './labels';
import { WaitingCardData } from './models';
import { AdaptiveCardJson, renderCard } from './renderer';

/** A leader's inbox: the approvals list, and the "waiting for your decision" part of "my items". */

/** "My items" shows this many approvals; the list shows them all. */
export const APPROVALS_ON_MY_ITEMS = 3;
/** And this many long-overdue items; the board has the rest. */
export const ESCALATED_ON_MY_ITEMS = 4;

/** What the gain is, in a few words: its arithmetic, or for quality its indicator or category. */
function gainText(locale: Locale, benefit: Benefit, settings: OrganisationSettings): string {
  return benefitArithmetic(locale, benefit, settings) ?? benefit.indicator ?? categoryLabel(locale, benefit.category, settings.benefitCategories);
}

const heading = ({ idea, unit }: ApprovalEntry): string => `${ideaId(unit.code, idea.number)} ${idea.title}`;

/** The list of approvals, oldest first, each opening the approval card (the same card and verbs as the request). */
export function approvalInboxCard(locale: Locale, view: ApprovalInboxView): AdaptiveCardJson {
  const { settings } = view;
  const hidden = view.total - view.entries.length;
  return renderCard('approval-inbox', locale, {
    lead: view.total ? plural(locale, 'inbox.lead', view.total) : t(locale, 'inbox.empty'),
    entries: view.entries.map((entry) => {
      const { benefit, idea, unit } = entry;
      const waited = daysBetween(localDate(new Date(benefit.createdAt), settings.timeZone), view.today);
      return {
        heading: heading(entry),
        detail: t(locale, 'inbox.detail', { unit: unit.name, amount: gainText(locale, benefit, settings) }),
        registered: plural(locale, 'inbox.registered', Math.max(0, waited), { name: benefit.submittedBy.name, date: formatDay(locale, benefit.createdAt, settings.timeZone) }),
        unitId: unit.id,
        number: idea.number,
        benefitId: benefit.id,
      };
    }),
    ...(hidden > 0 ? { more: plural(locale, 'inbox.more', hidden) } : {}),
    ...(view.ownPending ? { own: plural(locale, 'inbox.ownPending', view.ownPending) } : {}),
  });
}

/** The "waiting for your decision" section, or undefined when nothing waits. */
export function waitingCardData(locale: Locale, view: WaitingView): WaitingCardData | undefined {
  const { approvals, escalated } = view;
  if (!approvals.total && !escalated.length) return undefined;
  const shownApprovals = approvals.entries.slice(0, APPROVALS_ON_MY_ITEMS);
  const moreApprovals = approvals.total - shownApprovals.length;
  const shownEscalated = escalated.slice(0, ESCALATED_ON_MY_ITEMS);
  return {
    approvals: shownApprovals.map((entry) => ({
      heading: heading(entry),
      detail: t(locale, 'waiting.approvalDetail', { unit: entry.unit.name, name: entry.benefit.submittedBy.name }),
      unitId: entry.unit.id,
      number: entry.idea.number,
      benefitId: entry.benefit.id,
    })),
    ...(moreApprovals > 0 ? { moreApprovals: plural(locale, 'waiting.moreApprovals', moreApprovals) } : {}),
    escalated: shownEscalated.map(({ item, unit }) => ({
      heading: item.actionId === undefined ? `${ideaId(unit.code, item.ideaNumber)} ${item.ideaTitle}` : t(locale, 'reminder.actionHeading', { id: ideaId(unit.code, item.ideaNumber), title: item.ideaTitle, text: item.text }),
      detail: plural(locale, 'waiting.escalatedDetail', item.daysOverdue, { owner: item.owner.name, unit: unit.name }),
      unitId: unit.id,
      number: item.ideaNumber,
    })),
    ...(escalated.length > shownEscalated.length ? { moreEscalated: plural(locale, 'waiting.moreEscalated', escalated.length - shownEscalated.length) } : {}),
  };
}
