import { IdeaStatus } from '../../../../src/domain/ideas';
import type { CardDto } from '../../../../src/tab/contract';
import { h } from '../dom';
import { statusName, tr } from '../i18n';
import { openDialog, showProblem } from './dialog';
import { button, textArea } from './forms';

/** Parking and rejecting tell the submitter why; the other moves need no words. */
const NEEDS_REASON: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>(['parked', 'rejected']);

/**
 * "Move HN-3 to": the statuses this person may move the card to, one button each; parking or
 * rejecting asks for the reason first. The server decides again when the move is sent.
 */
export function openMoveDialog(card: CardDto, move: (to: IdeaStatus, reason?: string) => Promise<string | undefined>): void {
  const choices = h('div', { class: 'move-choices', role: 'group', 'aria-label': tr('tab.moveTitle', { id: card.shortId }) });
  const reasonArea = h('div', { class: 'move-reason' });
  const dialog = openDialog(tr('tab.moveTitle', { id: card.shortId }), choices, reasonArea);
  const send = async (to: IdeaStatus, reason?: string) => {
    const problem = await move(to, reason);
    if (problem) showProblem(dialog.problems, problem);
    else dialog.close();
  };
  if (card.moves.length === 0) {
    choices.append(h('p', {}, tr('error.forbidden', { detail: '' }).trim()));
    return;
  }
  for (const to of card.moves) {
    const choice = h('fluent-button', { appearance: NEEDS_REASON.has(to) ? 'secondary' : 'primary' }, statusName(to));
    choice.addEventListener('click', () => {
      if (!NEEDS_REASON.has(to)) return void send(to);
      const input = textArea(tr('tab.reasonLabel'), 500);
      const confirm = button(`${tr('tab.move')}: ${statusName(to)}`, 'primary', () => void send(to, input.value.trim() || undefined));
      reasonArea.replaceChildren(input, confirm);
      input.focus();
    });
    choices.append(choice);
  }
}
