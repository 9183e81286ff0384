import { DomainError } from '../../domain/errors';
import { isSlug, isUnitId } from '../../domain/ids';
import { DigestRequest, DigestWeek } from '../../services/rhythm/digestOnDemand';
import { CardData } from './cardData';

/** The digest card's buttons: which of the person's digests, and which week. */

const WEEKS: readonly DigestWeek[] = ['last', 'current'];

/** digest.show {scope, scopeId, week}: anything not shaped like one of ours is "not found". */
export function digestRequestOf(data: CardData): DigestRequest {
  const week = WEEKS.find((w) => w === data.token('week'));
  const scope = data.token('scope');
  const scopeId = data.token('scopeId') ?? '';
  if (!week) throw new DomainError('notFound');
  if (scope === 'organisation' && scopeId === 'organisation') return { week, scope: { scope, scopeId } };
  if (scope === 'area' && isSlug(scopeId)) return { week, scope: { scope, scopeId } };
  if (scope === 'unit' && isUnitId(scopeId)) return { week, scope: { scope, scopeId } };
  throw new DomainError('notFound');
}
