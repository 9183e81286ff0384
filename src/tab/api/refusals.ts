import { DomainError, FieldIssue, ValidationError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { TextKey, t } from '../../i18n';
import { SigningKeysUnavailable } from '../auth/signingKeys';
import { TabAuthError } from '../auth/principal';
import { RefusalDto } from '../contract';

/** A request the tab's API will not handle as sent: malformed JSON, a body of the wrong shape. */
export class BadRequest extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'BadRequest';
  }
}

export interface Refusal {
  readonly status: number;
  readonly body: RefusalDto;
  /** Something on our side, worth an operator's attention; refusals of what was asked are not. */
  readonly fault: boolean;
}

/** What the fields of the tab's forms are called, for problems shown next to them. */
const FIELD_LABELS: Readonly<Record<string, TextKey>> = {
  to: 'item.moveTo',
  reason: 'item.reasonLabel',
  ownerId: 'item.owner',
  dueDate: 'item.due',
  effort: 'item.effortLabel',
  impact: 'item.impactLabel',
  text: 'item.commentLabel',
};

export function issueText(locale: Locale, issue: FieldIssue): string {
  const label = FIELD_LABELS[issue.field];
  return t(locale, `field.${issue.problem}`, { field: label ? t(locale, label) : issue.field, ...issue.params });
}

const STATUS_OF: Readonly<Record<string, number>> = {
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  staleCard: 409,
  alreadyLinked: 409,
  notLinked: 409,
  invalid: 422,
  storageUnavailable: 503,
  damagedData: 500,
};

/**
 * Every failure as a short JSON answer in the user's language. What the caller sent or may not do
 * is a 4xx; only an outage or a fault of ours is a 5xx, and it says nothing about the inside.
 */
export function refusalOf(locale: Locale, error: unknown): Refusal {
  if (error instanceof TabAuthError) {
    return { status: error.status, body: { error: error.status === 403 ? 'tenantNotAllowed' : 'unauthorized', message: t(locale, error.status === 403 ? 'tab.tenantRefused' : 'tab.signedOut') }, fault: false };
  }
  if (error instanceof BadRequest) return { status: 400, body: { error: 'badRequest', message: t(locale, 'error.invalid') }, fault: false };
  if (error instanceof SigningKeysUnavailable) return { status: 503, body: { error: 'unavailable', message: t(locale, 'tab.unreachable') }, fault: true };
  if (error instanceof ValidationError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.field] ??= issueText(locale, issue);
    return { status: 422, body: { error: 'invalid', message: Object.values(fields).join(' ') || t(locale, 'error.invalid'), fields }, fault: false };
  }
  if (error instanceof DomainError) {
    const status = STATUS_OF[error.code] ?? 400;
    const tooLarge = error.code === 'invalid' && (error.params.reason === 'entityTooLarge' || error.params.reason === 'propertyTooLarge');
    const message = tooLarge ? t(locale, 'error.entityTooLarge') : error.code === 'invalid' ? t(locale, 'error.invalid') : t(locale, `error.${error.code}`, { unit: '', detail: '', ...error.params }).trim();
    return { status, body: { error: error.code, message }, fault: status >= 500 };
  }
  return { status: 500, body: { error: 'unexpected', message: t(locale, 'error.unexpected') }, fault: true };
}
