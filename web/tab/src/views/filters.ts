import { IDEA_TYPES, IdeaType, WASTES, Waste } from '../../../../src/domain/ideas';
import type { CardDto } from '../../../../src/tab/contract';

/** What the board shows: everything, or only mine, only overdue, one type (3×F), one waste. */
export interface Filters {
  readonly mine: boolean;
  readonly overdue: boolean;
  readonly type?: IdeaType;
  readonly waste?: Waste;
}

export const NO_FILTERS: Filters = { mine: false, overdue: false };

export const isFiltering = (filters: Filters): boolean => filters.mine || filters.overdue || !!filters.type || !!filters.waste;

export function matches(card: CardDto, filters: Filters): boolean {
  return (!filters.mine || card.mine) && (!filters.overdue || card.overdue) && (!filters.type || card.type === filters.type) && (!filters.waste || card.wastes.includes(filters.waste));
}

export const asType = (value: string): IdeaType | undefined => IDEA_TYPES.find((type) => type === value);
export const asWaste = (value: string): Waste | undefined => WASTES.find((waste) => waste === value);
