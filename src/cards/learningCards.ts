import { Totals } from '../domain/benefits';
import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings } from '../domain/organisation';
import { t } from '../i18n';
import { formatList } from '../i18n/format';
import { SimilarIdea } from '../services/learning/similarIdeas';
import { formatMoney, hoursText } from './benefitValues';
import { statusLabel } from './labels';
import { ActionData } from './learningModels';
import { AdaptiveCardJson, renderCard } from './renderer';

/** Which idea a similar-ideas action is about, beside the form's own inputs. */
export const SIMILAR_UNIT = 'similarUnitId';
export const SIMILAR_NUMBER = 'similarNumber';
/** Set on "save mine anyway": the similar ideas were shown, so the idea is saved. */
export const SIMILAR_SHOWN = 'similarShown';

/** "realized 104 h and 5 000 kr per year", or "no realized gain yet". */
export function realizedText(locale: Locale, realized: Totals, settings: Pick<OrganisationSettings, 'currency'>): string {
  const parts = [...(realized.hours ? [hoursText(locale, realized.hours, 0)] : []), ...(realized.money ? [formatMoney(locale, realized.money, settings.currency)] : [])];
  return parts.length ? t(locale, 'similar.gain', { gain: formatList(locale, parts) }) : t(locale, 'similar.noGain');
}

/**
 * Ideas like the one being submitted, before it is saved. Every action carries the form's inputs,
 * so that opening one keeps the draft, and "save mine anyway" saves exactly what was typed.
 */
export function similarIdeasCard(locale: Locale, title: string, suggestions: readonly SimilarIdea[], form: ActionData, settings: OrganisationSettings): AdaptiveCardJson {
  return renderCard('similar-ideas', locale, {
    intro: t(locale, 'similar.intro', { title }),
    items: suggestions.map((idea) => {
      const about = { ...form, [SIMILAR_UNIT]: idea.unit.id, [SIMILAR_NUMBER]: String(idea.number) };
      return {
        heading: `${shortId(idea.unit.code, idea.number)} ${idea.title}`,
        facts: t(locale, 'similar.facts', { unit: idea.unit.name, status: statusLabel(locale, idea.status), gain: realizedText(locale, idea.realized, settings) }),
        open: about,
        join: about,
      };
    }),
    submit: { ...form, [SIMILAR_SHOWN]: '1' },
  });
}
