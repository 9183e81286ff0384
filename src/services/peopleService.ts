import { isEntraObjectId } from '../domain/ids';
import { Locale } from '../domain/locale';
import { OrganisationSnapshot } from '../domain/organisation';
import { displayName } from '../domain/text';
import { PeopleRepository, PersonRecord } from '../ports/peopleRepository';
import { OrganisationRepository } from '../ports/organisationRepository';
import { OrganisationDirectory } from './organisationDirectory';

/** A Teams user as seen on an incoming activity. */
export interface SeenUser {
  readonly aadObjectId: string;
  readonly name: string;
  readonly teamsUserId: string;
  readonly tenantId?: string;
  readonly serviceUrl: string;
  readonly locale?: Locale;
  /** Set when the user wrote in the 1:1 chat with the bot. */
  readonly personalConversationId?: string;
}

/** Looks up a user's UPN in the Teams roster; undefined when Teams does not say. */
export type UpnLookup = () => Promise<string | undefined>;

const isNamedInOrganisation = (upn: string, org: OrganisationSnapshot): boolean =>
  org.units.some((u) => [...u.leaders, ...u.members].some((r) => r.kind === 'upn' && r.upn === upn)) ||
  org.serviceAreas.some((a) => a.leaders.some((r) => r.kind === 'upn' && r.upn === upn)) ||
  org.roleAssignments.some((a) => a.person.kind === 'upn' && a.person.upn === upn);

/**
 * Remembers the people the bot meets and how to reach them later (1:1 proactive messages), and
 * learns which UPN belongs to which Entra object id so roles given by e-mail in an import apply.
 * Storage is touched only when something new is learned, not on every message.
 */
export class PeopleService {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly people: PeopleRepository,
    private readonly organisation: OrganisationRepository,
    private readonly directory: OrganisationDirectory,
  ) {}

  async remember(seen: SeenUser, lookupUpn: UpnLookup): Promise<void> {
    // Only Entra object ids become keys; the name Teams gives is stored, so it is cleaned first.
    if (!isEntraObjectId(seen.aadObjectId)) return;
    const user = { ...seen, name: displayName(seen.name) };
    const fingerprint = [user.name, user.locale, user.personalConversationId, user.serviceUrl].join('|');
    if (this.known.get(user.aadObjectId) === fingerprint) return;
    const stored = await this.people.get(user.aadObjectId);
    const upn = stored?.upn ?? (await lookupUpn().catch(() => undefined))?.toLowerCase();
    const record: PersonRecord = {
      aadObjectId: user.aadObjectId,
      name: user.name,
      teamsUserId: user.teamsUserId,
      serviceUrl: user.serviceUrl,
      ...(user.tenantId ? { tenantId: user.tenantId } : {}),
      ...(user.locale ? { locale: user.locale } : {}),
      ...(upn ? { upn } : {}),
      ...(user.personalConversationId ? { personalConversationId: user.personalConversationId } : {}),
    };
    if (!stored || changed(stored, record)) await this.people.save(record);
    if (upn) await this.learnAlias(upn, user.aadObjectId);
    await this.learnName(user);
    this.known.set(user.aadObjectId, fingerprint);
  }

  /** Units show their people by name on cards (e.g. choosing an owner); keep the names current. */
  private async learnName(user: SeenUser): Promise<void> {
    if (!user.name) return;
    const { access, org } = await this.directory.accessOf(user);
    const id = user.aadObjectId.toLowerCase();
    const stale = org.units.filter((u) => (access.memberOf.has(u.id) || access.leaderOf.has(u.id)) && u.names?.[id] !== user.name);
    for (const unit of stale) {
      await this.organisation.updateUnit(unit.id, (current) => ({ ...current, names: { ...current.names, [id]: user.name } }));
    }
    if (stale.length) this.directory.invalidate();
  }

  /** Members found in a linked team's roster: reachable 1:1 later even if they never wrote. */
  async rememberRoster(roster: readonly PersonRecord[]): Promise<void> {
    const members = roster.filter((m) => isEntraObjectId(m.aadObjectId)).map((m) => ({ ...m, name: displayName(m.name) }));
    await this.people.saveMany(members);
    const org = await this.directory.snapshot();
    const named = members.filter((m) => m.upn && isNamedInOrganisation(m.upn.toLowerCase(), org) && !org.aliases.has(m.upn.toLowerCase()));
    for (const member of named) await this.organisation.saveAlias(member.upn!, member.aadObjectId);
    if (named.length) this.directory.invalidate();
  }

  async get(aadObjectId: string): Promise<PersonRecord | undefined> {
    return this.people.get(aadObjectId);
  }

  /** "stop reminders" / "start reminders": each person decides for themselves. */
  async setReminders(person: { aadObjectId: string; name: string }, on: boolean): Promise<void> {
    // A change of this one field, on the stored record as it is now: a language change at the same moment survives.
    await this.people.update(person.aadObjectId, (current) => {
      const { remindersOff: _previous, ...rest } = current;
      return { ...rest, name: current.name || displayName(person.name), ...(on ? {} : { remindersOff: true }) };
    });
  }

  private async learnAlias(upn: string, aadObjectId: string): Promise<void> {
    const org = await this.directory.snapshot();
    if (org.aliases.get(upn) === aadObjectId.toLowerCase() || !isNamedInOrganisation(upn, org)) return;
    await this.organisation.saveAlias(upn, aadObjectId);
    this.directory.invalidate();
  }
}

function changed(stored: PersonRecord, next: PersonRecord): boolean {
  return (Object.keys(next) as (keyof PersonRecord)[]).some((key) => next[key] !== stored[key]);
}
