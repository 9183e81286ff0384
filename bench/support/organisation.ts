import { LocalDate } from '../../src/domain/dates';
import { PersonName } from '../../src/domain/ideas';
import { Unit } from '../../src/domain/organisation';
import { Person, PersonRef } from '../../src/domain/people';
import { MeetingSchedule } from '../../src/domain/schedule';
import { OrganisationImport, OrganisationRepository } from '../../src/ports/organisationRepository';
import { PeopleRepository, PersonRecord } from '../../src/ports/peopleRepository';
import { DEMO_ORGANISATION } from '../../src/services/demoOrganisation';

/** A made-up municipality of any size for the benchmarks: service areas, units, leaders, staff, an administrator and an executive. */

export const TENANT = '11111111-2222-4333-8444-555555555555';

export const personId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const person = (n: number, name: string): Person => ({ aadObjectId: personId(n), name });
const ref = (p: Person): PersonRef => ({ kind: 'aad', id: p.aadObjectId });
export const nameOf = (p: Person): PersonName => ({ id: p.aadObjectId, name: p.name });

export interface BenchUnit {
  readonly id: string;
  readonly code: string;
  readonly leader: Person;
  readonly staff: readonly Person[];
}

export interface BenchOrganisation {
  readonly data: OrganisationImport;
  readonly units: readonly BenchUnit[];
  /** Administrator and Lean coach: sees every unit. */
  readonly admin: Person;
  readonly executive: Person;
  readonly serviceAreaLeaders: readonly Person[];
  readonly everyone: readonly Person[];
}

/** `unitIds` names the units (`enhet-01`, …): two organisations whose ideas share one table need different ones. */
export function benchOrganisation(options: { readonly units: number; readonly staffPerUnit: number; readonly areas?: number; readonly schedule?: MeetingSchedule; readonly unitIds?: string }): BenchOrganisation {
  const areaCount = options.areas ?? 2;
  const admin = person(1, 'Ingrid Admin');
  const executive = person(2, 'Anne Direktør');
  const serviceAreaLeaders = Array.from({ length: areaCount }, (_, a) => person(10 + a, `Tjenesteleder ${a + 1}`));
  const units: BenchUnit[] = Array.from({ length: options.units }, (_, u) => ({
    id: `${options.unitIds ?? 'enhet'}-${String(u + 1).padStart(2, '0')}`,
    code: `E${u + 1}`,
    leader: person(100 + u, `Leder ${u + 1}`),
    staff: Array.from({ length: options.staffPerUnit }, (_, s) => person(1000 + u * 100 + s, `Ansatt ${u + 1}.${s + 1}`)),
  }));
  const data: OrganisationImport = {
    settings: { ...DEMO_ORGANISATION.settings!, name: 'Benk kommune' },
    serviceAreas: serviceAreaLeaders.map((leader, a) => ({ id: `omrade-${a + 1}`, name: `Tjenesteområde ${a + 1}`, leaders: [ref(leader)] })),
    units: units.map((unit, u) => {
      const people = [unit.leader, ...unit.staff];
      return {
        id: unit.id,
        code: unit.code,
        name: `Enhet ${u + 1}`,
        serviceAreaId: `omrade-${(u % areaCount) + 1}`,
        leaders: [ref(unit.leader)],
        members: people.map(ref),
        names: Object.fromEntries(people.map((p) => [p.aadObjectId, p.name])),
        headcount: people.length,
        ...(options.schedule ? { schedule: options.schedule } : {}),
      };
    }),
    roleAssignments: [
      { role: 'administrator', people: [ref(admin)] },
      { role: 'coach', people: [ref(admin)] },
      { role: 'executive', people: [ref(executive)] },
    ],
  };
  const everyone = [admin, executive, ...serviceAreaLeaders, ...units.flatMap((unit) => [unit.leader, ...unit.staff])];
  return { data, units, admin, executive, serviceAreaLeaders, everyone };
}

/** Writes the organisation and its people (with a 1:1 chat each, as people who have used the bot). */
export async function saveOrganisation(org: BenchOrganisation, repositories: { organisation: OrganisationRepository; people: PeopleRepository }, serviceUrl = 'http://127.0.0.1:9/'): Promise<void> {
  await repositories.organisation.applyImport(org.data);
  const records: PersonRecord[] = org.everyone.map((p) => ({
    aadObjectId: p.aadObjectId,
    name: p.name,
    teamsUserId: `29:${p.aadObjectId}`,
    tenantId: TENANT,
    serviceUrl,
    locale: 'nb',
    personalConversationId: `a:1on1-29:${p.aadObjectId}`,
  }));
  await repositories.people.saveMany(records);
}

/** Links each unit's board channel (for prompts and channel notifications). */
export async function linkChannels(org: BenchOrganisation, organisation: OrganisationRepository, serviceUrl: string): Promise<void> {
  for (const unit of org.units) {
    await organisation.updateUnit(unit.id, (current): Unit => ({
      ...current,
      channel: { conversationId: `19:${unit.id}-board@thread.tacv2`, teamId: `19:${unit.id}-team@thread.tacv2`, tenantId: TENANT, serviceUrl, channelName: 'Forbedring' },
    }));
  }
}

/** A Monday in the organisation's time zone, mid-morning: every daily and weekly job is due. */
export const BENCH_NOW = new Date('2026-11-30T09:00:00Z');
export const BENCH_TODAY: LocalDate = '2026-11-30';
