import { EFFORTS, IMPACTS, IdeaStatus } from '../../../../src/domain/ideas';
import type { CardDto, ItemDto, RefusalDto } from '../../../../src/tab/contract';
import type { TextKey } from '../../../../src/i18n';
import { Api, ApiError } from '../api';
import { Child, h } from '../dom';
import { date, day, statusName, time, tr } from '../i18n';
import { OpenDialog, openDialog, showProblem } from './dialog';
import { button, dateInput, field, select, textArea } from './forms';

const NEEDS_REASON: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>(['parked', 'rejected']);
const HISTORY_KINDS = ['submitted', 'status', 'priority', 'assigned', 'action', 'actionDone', 'rootCause', 'benefit', 'benefitDecision'] as const;

const fact = (term: string, ...value: Child[]) => [h('dt', {}, term), h('dd', {}, ...value)];

function historyText(what: string): string {
  const kind = HISTORY_KINDS.find((k) => k === what);
  return kind ? tr(`history.${kind}`) : what;
}

function section(titleKey: TextKey, ...content: Child[]): HTMLElement {
  return h('section', { class: 'item-section' }, h('h3', {}, tr(titleKey)), ...content);
}

/**
 * An item opened from the board: its details and history (IdeaViews.item), with the item card's
 * main actions: move, owner and due date, priority, tick off an action item, comment. Each action
 * goes through the same change as the card, with the version shown; after it, the item is read
 * again and the board refreshed.
 */
export class ItemDialog {
  private dialog?: OpenDialog;

  constructor(
    private readonly api: Api,
    private readonly changed: () => void,
  ) {}

  async open(card: CardDto): Promise<void> {
    this.dialog = openDialog(tr('tab.itemHeading', { id: card.shortId, title: card.title }), h('fluent-spinner', { size: 'small', 'aria-label': tr('tab.loading') }));
    await this.show(card.unitId, card.number);
  }

  private async show(unitId: string, number: number, note?: string): Promise<void> {
    const dialog = this.dialog;
    if (!dialog) return;
    try {
      const item = await this.api.get<ItemDto>(`/units/${unitId}/ideas/${number}`);
      dialog.body.replaceChildren(...this.render(item));
      if (note) dialog.problems.replaceChildren(h('fluent-message-bar', { intent: 'success', role: 'status' }, note));
    } catch (error) {
      showProblem(dialog.problems, error instanceof ApiError ? error.refusal.message : tr('error.unexpected'));
    }
  }

  /** Sends one change; on success shows the item again with "Saved", on refusal says why. */
  private async send(item: ItemDto, path: 'changes' | 'comments', body: unknown, done: string): Promise<void> {
    const dialog = this.dialog;
    if (!dialog) return;
    try {
      await this.api.post(`/units/${item.unit.id}/ideas/${item.card.number}/${path}`, body);
      this.changed();
      await this.show(item.unit.id, item.card.number, done);
    } catch (error) {
      const refusal: RefusalDto = error instanceof ApiError ? error.refusal : { error: 'unexpected', message: tr('error.unexpected') };
      showProblem(dialog.problems, refusal.message);
      // A stale version: what is shown is out of date, so show it as it is now (the problem stays).
      if (refusal.error === 'staleCard') {
        this.changed();
        const current = await this.api.get<ItemDto>(`/units/${item.unit.id}/ideas/${item.card.number}`).catch(() => undefined);
        if (current) dialog.body.replaceChildren(...this.render(current));
      }
    }
  }

  private render(item: ItemDto): HTMLElement[] {
    const { card } = item;
    const saved = tr('item.saved');
    const details = h(
      'dl',
      { class: 'item-facts' },
      ...fact(tr('item.status'), statusName(card.status)),
      ...fact(tr('item.owner'), card.owner?.name ?? tr('board.noOwner')),
      ...fact(tr('item.due'), card.dueDate ? date(card.dueDate) : tr('item.none'), card.overdue ? h('fluent-badge', { appearance: 'filled', color: 'danger', size: 'small' }, tr('item.overdue')) : null),
      ...fact(tr('item.type'), tr(`ideaType.${card.type}`)),
      ...fact(tr('item.wastes'), card.wastes.length ? card.wastes.map((w) => tr(`waste.${w}`)).join(', ') : tr('item.none')),
      ...fact(tr('item.priority'), card.effort && card.impact ? tr('tab.effortImpact', { effort: tr(`effort.${card.effort}`), impact: tr(`impact.${card.impact}`) }) : tr('item.none')),
    );
    const parts: HTMLElement[] = [
      h('p', { class: 'item-submitted' }, tr('item.submittedBy', { name: item.submitter.name, date: day(item.createdAt) })),
      details,
    ];
    if (card.benefitMissing) parts.push(h('fluent-message-bar', { intent: 'warning' }, tr('item.benefitMissing')));
    if (item.statusReason) parts.push(h('p', {}, tr('item.reason', { reason: item.statusReason })));
    if (item.situation) parts.push(section('item.situation', h('p', { class: 'prose' }, item.situation)));
    if (item.proposal) parts.push(section('item.proposal', h('p', { class: 'prose' }, item.proposal)));

    if (card.moves.length) {
      const to = select(card.moves.map((status) => ({ value: status, label: statusName(status) })));
      const reason = textArea(tr('item.reasonLabel'), 500);
      const showReason = () => reason.toggleAttribute('hidden', !NEEDS_REASON.has(to.value as IdeaStatus));
      to.addEventListener('change', showReason);
      showReason();
      parts.push(
        section(
          'item.move',
          h('div', { class: 'form-row' }, field(tr('item.moveTo'), to), reason),
          button(tr('item.moveButton'), 'primary', () => void this.send(item, 'changes', { kind: 'move', version: card.version, to: to.value, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }, saved)),
        ),
      );
    }
    if (item.can.plan) {
      const owner = select([{ value: '', label: tr('board.noOwner') }, ...item.people.map((p) => ({ value: p.id, label: p.name }))], card.owner?.id ?? '');
      const due = dateInput(card.dueDate && !card.overdue ? card.dueDate : '', item.today);
      const effort = select(EFFORTS.map((value) => ({ value, label: tr(`effort.${value}`) })), card.effort ?? 'easy');
      const impact = select(IMPACTS.map((value) => ({ value, label: tr(`impact.${value}`) })), card.impact ?? 'high');
      parts.push(
        section(
          'item.plan',
          h('div', { class: 'form-row' }, field(tr('item.owner'), owner), field(tr('item.due'), due)),
          button(tr('item.assignButton'), 'primary', () => void this.send(item, 'changes', { kind: 'assign', version: card.version, ownerId: owner.value, dueDate: due.value }, saved)),
          h('div', { class: 'form-row' }, field(tr('item.effortLabel'), effort), field(tr('item.impactLabel'), impact)),
          button(tr('item.planButton'), 'secondary', () => void this.send(item, 'changes', { kind: 'prioritise', version: card.version, effort: effort.value, impact: impact.value }, saved)),
        ),
      );
    }
    if (item.actions.length) {
      parts.push(
        section(
          'item.actions',
          h(
            'ul',
            { class: 'item-actions' },
            ...item.actions.map((action) =>
              h(
                'li',
                { class: action.done ? 'done' : action.overdue ? 'overdue' : '' },
                tr('item.actionLine', { text: action.text, owner: action.owner?.name ?? tr('board.noOwner'), due: action.dueDate ? date(action.dueDate) : tr('item.none') }),
                action.done ? ` · ${tr('item.actionDone')}` : null,
                !action.done ? button(tr('item.markDone'), 'subtle', () => void this.send(item, 'changes', { kind: 'completeAction', version: card.version, actionId: action.id }, saved)) : null,
              ),
            ),
          ),
        ),
      );
    }
    const comments = item.comments.length
      ? h('ul', { class: 'item-comments' }, ...item.comments.map((c) => h('li', {}, tr('item.commentLine', { name: c.by.name, date: `${day(c.at)} ${time(c.at)}`, text: c.text }))))
      : h('p', {}, tr('tab.noComments'));
    const commentParts: Child[] = [comments];
    if (item.can.comment) {
      const text = textArea(tr('item.commentLabel'), 4000);
      text.classList.add('comment-input');
      const post = button(tr('item.commentButton'), 'secondary', () => void this.send(item, 'comments', { text: text.value }, tr('item.commented')));
      post.classList.add('comment-button');
      commentParts.push(text, post);
    }
    parts.push(section('item.comments', ...commentParts));
    parts.push(
      section(
        'item.history',
        h('ul', { class: 'item-history' }, ...item.history.map((entry) => h('li', {}, tr('item.historyLine', { when: `${day(entry.at)} ${time(entry.at)}`, name: entry.by.name, what: historyText(entry.what) }), entry.detail ? h('span', { class: 'detail' }, ` (${entry.detail})`) : null))),
      ),
    );
    return parts;
  }
}
