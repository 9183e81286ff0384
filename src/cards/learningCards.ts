import { Totals } from '../domain/benefits';
import { Idea, shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings, Unit } from '../domain/organisation';
import { t } from '../i18n';
import { formatList } from '../i18n/format';
import { IdeaFromElsewhere, SimilarIdea } from '../services/learning/similarIdeas';
import { StakeholderLines } from '../services/learning/stakeholders';
import { TriedElsewhere } from '../services/learning/whereElse';
import { formatMoney, hoursText } from './benefitValues';
import { ideaId, statusLabel } from './labels';
import { ActionData, TriedCardItem } from './learningModels';
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
      const which = { [SIMILAR_UNIT]: idea.unit.id, [SIMILAR_NUMBER]: String(idea.number) };
      // Joining needs only the unit written for (named in the comment); opening keeps the whole draft.
      const ownUnit = Object.fromEntries(Object.entries(form).filter(([key]) => key === 'unitId' || key === 'fixedUnitId'));
      return {
        heading: `${shortId(idea.unit.code, idea.number)} ${idea.title}`,
        facts: t(locale, 'similar.facts', { unit: idea.unit.name, status: statusLabel(locale, idea.status), gain: realizedText(locale, idea.realized, settings) }),
        open: { ...form, ...which },
        join: { ...ownUnit, ...which },
      };
    }),
    submit: { ...form, [SIMILAR_SHOWN]: '1' },
  });
}

type NoteColor = 'Good' | 'Attention' | 'Default';

export interface StakeholderAskOptions {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly stakeholder: Unit;
  readonly canAnswer: boolean;
  readonly note?: string;
  readonly noteColor?: NoteColor;
  readonly comment?: string;
}

/** The short card a leader of an affected unit gets: the idea, and a comment box while it is open. */
export function stakeholderAskCard(locale: Locale, options: StakeholderAskOptions): AdaptiveCardJson {
  const { idea, unit, stakeholder } = options;
  const id = shortId(unit.code, idea.number);
  return renderCard('stakeholder-ask', locale, {
    ref: { unitId: unit.id, number: idea.number, stakeholderUnitId: stakeholder.id },
    headline: t(locale, 'stakeholders.askHeadline', { id, unit: unit.name, stakeholder: stakeholder.name }),
    heading: `${id} ${idea.title}`,
    ...(idea.situation ? { situation: idea.situation } : {}),
    ...(idea.proposal ? { proposal: idea.proposal } : {}),
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    commentLabel: t(locale, 'stakeholders.commentLabel', { unit: unit.name }),
    comment: options.comment ?? '',
    canAnswer: options.canAnswer,
  });
}

/** The item card's line: "Affected units: Sykehjem øst (answered), Veg og park (not yet)". */
export function stakeholderLine(locale: Locale, lines: StakeholderLines): string {
  const units = lines.units.map(({ unit, answered }) => t(locale, answered ? 'stakeholders.answeredUnit' : 'stakeholders.waitingUnit', { unit: unit.name }));
  const answered = lines.units.filter((line) => line.answered).length;
  return `${t(locale, 'stakeholders.line', { units: formatList(locale, units) })} ${t(locale, 'stakeholders.state', { answered: String(answered), asked: String(lines.units.length) })}`;
}

/** Choosing the units an idea affects, from its card. */
export function stakeholdersFormCard(locale: Locale, idea: Idea, unit: Unit, choices: readonly Unit[], error?: string): AdaptiveCardJson {
  return renderCard('stakeholders-form', locale, {
    ref: { unitId: unit.id, number: idea.number },
    heading: t(locale, 'stakeholders.formHeading', { id: shortId(unit.code, idea.number) }),
    choices: choices.map((choice) => ({ title: choice.name, value: choice.id })),
    value: (idea.stakeholders ?? []).join(','),
    ...(error ? { error } : {}),
  });
}

export interface WhereElseOptions {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly realized: Totals;
  readonly settings: OrganisationSettings;
  readonly note?: string;
  readonly noteColor?: NoteColor;
  readonly answered?: boolean;
}

/** "Could it help elsewhere?" to the leader of the unit of a done idea with an approved realized gain. */
export function whereElseCard(locale: Locale, options: WhereElseOptions): AdaptiveCardJson {
  const { idea, unit } = options;
  const id = shortId(unit.code, idea.number);
  return renderCard('where-else', locale, {
    ref: { unitId: unit.id, number: idea.number },
    headline: t(locale, 'whereElse.headline', { id }),
    heading: `${id} ${idea.title}`,
    ...(idea.proposal ? { proposal: idea.proposal } : {}),
    gain: realizedText(locale, options.realized, options.settings),
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    canAnswer: !options.answered,
  });
}

/** A unit's digest lines for practices tried elsewhere. */
export function triedItems(locale: Locale, unitId: string, tried: readonly TriedElsewhere[], settings: OrganisationSettings): TriedCardItem[] {
  return tried.map((offer) => {
    const id = shortId(offer.fromUnit.code, offer.from.number);
    return {
      text: t(locale, 'tried.line', { id, title: offer.title, unit: offer.fromUnit.name, gain: realizedText(locale, offer.realized, settings) }),
      adoptTitle: t(locale, 'tried.adopt', { id }),
      unitId,
      fromUnitId: offer.from.unitId,
      fromNumber: offer.from.number,
    };
  });
}

/**
 * A similar idea from another unit's board, for someone outside that unit: what it is about, where,
 * its status and realized gain, and a note (e.g. "you joined"). No actions: the board is the unit's.
 */
export function ideaFromElsewhereCard(locale: Locale, seen: Extract<IdeaFromElsewhere, { member: false }>, settings: OrganisationSettings, note?: string): AdaptiveCardJson {
  const { idea, unit } = seen;
  const facts = t(locale, 'similar.facts', { unit: unit.name, status: statusLabel(locale, idea.status), gain: realizedText(locale, seen.realized, settings) });
  return renderCard('idea-summary', locale, {
    ref: { unitId: unit.id, number: idea.number },
    headline: note ?? t(locale, 'similar.fromElsewhere', { unit: unit.name }),
    id: ideaId(unit.code, idea.number),
    title: idea.title,
    statusText: statusLabel(locale, idea.status),
    text: [idea.situation, idea.proposal, facts].filter(Boolean).join('\n\n'),
    summaryOnly: true,
  });
}
