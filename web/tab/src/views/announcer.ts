import { h } from '../dom';

/**
 * What screen readers hear after a move, and what everyone sees when something was refused: a
 * polite live region for announcements, and a message bar for problems that need reading.
 */
export interface Announcer {
  readonly element: HTMLElement;
  say(text: string): void;
  problem(text: string): void;
  clear(): void;
}

export function createAnnouncer(): Announcer {
  const live = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const bar = h('div', { class: 'problems' });
  const element = h('div', { class: 'announcer' }, live, bar);
  return {
    element,
    say(text) {
      // Emptied first, so the same sentence twice is announced twice.
      live.textContent = '';
      window.setTimeout(() => (live.textContent = text), 50);
    },
    problem(text) {
      const message = h('fluent-message-bar', { intent: 'error', layout: 'multiline', role: 'alert' }, text);
      bar.replaceChildren(message);
    },
    clear() {
      bar.replaceChildren();
    },
  };
}
