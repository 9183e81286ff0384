import { TurnContext } from 'botbuilder';
import { AdaptiveCardJson, renderCard } from '../../cards/renderer';
import { ValidationError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { Unit, unitForChannel } from '../../domain/organisation';
import { plural, t } from '../../i18n';
import { SetupOptions } from '../../services/channelSetup';
import { channelLinkOf } from '../activityInfo';
import { AppDeps } from '../deps';
import { logRefusal } from '../refusals';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { SETUP_FORM, SetupCommand, setupOf } from '../commands/setupCommands';
import { replaceCardForEveryone, sendCard } from '../replies';
import { actor, turnInfo } from '../turn';


/**
 * The set-up card offers every unit and service area: it is shared in the channel and anyone may
 * press it, so what a person is allowed to do is decided when they press, not by what is shown.
 */
function setupCard(locale: Locale, options: Pick<SetupOptions, 'units' | 'serviceAreas'>, extra: { error?: string; errors?: Record<string, string>; input?: SetupCommand } = {}): AdaptiveCardJson {
  const input = extra.input ?? { unitId: '' };
  return renderCard('setup', locale, {
    units: options.units.map((u) => ({ title: u.name, value: u.id })),
    serviceAreas: options.serviceAreas.map((a) => ({ title: a.name, value: a.id })),
    canSetUp: true,
    ...(extra.error ? { error: extra.error } : {}),
    errors: extra.errors ?? {},
    values: { unitId: input.unitId, name: input.name ?? '', serviceAreaId: input.serviceAreaId ?? '' },
  });
}

function linkedCard(locale: Locale, unit: Unit, actorName: string, membersAdded: number): AdaptiveCardJson {
  return renderCard('notice', locale, {
    title: t(locale, 'setup.linkedTitle', { unit: unit.name }),
    text: t(locale, 'setup.linkedText', { name: actorName, members: plural(locale, 'setup.members', membersAdded) }),
    tone: 'good',
  });
}

function alreadyLinkedCard(locale: Locale, unit: Unit): AdaptiveCardJson {
  return renderCard('notice', locale, { title: t(locale, 'setup.linkedAlready', { unit: unit.name }), text: '', tone: 'default' });
}

/** The card to post in a channel: the set-up form, or a note that the channel is already linked. */
function channelSetupCard(context: TurnContext): AdaptiveCardJson {
  const { locale, org } = turnInfo(context);
  const linked = unitForChannel(org, context.activity.conversation.id);
  if (linked) return alreadyLinkedCard(locale, linked);
  return setupCard(locale, { units: org.units, serviceAreas: org.serviceAreas });
}

export async function postSetupCard(context: TurnContext): Promise<void> {
  await sendCard(context, channelSetupCard(context));
}

type SetupAction = (deps: AppDeps, context: TurnContext, input: SetupCommand) => Promise<{ unit: Unit; membersAdded: number }>;

const linkAction: SetupAction = (deps, context, input) => {
  const { person } = actor(context);
  return deps.services.channelSetup.link(person, input.unitId, channelOrThrow(context), () => deps.teams.teamRoster(context));
};

const createAction: SetupAction = (deps, context, input) => {
  const { person } = actor(context);
  return deps.services.channelSetup.create(person, input, channelOrThrow(context), () => deps.teams.teamRoster(context));
};

function channelOrThrow(context: TurnContext) {
  const channel = channelLinkOf(context.activity);
  if (!channel) throw new ValidationError([{ field: 'unitId', problem: 'unknownOption' }]);
  return channel;
}

/** Runs a set-up verb; on success everyone in the channel sees "linked", on failure the form comes back. */
export function setupVerb(deps: AppDeps, action: SetupAction) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale, org } = turnInfo(context);
    const input = setupOf(CardData.of(raw));
    try {
      const { unit, membersAdded } = await action(deps, context, input);
      const card = linkedCard(locale, unit, context.activity.from.name ?? '', membersAdded);
      await replaceCardForEveryone(context, card);
      return card;
    } catch (error) {
      logRefusal(deps.logger, 'setup', error);
      const fresh = await deps.services.directory.snapshot().catch(() => org);
      const options = { units: fresh.units, serviceAreas: fresh.serviceAreas };
      if (error instanceof ValidationError) {
        return setupCard(locale, options, { error: t(locale, 'error.invalid'), errors: cardErrors(locale, error, SETUP_FORM), input });
      }
      return setupCard(locale, options, { error: errorText(locale, error, t(locale, 'setup.whoCan')), input });
    }
  };
}

export const setupLink = (deps: AppDeps) => setupVerb(deps, linkAction);
export const setupCreate = (deps: AppDeps) => setupVerb(deps, createAction);
