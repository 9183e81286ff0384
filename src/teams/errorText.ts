import { DomainError, FieldIssue, ValidationError } from '../domain/errors';
import { Locale } from '../domain/locale';
import { TextKey, t } from '../i18n';

/**
 * A refusal or failure in the user's language. Anything unexpected becomes a generic apology.
 * `forbiddenDetail` says who may do it instead, e.g. "Only a unit leader can ...".
 */
export function errorText(locale: Locale, error: unknown, forbiddenDetail = ''): string {
  if (!(error instanceof DomainError)) return t(locale, 'error.unexpected');
  const params = { unit: '', ...error.params, detail: forbiddenDetail };
  switch (error.code) {
    case 'invalid':
      return error.params.reason === 'entityTooLarge' || error.params.reason === 'propertyTooLarge' ? t(locale, 'error.entityTooLarge') : t(locale, 'error.invalid');
    default:
      return t(locale, `error.${error.code}`, params).trim();
  }
}

/** One message per form field, e.g. { name: "Name of the new unit is required." }. */
export function fieldMessages(locale: Locale, error: ValidationError, labels: Readonly<Record<string, TextKey>>): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) {
    messages[issue.field] ??= fieldMessage(locale, issue, labels);
  }
  return messages;
}

function fieldMessage(locale: Locale, issue: FieldIssue, labels: Readonly<Record<string, TextKey>>): string {
  const label = labels[issue.field];
  return t(locale, `field.${issue.problem}`, { field: label ? t(locale, label) : issue.field, ...issue.params });
}
