import { Locale } from '../domain/locale';
import { plural, t } from '../i18n';
import { formatDay, formatTime } from '../i18n/format';
import { UnreachableList } from '../services/reach/reachability';
import { UnreachableCardData } from './models';

/**
 * "Not reachable in a personal chat": the part of the administrators' status card and of their
 * organisation digest that lists who Tavla cannot reach 1:1, why, and since when. Undefined when
 * everyone is reachable, so the cards leave the part out.
 */
export function unreachableSection(locale: Locale, list: UnreachableList, timeZone: string): UnreachableCardData | undefined {
  if (list.total === 0) return undefined;
  const since = (at: Date) => `${formatDay(locale, at.toISOString(), timeZone)} ${formatTime(locale, at.toISOString(), timeZone)}`;
  return {
    heading: t(locale, 'reach.heading', { count: list.total }),
    lines: list.shown.map((person) => ({
      text: t(locale, 'reach.line', { name: person.name || person.aadObjectId, reason: t(locale, `reach.reason.${person.reason}`), at: since(person.at) }),
    })),
    ...(list.total > list.shown.length ? { more: plural(locale, 'reach.more', list.total - list.shown.length) } : {}),
    hint: t(locale, 'reach.hint'),
  };
}
