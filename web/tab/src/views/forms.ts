import { h, uid } from '../dom';

/**
 * Form controls for the item dialog: Fluent fields around Fluent text inputs, and native select
 * and date inputs styled with the theme's tokens (the Fluent dropdown's pop-up does not sit well
 * inside a modal dialog, and Fluent has no date input).
 */
export type ValueElement = HTMLElement & { value: string };

export function field(label: string, control: HTMLElement, message?: HTMLElement): HTMLElement {
  const id = control.id || uid('field');
  control.id = id;
  control.setAttribute('slot', 'input');
  if (message) message.setAttribute('slot', 'message');
  return h('fluent-field', { 'label-position': 'above' }, h('label', { slot: 'label', for: id }, label), control, message ?? null);
}

export function select(options: readonly { readonly value: string; readonly label: string }[], selected = ''): HTMLSelectElement {
  const element = h('select', { class: 'select' });
  for (const option of options) element.append(h('option', { value: option.value, selected: option.value === selected }, option.label));
  return element;
}

export function dateInput(value = '', min?: string): HTMLInputElement {
  return h('input', { type: 'date', class: 'date-input', value, min });
}

/** A Fluent text area labelled from inside (its label slot labels the inner control, which a label outside cannot reach). */
export function textArea(label: string, maxLength: number): ValueElement {
  return h('fluent-textarea', { resize: 'vertical', maxlength: maxLength, 'label-position': 'above' }, h('fluent-label', { slot: 'label' }, label)) as ValueElement;
}

export function button(text: string, appearance: 'primary' | 'secondary' | 'subtle' = 'primary', onClick?: () => void): HTMLElement {
  const element = h('fluent-button', { appearance }, text);
  if (onClick) element.addEventListener('click', onClick);
  return element;
}
