import { TurnContext } from 'botbuilder';
import { EMPTY_IDEA_FORM, ideaFormCard, ideaSummaryCard } from '../../cards/ideaCards';
import { goalChoices } from '../../cards/goalCards';
import { IdeaFormValues } from '../../cards/models';
import { AdaptiveCardJson } from '../../cards/renderer';
import { localDate } from '../../domain/dates';
import { ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { peopleOfUnit, unitForChannel, Unit } from '../../domain/organisation';
import { t } from '../../i18n';
import { parseCommand } from '../../i18n/commandWords';
import { AppDeps } from '../deps';
import { logRefusal } from '../refusals';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { IDEA_FORM, IDEA_FORM_INPUTS, ideaSubmissionOf } from '../commands/ideaCommands';
import { sendCard } from '../replies';
import { actor } from '../turn';
import { similarBeforeSaving } from './similarIdeas';
import { stakeholderChoices } from '../../domain/stakeholders';

/** The form's inputs as they came back, to show them again with the errors. */
function formValues(data: CardData): IdeaFormValues {
  return { ...EMPTY_IDEA_FORM, ...Object.fromEntries(IDEA_FORM_INPUTS.map((key) => [key, data.text(key) ?? ''])) };
}

export interface FormSetting {
  readonly units: readonly Unit[];
  /** The unit when the person need not choose: their only unit, or the channel's. */
  readonly fixedUnit?: Unit;
}

/** Which units the form offers, given where it was asked for. */
export async function formSetting(context: TurnContext, deps: AppDeps): Promise<FormSetting> {
  const { person, org } = actor(context);
  const units = await deps.services.ideaSubmission.unitsFor(person);
  const channelUnit = unitForChannel(org, context.activity.conversation.id);
  const fixedUnit = channelUnit && units.some((u) => u.id === channelUnit.id) ? channelUnit : units.length === 1 ? units[0] : undefined;
  return { units, ...(fixedUnit ? { fixedUnit } : {}) };
}

export function buildIdeaForm(
  context: TurnContext,
  deps: AppDeps,
  setting: FormSetting,
  extra: { values?: Partial<IdeaFormValues>; error?: string; errors?: Record<string, string>; inDialog?: boolean } = {},
): AdaptiveCardJson {
  const { locale, org } = actor(context);
  return ideaFormCard(locale, {
    units: setting.fixedUnit ? [] : setting.units,
    fixedUnitId: setting.fixedUnit?.id ?? '',
    settings: org.settings,
    people: setting.fixedUnit ? peopleOfUnit(setting.fixedUnit, org.aliases) : [],
    goals: goalChoices(org.goals, setting.fixedUnit ? [setting.fixedUnit] : setting.units),
    stakeholderUnits: setting.fixedUnit ? stakeholderChoices(org, setting.fixedUnit) : org.units,
    today: localDate(deps.clock.now(), org.settings.timeZone),
    ...extra,
  });
}

/** "idé" / "idea" (optionally with a title): the new-idea form, in chat or in the unit's channel. */
export async function showIdeaForm(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale } = actor(context);
  const setting = await formSetting(context, deps);
  if (!setting.units.length) {
    await context.sendActivity(t(locale, 'ideaForm.noUnit'));
    return;
  }
  const title = parseCommand(context.activity.text ?? '')?.rest ?? '';
  await sendCard(context, buildIdeaForm(context, deps, setting, { values: { title } }));
}

export interface SubmissionOutcome {
  readonly ok: boolean;
  /** For the person who submitted: thanks, or the form with its problems. */
  readonly card: AdaptiveCardJson;
  /** For everyone else in a channel: the new idea, replacing the form they saw. */
  readonly shared?: AdaptiveCardJson;
  /** The thanks as plain text, for a dialog that closes with a message. */
  readonly confirmation: string;
}

/**
 * Submits the form's inputs. Success gives the thank-you card with the idea's short id; a refusal
 * gives the same form back, with what was typed and the problems next to their fields.
 */
export async function submitIdeaForm(context: TurnContext, deps: AppDeps, raw: unknown, inDialog = false): Promise<SubmissionOutcome> {
  const { locale, person, org } = actor(context);
  const data = CardData.of(raw);
  try {
    const command = ideaSubmissionOf(data);
    // Similar ideas first (not in a dialog, which closes on submit): none similar enough, and it is saved as always.
    const similar = inDialog ? undefined : await similarBeforeSaving(context, deps, data, command);
    if (similar) return { ok: false, card: similar, confirmation: '' };
    const { idea, unit } = await deps.services.ideaSubmission.submit(
      { ...person, teamsId: context.activity.from.id },
      { ...command, inUnitChannel: !!command.unitId && unitForChannel(org, context.activity.conversation.id)?.id === command.unitId },
    );
    const id = shortId(unit.code, idea.number);
    const confirmation = t(locale, 'idea.submitted', { id, unit: unit.name });
    const card = ideaSummaryCard(locale, idea, unit, confirmation);
    const shared = ideaSummaryCard(locale, idea, unit, t(locale, 'notify.ideaSubmitted', { id, name: idea.submitter.name, title: idea.title }), idea.proposal);
    return { ok: true, card, confirmation, ...(context.activity.conversation.conversationType === 'personal' ? {} : { shared }) };
  } catch (error) {
    const setting = await formSetting(context, deps).catch(() => ({ units: [] }));
    const values = formValues(data);
    if (error instanceof ValidationError) {
      const card = buildIdeaForm(context, deps, setting, { values, error: t(locale, 'error.invalid'), errors: cardErrors(locale, error, IDEA_FORM), inDialog });
      return { ok: false, card, confirmation: '' };
    }
    logRefusal(deps.logger, 'idea.submit', error);
    return { ok: false, card: buildIdeaForm(context, deps, setting, { values, error: errorText(locale, error), inDialog }), confirmation: '' };
  }
}
