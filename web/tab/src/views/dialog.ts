import type { Dialog } from '@fluentui/web-components';
import { Child, h, uid } from '../dom';
import { tr } from '../i18n';

export interface OpenDialog {
  readonly body: HTMLElement;
  readonly problems: HTMLElement;
  close(): void;
}

/**
 * A modal Fluent dialog with a title, a body the caller fills, and a Close button. It removes
 * itself when closed, and gives focus back to what had it before.
 */
export function openDialog(title: string, ...content: Child[]): OpenDialog {
  const titleId = uid('dialog-title');
  const body = h('div', { class: 'dialog-content' }, ...content);
  const problems = h('div', { class: 'dialog-problems' });
  const closeButton = h('fluent-button', { slot: 'action', appearance: 'secondary' }, tr('tab.close'));
  const dialog = h(
    'fluent-dialog',
    { type: 'modal', 'aria-labelledby': titleId },
    h('fluent-dialog-body', {}, h('h2', { slot: 'title', id: titleId, class: 'dialog-title' }, title), problems, body, closeButton),
  ) as unknown as Dialog & HTMLElement;
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    dialog.hide();
    dialog.remove();
    returnFocus?.focus();
  };
  closeButton.addEventListener('click', close);
  // Escape (the native dialog's cancel) hides it; take it out of the page then too.
  dialog.addEventListener('toggle', () => {
    if (!dialog.hasAttribute('open') && !(dialog.shadowRoot?.querySelector('dialog')?.open ?? false)) close();
  });
  document.body.append(dialog);
  dialog.show();
  return { body, problems, close };
}

/** A problem shown inside a dialog, in words. */
export function showProblem(target: HTMLElement, text: string): void {
  target.replaceChildren(h('fluent-message-bar', { intent: 'error', layout: 'multiline', role: 'alert' }, text));
}
