import { DomainError } from '../domain/errors';
import { Locale } from '../domain/locale';
import { t } from '../i18n';

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
