/**
 * Live enough: the page reads again when it gets focus or becomes visible, and every 30 seconds
 * while it is visible, so a change made from a card in the chat shows up. A hidden tab reads
 * nothing. A read is skipped while another is under way or while the person is moving a card.
 */
export const REFRESH_EVERY_MS = 30_000;

export type RefreshReason = 'focus' | 'timer';

export function keepFresh(refresh: (reason: RefreshReason) => Promise<void>, busy: () => boolean, everyMs = REFRESH_EVERY_MS): () => void {
  let running = false;
  const run = (reason: RefreshReason) => {
    if (running || busy() || document.visibilityState !== 'visible') return;
    running = true;
    refresh(reason).finally(() => {
      running = false;
    });
  };
  const onFocus = () => run('focus');
  const onVisible = () => {
    if (document.visibilityState === 'visible') run('focus');
  };
  window.addEventListener('focus', onFocus);
  document.addEventListener('visibilitychange', onVisible);
  const timer = window.setInterval(() => run('timer'), everyMs);
  return () => {
    window.removeEventListener('focus', onFocus);
    document.removeEventListener('visibilitychange', onVisible);
    window.clearInterval(timer);
  };
}
