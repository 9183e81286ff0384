import { FishboneCategory, FISHBONE_CATEGORIES, shortId } from '../domain/ideas';
import { MAX_FISHBONE_ACTIONS, mainCauses } from '../domain/fishbone';
import { Locale } from '../domain/locale';
import { Unit } from '../domain/organisation';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { FishboneSuggestion, FishboneView } from '../services/leadership/fishbones';
import { fishboneLabel } from './labels';
import { FishboneCardData, FishboneConcludeCardData } from './fishboneModels';
import { causeInput, fbaActionInputs } from './fishboneInputs';
import { TextColor } from './models';
import { RevisionFollowUpRow } from './revisionModels';
import { AdaptiveCardJson, renderCard } from './renderer';

/** The fishbone cards: the analysis (in the unit's channel and 1:1), and the facilitators' conclusion form. */

/** Causes listed per category; the rest are counted. Keeps the card well under Teams' size limit. */
export const MAX_CAUSES_SHOWN = 10;
/** People offered as owners of actions. */
const MAX_PEOPLE = 20;
/** A cause in the list of main-cause choices is cut to this length. */
const MAX_CHOICE = 90;

export interface FishboneCardOptions {
  readonly note?: string;
  readonly noteColor?: TextColor;
  /** What was typed, kept when the causes come back with problems. */
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
  readonly error?: string;
}

export function fishboneCardData(locale: Locale, view: FishboneView, options: FishboneCardOptions = {}): FishboneCardData {
  const { analysis, unit } = view;
  const collecting = analysis.status === 'collecting';
  const errors = options.errors ?? {};
  const byCategory = (category: FishboneCategory) => analysis.causes.filter((c) => c.category === category);
  const main = mainCauses(analysis);
  return {
    ref: { unitId: unit.id, id: analysis.id, version: analysis.version },
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    title: t(locale, 'fba.title', { unit: unit.name }),
    question: t(locale, 'fba.question'),
    started: t(locale, analysis.reason === 'stagnation' ? 'fba.startedStagnation' : 'fba.started', { date: formatDate(locale, analysis.startedOn), name: analysis.startedBy.name }),
    collecting,
    canAdd: view.canAdd,
    canFacilitate: view.canFacilitate,
    categories: FISHBONE_CATEGORIES.map((category) => {
      const causes = byCategory(category);
      const input = causeInput(category);
      return {
        heading: t(locale, 'fba.categoryHeading', { category: fishboneLabel(locale, category), count: causes.length }),
        lines: causes.slice(-MAX_CAUSES_SHOWN).map((c) => ({ text: t(locale, 'fba.causeLine', { text: c.text, name: c.by.name }) })),
        ...(causes.length > MAX_CAUSES_SHOWN ? { more: t(locale, 'fba.more', { count: causes.length - MAX_CAUSES_SHOWN }) } : {}),
        inputId: input,
        value: options.values?.[input] ?? '',
        ...(errors[input] ? { error: errors[input] } : {}),
      };
    }),
    ...(options.error ? { error: options.error } : {}),
    ...(analysis.status === 'concluded'
      ? {
          concluded: {
            line: t(locale, 'fba.concluded', { date: formatDate(locale, analysis.concludedOn ?? analysis.startedOn), name: analysis.concludedBy?.name ?? '' }),
            mainCauses: main.map((c) => ({ text: `${fishboneLabel(locale, c.category)}: ${c.text}` })),
            ...(analysis.outcome ? { outcome: t(locale, 'fba.outcomeLine', { text: analysis.outcome }) } : {}),
            ...(analysis.ideaNumber !== undefined ? { actions: t(locale, 'fba.actionsOnBoard', { id: shortId(unit.code, analysis.ideaNumber) }) } : {}),
          },
        }
      : {}),
  };
}

export const fishboneCard = (locale: Locale, view: FishboneView, options: FishboneCardOptions = {}): AdaptiveCardJson => renderCard('fishbone', locale, fishboneCardData(locale, view, options));

export function fishboneConcludeCardData(locale: Locale, view: FishboneView, options: FishboneCardOptions = {}): FishboneConcludeCardData {
  const { analysis, unit } = view;
  const typed = options.values;
  const errors = options.errors ?? {};
  const cut = (text: string) => ([...text].length > MAX_CHOICE ? `${[...text].slice(0, MAX_CHOICE - 1).join('')}…` : text);
  const rows: RevisionFollowUpRow[] = Array.from({ length: MAX_FISHBONE_ACTIONS }, (_, i) => {
    const ids = fbaActionInputs(i + 1);
    return {
      textId: ids.text,
      ownerId: ids.owner,
      dueId: ids.due,
      textLabel: t(locale, 'fba.actionTextLabel', { n: i + 1 }),
      text: typed?.[ids.text] ?? '',
      owner: typed?.[ids.owner] ?? '',
      due: typed?.[ids.due] ?? '',
      ...(errors[ids.text] ? { textError: errors[ids.text] } : {}),
      ...(errors[ids.owner] ? { ownerError: errors[ids.owner] } : {}),
      ...(errors[ids.due] ? { dueError: errors[ids.due] } : {}),
    };
  });
  return {
    ref: { unitId: unit.id, id: analysis.id, version: analysis.version },
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    title: t(locale, 'fba.concludeTitle', { unit: unit.name }),
    causes: analysis.causes.map((c) => ({ value: String(c.id), title: cut(`${fishboneLabel(locale, c.category)}: ${c.text}`) })),
    people: view.people.slice(0, MAX_PEOPLE).map((p) => ({ title: p.name, value: p.id })),
    today: view.today,
    values: { mainCauseIds: typed?.mainCauseIds ?? '', outcome: typed?.outcome ?? '' },
    actions: rows,
    errors: { ...(errors.mainCauseIds ? { mainCauseIds: errors.mainCauseIds } : {}), ...(errors.outcome ? { outcome: errors.outcome } : {}) },
  };
}

export const fishboneConcludeCard = (locale: Locale, view: FishboneView, options: FishboneCardOptions = {}): AdaptiveCardJson =>
  renderCard('fishbone-conclude', locale, fishboneConcludeCardData(locale, view, options));

/** A unit that has no analysis under way, with a button to start one (for those who may). */
export function fishboneStartCard(locale: Locale, unit: Unit, mayStart: boolean): AdaptiveCardJson {
  return renderCard('unit-choice', locale, {
    headline: t(locale, 'fba.noneUnderWay', { unit: unit.name }),
    intro: mayStart ? t(locale, 'fba.suggestIntro') : t(locale, 'fba.onlyFacilitators'),
    verb: 'fishbone.start',
    button: t(locale, 'fba.start'),
    units: mayStart ? [{ unitId: unit.id, name: unit.name }] : [],
  });
}

/** The units to choose from, after "fiskebein" for someone in several. */
export function fishboneUnitsCard(locale: Locale, units: readonly Unit[]): AdaptiveCardJson {
  return renderCard('unit-choice', locale, { headline: t(locale, 'fba.chooseHeading'), verb: 'fishbone.open', button: t(locale, 'fba.open'), units: units.map((u) => ({ unitId: u.id, name: u.name })) });
}

/** To a coach or service-area leader: the unit has stalled; start an analysis. */
export function fishboneSuggestionCard(locale: Locale, suggestion: Pick<FishboneSuggestion, 'unit' | 'weeks'>, quietWeeks: number): AdaptiveCardJson {
  return renderCard('unit-choice', locale, {
    headline: t(locale, 'fba.suggestHeadline', { unit: suggestion.unit.name, weeks: quietWeeks + suggestion.weeks }),
    intro: t(locale, 'fba.suggestIntro'),
    verb: 'fishbone.start',
    button: t(locale, 'fba.start'),
    reason: 'stagnation',
    units: [{ unitId: suggestion.unit.id, name: suggestion.unit.name }],
  });
}
