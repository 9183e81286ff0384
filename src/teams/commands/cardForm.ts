import { FieldIssue, ValidationError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { TextKey, t } from '../../i18n';

/**
 * How a card shows the problems of a typed draft. The domain names fields as its drafts do
 * (`ownerId`, `decisions.2.dueDate`); the card has its own input ids and error slots
 * (`actionOwnerId`, `decision2Owner`). A card form says where each field's message goes and what
 * the field is called there, so every problem appears next to its input.
 */
export interface CardForm {
  /** The card's error slot for a domain field: usually its input's id. */
  slot(field: string): string;
  /** The field's name as the card labels it. */
  label(locale: Locale, field: string): string;
  /** A message of the form's own, for a problem the general ones do not say well. */
  message?(locale: Locale, issue: FieldIssue): string | undefined;
}

export interface ListedField {
  readonly label: TextKey;
  /** Where the message goes; the field's own name when it is the input id too. */
  readonly slot?: string;
}

/** A form whose fields are few and fixed, listed by their domain names. */
export function listedForm(fields: Readonly<Record<string, ListedField>>): CardForm {
  const entry = (field: string): ListedField | undefined => (Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined);
  return {
    slot: (field) => entry(field)?.slot ?? field,
    label: (locale, field) => {
      const known = entry(field);
      return known ? t(locale, known.label) : field;
    },
  };
}

/** One problem in words, e.g. "Due date cannot be in the past." */
export function issueText(locale: Locale, issue: FieldIssue, form: CardForm): string {
  return form.message?.(locale, issue) ?? t(locale, `field.${issue.problem}`, { field: form.label(locale, issue.field), ...issue.params });
}

/** A message per error slot: the first problem found for it. */
export function cardErrors(locale: Locale, error: ValidationError, form: CardForm): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) messages[form.slot(issue.field)] ??= issueText(locale, issue, form);
  return messages;
}

/** Every problem in words, in one line: for a card with no slot per field. */
export function problemsText(locale: Locale, error: ValidationError, form: CardForm): string {
  return error.issues.map((issue) => issueText(locale, issue, form)).join(' ');
}
