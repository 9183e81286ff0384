/**
 * Dragging cards between columns with a mouse or pen, by pointer events (HTML drag and drop
 * does not work on touch screens and cannot be styled well). On a phone, the Move button does
 * the same; with a keyboard, Shift + arrow keys (board.ts).
 */
export interface DragOptions {
  /** The column a point is over (an element carrying data-column), if any. */
  readonly columnAt: (x: number, y: number) => HTMLElement | undefined;
  readonly onDrop: (card: HTMLElement, column: string) => void;
  /** Whether dragging may start now (not while a move is being saved). */
  readonly enabled: () => boolean;
}

const START_DISTANCE = 6;

export function enableDrag(board: HTMLElement, options: DragOptions): { readonly dragging: () => boolean } {
  let pressed: { card: HTMLElement; x: number; y: number; pointerId: number } | undefined;
  let drag: { card: HTMLElement; ghost: HTMLElement; dx: number; dy: number; over?: HTMLElement } | undefined;
  let swallowClick = false;

  const highlight = (column: HTMLElement | undefined) => {
    if (drag?.over === column) return;
    drag?.over?.classList.remove('drop-target');
    column?.classList.add('drop-target');
    if (drag) drag.over = column;
  };

  const finish = (drop: boolean, x = 0, y = 0) => {
    if (drag) {
      const { card, ghost } = drag;
      const column = drop ? options.columnAt(x, y) : undefined;
      highlight(undefined);
      ghost.remove();
      card.classList.remove('dragging');
      document.body.classList.remove('is-dragging');
      drag = undefined;
      // The press ends on the card's button: that click is the end of a drag, not "open".
      swallowClick = true;
      window.setTimeout(() => (swallowClick = false), 0);
      const target = column?.dataset.column;
      if (target && target !== card.closest<HTMLElement>('[data-column]')?.dataset.column) options.onDrop(card, target);
    }
    pressed = undefined;
  };

  board.addEventListener('pointerdown', (event) => {
    const card = (event.target as Element).closest<HTMLElement>('.card');
    if (!card || event.button !== 0 || event.pointerType === 'touch' || !options.enabled()) return;
    if ((event.target as Element).closest('.card-move')) return;
    pressed = { card, x: event.clientX, y: event.clientY, pointerId: event.pointerId };
  });

  document.addEventListener('pointermove', (event) => {
    if (!pressed || event.pointerId !== pressed.pointerId) return;
    if (!drag) {
      if (Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) < START_DISTANCE) return;
      const { card } = pressed;
      const box = card.getBoundingClientRect();
      const ghost = card.cloneNode(true) as HTMLElement;
      ghost.classList.add('drag-ghost');
      ghost.setAttribute('aria-hidden', 'true');
      ghost.style.width = `${box.width}px`;
      document.body.append(ghost);
      card.classList.add('dragging');
      document.body.classList.add('is-dragging');
      drag = { card, ghost, dx: pressed.x - box.left, dy: pressed.y - box.top };
    }
    drag.ghost.style.transform = `translate(${event.clientX - drag.dx}px, ${event.clientY - drag.dy}px)`;
    highlight(options.columnAt(event.clientX, event.clientY));
    event.preventDefault();
  });

  document.addEventListener('pointerup', (event) => {
    if (pressed && event.pointerId === pressed.pointerId) finish(true, event.clientX, event.clientY);
  });
  document.addEventListener('pointercancel', () => finish(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && drag) finish(false);
  });
  board.addEventListener(
    'click',
    (event) => {
      if (swallowClick) {
        event.stopPropagation();
        event.preventDefault();
      }
    },
    true,
  );
  return { dragging: () => drag !== undefined };
}
