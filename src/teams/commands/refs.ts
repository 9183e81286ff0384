import { LocalDate, isLocalDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { BENEFIT_ID_PATTERN, isActionId, isIdeaNumber, isUnitId, isVersion } from '../../domain/ids';
import { BenefitKey } from '../../ports/benefitRepository';
import { CardData } from './cardData';

/**
 * What a card action is about: the unit, idea, action item, benefit or meeting its buttons carry
 * in their data. Each is checked by shape here; anything that is not shaped like one of ours is
 * answered as "not found" before any storage call is made.
 */

const notFound = (): never => {
  throw new DomainError('notFound');
};

/** A unit id (a slug) from `key`. */
export function unitIdOf(data: CardData, key = 'unitId'): string {
  const unitId = data.token(key) ?? '';
  return isUnitId(unitId) ? unitId : notFound();
}

export interface IdeaRef {
  readonly unitId: string;
  readonly number: number;
}

export function ideaRefOf(data: CardData): IdeaRef {
  const number = data.wholeNumber('number');
  const unitId = unitIdOf(data);
  return number !== undefined && isIdeaNumber(number) ? { unitId, number } : notFound();
}

/** A version the card was made from; 0 when the card carries none. */
export function versionOf(data: CardData): number {
  if (!data.has('version')) return 0;
  const version = data.wholeNumber('version');
  return version !== undefined && isVersion(version) ? version : notFound();
}

/** The idea and the version of it the card showed. */
export function ideaOnCardOf(data: CardData): IdeaRef & { readonly version: number } {
  return { ...ideaRefOf(data), version: versionOf(data) };
}

/** An action item id; `undefined` when the card is about the idea itself (no id, or 0). */
export function actionIdOf(data: CardData): number | undefined {
  if (!data.has('actionId')) return undefined;
  const actionId = data.wholeNumber('actionId');
  if (actionId === 0) return undefined;
  return actionId !== undefined && isActionId(actionId) ? actionId : notFound();
}

export function benefitKeyOf(data: CardData): BenefitKey {
  const { unitId, number } = ideaRefOf(data);
  const id = data.token('benefitId') ?? '';
  return BENEFIT_ID_PATTERN.test(id) ? { unitId, ideaNumber: number, id } : notFound();
}

/** A benefit id that may be absent (a form not made from an earlier registration). */
export function optionalBenefitIdOf(data: CardData, key: string): string | undefined {
  const id = data.token(key) ?? '';
  if (!id) return undefined;
  return BENEFIT_ID_PATTERN.test(id) ? id : notFound();
}

export interface MeetingRef {
  readonly unitId: string;
  readonly date: LocalDate;
  readonly version: number;
}

/** A meeting: the unit, the date (a real calendar date), and the log version the form was made from. */
export function meetingRefOf(data: CardData): MeetingRef {
  const unitId = unitIdOf(data);
  const date = data.token('date') ?? '';
  return isLocalDate(date) ? { unitId, date, version: versionOf(data) } : notFound();
}
