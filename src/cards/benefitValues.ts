import { toNumber } from '../domain/amounts';
import { BenefitMeasure, MEASURE_SCALE } from '../domain/benefitMeasure';
import { Benefit, BenefitPeriod, annualised, fteFromHours } from '../domain/benefits';
import { Locale } from '../domain/locale';
import { OrganisationSettings } from '../domain/organisation';
import { t } from '../i18n';
import { LANGUAGE_TAGS, formatNumber } from '../i18n/format';

/** Benefit values in words and numbers, the same on every card: "2,5 t", "1 500 kr", "7 500 liter". */

/** Money from minor units in the organisation's currency: "1 500 kr", "1.500 kr.", "NOK 1,500". */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  const decimals = minor % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(minor / 100);
}

/** Full-time equivalents always with two decimals: "0,06". */
export function formatFte(locale: Locale, fte: number): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fte);
}

export const hoursText = (locale: Locale, hundredths: number, decimals = 2): string => t(locale, 'benefitAmount.hours', { n: formatNumber(locale, toNumber(hundredths, 'hours'), decimals) });
export const fteText = (locale: Locale, hundredths: number, hoursPerFte: number): string => t(locale, 'benefitAmount.fte', { n: formatFte(locale, fteFromHours(hundredths, hoursPerFte)) });

type Settings = Pick<OrganisationSettings, 'currency' | 'hoursPerFte'>;

/** One value of an indicator, with its unit: "3 h", "12 000 kr", "7 500 litres", "4 falls". */
export function valueText(locale: Locale, measure: BenefitMeasure, scaled: number, settings: Settings, unit?: string): string {
  switch (measure) {
    case 'hours':
      return hoursText(locale, scaled);
    case 'money':
      return formatMoney(locale, scaled, settings.currency);
    default:
      return `${formatNumber(locale, toNumber(scaled, 'quantity'), 3)} ${unit ?? ''}`.trim();
  }
}

/** A value per the benefit's period: "3 h/week", "12 000 kr/month", "4" for quality. */
export function perPeriodText(locale: Locale, benefit: Pick<Benefit, 'measure' | 'period' | 'unit'>, scaled: number, settings: Settings): string {
  const value = valueText(locale, benefit.measure, scaled, settings, benefit.unit);
  return benefit.measure === 'quality' ? value : t(locale, `benefitAmount.${benefit.period}`, { amount: value });
}

/** A number as typed back into the form ("2,5" in nb and da), without grouping. */
export function typedValue(locale: Locale, measure: BenefitMeasure, scaled: number | undefined): string {
  if (scaled === undefined) return '';
  const text = String(toNumber(scaled, MEASURE_SCALE[measure]));
  return locale === 'en' ? text : text.replace('.', ',');
}

/**
 * The arithmetic behind a gain, e.g. "2 h/week ≈ 104 h/yr ≈ 0.06 FTE" or "1 500 kr/month ≈
 * 18 000 kr/yr"; for quantity and quality the gain in the indicator's unit.
 */
export function benefitArithmetic(locale: Locale, benefit: Pick<Benefit, 'measure' | 'amount' | 'period' | 'unit'>, settings: Settings): string | undefined {
  if (benefit.amount === undefined) return undefined;
  const perYear = annualised({ amount: benefit.amount, period: benefit.period });
  const parts = [perPeriodText(locale, benefit, benefit.amount, settings)];
  const repeats = benefit.period === 'week' || benefit.period === 'month';
  if (benefit.measure !== 'quality' && repeats) parts.push(t(locale, 'benefitAmount.year', { amount: valueText(locale, benefit.measure, perYear, settings, benefit.unit) }));
  if (benefit.measure === 'hours') parts.push(fteText(locale, perYear, settings.hoursPerFte));
  return parts.join(' ≈ ');
}

/** The periods a plan's values can be per. */
export const periodLabel = (locale: Locale, period: BenefitPeriod): string => t(locale, `benefitPeriod.${period}`);
