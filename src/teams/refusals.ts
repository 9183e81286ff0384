import { AdaptiveCardJson, renderCard } from '../cards/renderer';
import { DomainError } from '../domain/errors';
import { Locale } from '../domain/locale';
import { t } from '../i18n';
import { Logger } from '../ports/logger';
import { currentTurnBudget } from '../ports/turnBudget';
import { ConnectorHttpError } from './connectorHttp';

/**
 * Records that a request was refused. A DomainError is an expected answer (the user was told why),
 * so it is information; anything else is a fault worth an operator's attention, and so is stored
 * data found damaged (someone has to repair the row).
 */
export function logRefusal(logger: Logger, what: string, error: unknown): void {
  // A reply that could not be delivered is logged once, by the HTTP edge after the turn.
  if (error instanceof ConnectorHttpError && currentTurnBudget()?.replyFailure) return;
  const fields = { what, code: error instanceof DomainError ? error.code : undefined, err: error instanceof Error ? error.message : String(error) };
  if (error instanceof DomainError && error.code !== 'damagedData') logger.info(fields, 'request refused');
  else logger.error(fields, 'request failed');
}

/** The small card that answers a card action when not even the card itself can be shown. */
export function refusalNotice(locale: Locale, text: string): AdaptiveCardJson {
  return renderCard('notice', locale, { title: t(locale, 'error.title'), text, tone: 'attention' });
}
