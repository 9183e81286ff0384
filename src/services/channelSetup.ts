import { Access, canCreateUnitIn, canManageUnit, canSetUpChannels } from '../domain/access';
import { DomainError, ValidationError } from '../domain/errors';
import { isSlug, slugify } from '../domain/ids';
import { ChannelLink, MAX_PEOPLE_PER_UNIT, OrganisationSnapshot, ServiceArea, Unit, channelOf, nextUnitCode, unitForChannel } from '../domain/organisation';
import { Person, PersonRef, uniqueRefs } from '../domain/people';
import { FieldChecker } from '../domain/fieldChecker';
import { displayName } from '../domain/text';
import { Logger } from '../ports/logger';
import { OrganisationRepository } from '../ports/organisationRepository';
import { PersonRecord } from '../ports/peopleRepository';
import { OrganisationDirectory } from './organisationDirectory';
import { PeopleService } from './peopleService';

export interface SetupOptions {
  readonly linkedUnit?: Unit;
  readonly canSetUp: boolean;
  /** Units this person may link the channel to. */
  readonly units: readonly Unit[];
  /** Service areas this person may create a unit in. */
  readonly serviceAreas: readonly ServiceArea[];
}

/** A new unit as typed on the set-up card. */
export interface CreateUnit {
  readonly name?: string;
  readonly serviceAreaId?: string;
}

export interface LinkResult {
  readonly unit: Unit;
  readonly membersAdded: number;
}

/** Fetches the linked team's roster; called only after the link is made. */
export type RosterLoader = () => Promise<readonly PersonRecord[]>;

/**
 * Linking a Teams channel to a unit, from the set-up card the bot posts when it is added to a
 * team. Who may do it is decided here from stored roles, whatever the card offered.
 */
export class ChannelSetup {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly directory: OrganisationDirectory,
    private readonly people: PeopleService,
    private readonly logger: Logger,
  ) {}

  async options(person: Person, conversationId: string): Promise<SetupOptions> {
    const { access, org } = await this.directory.accessOf(person);
    return setupOptionsFor(access, org, conversationId);
  }

  async link(person: Person, unitId: string, channel: ChannelLink, loadRoster: RosterLoader): Promise<LinkResult> {
    const { access, org } = await this.directory.accessOf(person);
    const checks = new FieldChecker();
    const unit = org.units.find((u) => u.id === checks.text('unitId', unitId, 'name', { required: true }));
    if (checks.issues.length) throw new ValidationError(checks.issues);
    if (!unit) throw new ValidationError([{ field: 'unitId', problem: 'unknownOption' }]);
    if (!canManageUnit(access, unit)) throw new DomainError('forbidden');
    assertChannelFree(org, channel, unit.id);
    const linked = await this.organisation.updateUnit(unit.id, (current) => ({ ...current, channel: cleanedChannel(channel) }));
    this.directory.invalidate();
    return { unit: linked, membersAdded: await this.addRoster(linked, loadRoster) };
  }

  async create(person: Person, input: CreateUnit, channel: ChannelLink, loadRoster: RosterLoader): Promise<LinkResult> {
    const { access, org } = await this.directory.accessOf(person);
    const checks = new FieldChecker();
    const name = checks.text('name', input.name, 'name', { required: true });
    const areaIds = org.serviceAreas.map((area) => area.id);
    const serviceAreaId = checks.oneOf('serviceAreaId', input.serviceAreaId, areaIds, { required: true });
    if (name && org.units.some((u) => u.name.toLowerCase() === name.toLowerCase())) {
      checks.add({ field: 'name', problem: 'duplicate' });
    }
    if (checks.issues.length || !name || !serviceAreaId) throw new ValidationError(checks.issues);
    if (!canCreateUnitIn(access, serviceAreaId)) throw new DomainError('forbidden');
    assertChannelFree(org, channel, undefined);
    const unit: Unit = {
      id: uniqueUnitId(name, org),
      code: nextUnitCode(org.units),
      name,
      serviceAreaId,
      leaders: [{ kind: 'aad', id: person.aadObjectId.toLowerCase() }],
      members: [],
      channel: cleanedChannel(channel),
    };
    await this.organisation.createUnit(unit);
    this.directory.invalidate();
    return { unit, membersAdded: await this.addRoster(unit, loadRoster) };
  }

  /**
   * The team's roster becomes the unit's members, and each member becomes reachable 1:1. A roster
   * that cannot be read leaves the link in place: members join as they talk to the bot.
   */
  private async addRoster(unit: Unit, loadRoster: RosterLoader): Promise<number> {
    let roster: readonly PersonRecord[];
    try {
      roster = await loadRoster();
    } catch (error) {
      this.logger.warn({ unitId: unit.id, err: error instanceof Error ? error.message : String(error) }, 'team roster unavailable');
      return 0;
    }
    if (!roster.length) return 0;
    await this.people.rememberRoster(roster);
    let added = 0;
    await this.organisation.updateUnit(unit.id, (current) => {
      const members = uniqueRefs([...current.members, ...roster.map((m): PersonRef => ({ kind: 'aad', id: m.aadObjectId.toLowerCase() }))]).slice(0, MAX_PEOPLE_PER_UNIT);
      added = members.length - current.members.length;
      const names = { ...current.names, ...Object.fromEntries(roster.filter((m) => displayName(m.name)).map((m) => [m.aadObjectId.toLowerCase(), displayName(m.name)])) };
      return { ...current, members, names };
    });
    this.directory.invalidate();
    return added;
  }
}

export function setupOptionsFor(access: Access, org: OrganisationSnapshot, conversationId: string): SetupOptions {
  return {
    linkedUnit: unitForChannel(org, conversationId),
    canSetUp: canSetUpChannels(access),
    units: org.units.filter((unit) => canManageUnit(access, unit)),
    serviceAreas: org.serviceAreas.filter((area) => canCreateUnitIn(access, area.id)),
  };
}

/** The channel's name comes from Teams and is stored: cleaned like every other text. */
function cleanedChannel(channel: ChannelLink): ChannelLink {
  const { channelName, ...rest } = channel;
  const name = channelName ? displayName(channelName) : '';
  return { ...rest, ...(name ? { channelName: name } : {}) };
}

function assertChannelFree(org: OrganisationSnapshot, channel: ChannelLink, unitId: string | undefined): void {
  const holder = unitForChannel(org, channelOf(channel.conversationId));
  if (holder && holder.id !== unitId) throw new DomainError('alreadyLinked', { unit: holder.name });
}

function uniqueUnitId(name: string, org: OrganisationSnapshot): string {
  const base = slugify(name);
  const taken = new Set(org.units.map((u) => u.id));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 36)}-${n}`;
    if (!taken.has(candidate) && isSlug(candidate)) return candidate;
  }
}
