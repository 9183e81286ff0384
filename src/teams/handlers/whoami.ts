import { TurnContext } from 'botbuilder';
import { renderCard } from '../../cards/renderer';
import { rolesOf } from '../../domain/access';
import { t } from '../../i18n';
import { sendCard } from '../replies';
import { actor } from '../turn';

/** "Who am I": the roles and units Tavla has for you, so people can check their set-up. */
export async function showWhoAmI(context: TurnContext): Promise<void> {
  const { locale, person, access, org } = actor(context);
  const list = (items: string[]) => (items.length ? items.join(', ') : t(locale, 'whoami.none'));
  const units = org.units
    .filter((unit) => access.memberOf.has(unit.id) || access.leaderOf.has(unit.id))
    .map((unit) => (access.leaderOf.has(unit.id) ? t(locale, 'unit.leaderSuffix', { unit: unit.name }) : unit.name));
  const areas = org.serviceAreas.filter((area) => access.serviceAreaLeaderOf.has(area.id)).map((area) => area.name);
  const roles = rolesOf(access).map((role) => t(locale, `role.${role}`));
  await sendCard(
    context,
    renderCard('whoami', locale, {
      name: person.name,
      roles: list(roles),
      units: list(units),
      serviceAreas: list(areas),
      ...(roles.length ? {} : { note: t(locale, 'whoami.notKnown') }),
    }),
  );
}
