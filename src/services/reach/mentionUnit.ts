import { accessFor } from '../../domain/access';
import { ChannelLink, OrganisationSnapshot, Unit } from '../../domain/organisation';

/**
 * The unit whose channel can carry a message for a person who cannot be reached 1:1: the unit the
 * message is about when the person leads it or is a member, else the first such unit of theirs.
 * Only units with a linked channel count; someone outside the unit (a TOL visiting its topic,
 * say) would not see the channel, so they are not mentioned there.
 */
export function mentionUnit(org: OrganisationSnapshot, aadObjectId: string, preferredUnitId: string | undefined): (Unit & { readonly channel: ChannelLink }) | undefined {
  const access = accessFor({ aadObjectId: aadObjectId.toLowerCase(), name: '' }, org);
  const candidates = org.units.filter((unit): unit is Unit & { channel: ChannelLink } => !!unit.channel && (access.leaderOf.has(unit.id) || access.memberOf.has(unit.id)));
  return candidates.find((unit) => unit.id === preferredUnitId) ?? candidates[0];
}
