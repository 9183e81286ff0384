import { Access } from '../../domain/access';
import { LocalDate, addDays, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { Country, OrganisationSnapshot } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { HolidayCheck, weekStart } from '../../domain/schedule';
import { StagnationThresholds } from '../../domain/stagnation';
import { Clock } from '../../ports/clock';
import { OrganisationDirectory } from '../organisationDirectory';
import { DigestScope, DigestView, WeeklyDigests } from './weeklyDigest';

/** The last full week (Monday to Sunday), or this week from Monday to today. */
export type DigestWeek = 'last' | 'current';

/** A digest this person receives: their unit, their service area, or the organisation. */
export interface DigestChoice {
  readonly scope: DigestScope;
  /** The unit or area id, or "organisation". */
  readonly scopeId: string;
  readonly name: string;
}

export interface DigestRequest {
  readonly week: DigestWeek;
  /** Which of the person's digests; the widest when absent. */
  readonly scope?: Pick<DigestChoice, 'scope' | 'scopeId'>;
}

export interface OnDemandDigest {
  readonly view: DigestView;
  readonly week: DigestWeek;
  /** The person's other digests, widest first. */
  readonly others: readonly DigestChoice[];
}

/**
 * The digests a person receives on Mondays, widest first: the organisation for the executive group
 * and Lean coaches, the service areas they lead, the units they lead. The same people the Monday
 * job sends to (WeeklyDigests.build).
 */
export function digestChoices(access: Access, org: OrganisationSnapshot): DigestChoice[] {
  const overseer = access.orgRoles.has('executive') || access.orgRoles.has('coach');
  return [
    ...(overseer ? [{ scope: 'organisation' as const, scopeId: 'organisation', name: org.settings.name }] : []),
    ...org.serviceAreas.filter((area) => access.serviceAreaLeaderOf.has(area.id)).map((area) => ({ scope: 'area' as const, scopeId: area.id, name: area.name })),
    ...org.units.filter((unit) => access.leaderOf.has(unit.id)).map((unit) => ({ scope: 'unit' as const, scopeId: unit.id, name: unit.name })),
  ];
}

/** The units a digest covers: the only ones read to build it. */
function unitsOf(choice: DigestChoice, org: OrganisationSnapshot): Set<string> {
  switch (choice.scope) {
    case 'organisation':
      return new Set(org.units.map((unit) => unit.id));
    case 'area':
      return new Set(org.units.filter((unit) => unit.serviceAreaId === choice.scopeId).map((unit) => unit.id));
    case 'unit':
      return new Set([choice.scopeId]);
  }
}

function weekOf(today: LocalDate, week: DigestWeek): { from: LocalDate; to: LocalDate } {
  const monday = weekStart(today);
  return week === 'current' ? { from: monday, to: today } : { from: addDays(monday, -7), to: addDays(monday, -1) };
}

/**
 * The weekly digest whenever a leader asks, for the last full week or this week so far: the same
 * figures, flags and approvals as the Monday card, built by WeeklyDigests from the units of the
 * one digest shown (one partition query per unit and kind, bounded by that digest's units).
 */
export class DigestOnDemand {
  constructor(
    private readonly digests: WeeklyDigests,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
    private readonly holidays: (country: Country) => HolidayCheck,
    private readonly thresholds: StagnationThresholds,
  ) {}

  /** Refuses someone who receives no digest (forbidden), or asks for one that is not theirs. */
  async forPerson(person: Person, request: DigestRequest): Promise<OnDemandDigest> {
    const { access, org } = await this.directory.accessOf(person);
    const choices = digestChoices(access, org);
    const wanted = request.scope;
    const chosen = wanted ? choices.find((c) => c.scope === wanted.scope && c.scopeId === wanted.scopeId) : choices[0];
    if (!chosen) throw new DomainError('forbidden');
    const today = localDate(this.clock.now(), org.settings.timeZone);
    const views = await this.digests.build(today, this.holidays(org.settings.country), this.thresholds, {
      recipientId: person.aadObjectId,
      ...weekOf(today, request.week),
      unitIds: unitsOf(chosen, org),
    });
    const view = views.find((v) => v.scope === chosen.scope && v.scopeId === chosen.scopeId);
    // Named in the organisation by an address not yet linked to this person: the Monday job cannot reach them either.
    if (!view) throw new DomainError('forbidden');
    return { view, week: request.week, others: choices.filter((c) => c !== chosen) };
  }
}
