import { LocalDate } from '../domain/dates';
import { Effort, IdeaStatus, IdeaType, Impact, FishboneCategory, Waste, shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { BenefitCategory, BUILT_IN_BENEFIT_CATEGORIES } from '../domain/organisation';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { Choice } from './models';

/** Words for domain values, in the user's language. One place, so every card says the same. */

export const statusLabel = (locale: Locale, status: IdeaStatus): string => t(locale, `status.${status}`);
export const typeLabel = (locale: Locale, type: IdeaType): string => t(locale, `ideaType.${type}`);
export const wasteLabel = (locale: Locale, waste: Waste): string => t(locale, `waste.${waste}`);
export const effortLabel = (locale: Locale, effort: Effort): string => t(locale, `effort.${effort}`);
export const impactLabel = (locale: Locale, impact: Impact): string => t(locale, `impact.${impact}`);
export const fishboneLabel = (locale: Locale, category: FishboneCategory): string => t(locale, `fishbone.${category}`);

/** Built-in categories are named by the catalog; an organisation's own carry their names. */
export function categoryLabel(locale: Locale, category: BenefitCategory | string, categories: readonly BenefitCategory[] = []): string {
  const found: Pick<BenefitCategory, 'id' | 'names'> = typeof category === 'string' ? (categories.find((c) => c.id === category) ?? { id: category }) : category;
  const builtIn = BUILT_IN_BENEFIT_CATEGORIES.find((id) => id === found.id);
  return found.names?.[locale] ?? (builtIn ? t(locale, `category.${builtIn}`) : found.names?.en ?? found.id);
}

export const dateLabel = (locale: Locale, date: LocalDate | undefined): string => (date ? formatDate(locale, date) : t(locale, 'item.none'));

export const ideaId = (unitCode: string, number: number): string => shortId(unitCode, number);

export function choices<T extends string>(values: readonly T[], label: (value: T) => string): Choice[] {
  return values.map((value) => ({ value, title: label(value) }));
}
