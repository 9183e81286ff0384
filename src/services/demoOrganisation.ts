import { OrganisationSnapshot } from '../domain/organisation';
import { PersonRef } from '../domain/people';
import { OrganisationImport, OrganisationRepository } from '../ports/organisationRepository';
import { PeopleRepository } from '../ports/peopleRepository';

/**
 * A small demo municipality for local mode, so every role can be tried by switching user in the
 * Agents Playground. The people here are the Playground's users (scripts/dev.ts writes its config
 * from this list), so ids must stay in step.
 */
export interface DemoPerson {
  readonly aadObjectId: string;
  readonly name: string;
  readonly upn: string;
  /** What to try as this user, shown in the Playground's user list. */
  readonly description: string;
}

const person = (n: number, name: string, login: string, description: string): DemoPerson => ({
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name,
  upn: `${login}@demo.tavla.example`,
  description,
});

export const DEMO_PEOPLE = {
  ingrid: person(1, 'Ingrid Berg', 'ingrid.berg', 'Administrator and Lean coach: status, send now'),
  lars: person(2, 'Lars Haugen', 'lars.haugen', 'Service-area leader (TOL), Health and care: approvals'),
  mette: person(3, 'Mette Sørensen', 'mette.sorensen', 'Service-area leader (TOL), Technical services'),
  kari: person(4, 'Kari Nilsen', 'kari.nilsen', 'Unit leader, Home care north: board, my items, digest'),
  siri: person(5, 'Siri Dahl', 'siri.dahl', 'Unit leader, Nursing home east'),
  per: person(6, 'Per Olsen', 'per.olsen', 'Unit leader, Roads and parks + Buildings (stagnating)'),
  ola: person(7, 'Ola Bakken', 'ola.bakken', 'Staff member in two units: my items'),
  anne: person(8, 'Anne Lie', 'anne.lie', 'Executive group: digest'),
} as const satisfies Record<string, DemoPerson>;

const ref = (p: DemoPerson): PersonRef => ({ kind: 'aad', id: p.aadObjectId });
const names = (...people: DemoPerson[]) => Object.fromEntries(people.map((p) => [p.aadObjectId, p.name]));
const P = DEMO_PEOPLE;

export const DEMO_ORGANISATION: OrganisationImport = {
  settings: {
    name: 'Demo kommune',
    language: 'nb',
    timeZone: 'Europe/Oslo',
    country: 'NO',
    currency: 'NOK',
    hoursPerFte: 1700,
    benefitCategories: [{ id: 'quality', measure: 'quality' }, { id: 'time', measure: 'hours' }, { id: 'money', measure: 'money' }, { id: 'capacity', measure: 'quantity' }],
    followUpMonths: [3, 12],
  },
  serviceAreas: [
    { id: 'helse-omsorg', name: 'Helse og omsorg', leaders: [ref(P.lars)] },
    { id: 'teknisk-drift', name: 'Teknisk drift', leaders: [ref(P.mette)] },
  ],
  units: [
    { id: 'hjemmetjenesten-nord', code: 'HN', name: 'Hjemmetjenesten nord', serviceAreaId: 'helse-omsorg', leaders: [ref(P.kari)], members: [ref(P.kari), ref(P.ola)], names: names(P.kari, P.ola), headcount: 28 },
    { id: 'sykehjem-ost', code: 'SO', name: 'Sykehjem øst', serviceAreaId: 'helse-omsorg', leaders: [ref(P.siri)], members: [ref(P.siri), ref(P.ola)], names: names(P.siri, P.ola), headcount: 41 },
    { id: 'veg-og-park', code: 'VP', name: 'Veg og park', serviceAreaId: 'teknisk-drift', leaders: [ref(P.per)], members: [ref(P.per)], names: names(P.per), headcount: 12 },
    { id: 'bygg-eiendom', code: 'BE', name: 'Bygg og eiendom', serviceAreaId: 'teknisk-drift', leaders: [ref(P.per)], members: [ref(P.per)], names: names(P.per), headcount: 9 },
  ],
  roleAssignments: [
    { role: 'administrator', people: [ref(P.ingrid)] },
    { role: 'coach', people: [ref(P.ingrid)] },
    { role: 'executive', people: [ref(P.anne)] },
  ],
};

const isEmpty = (org: OrganisationSnapshot) => org.units.length === 0 && org.serviceAreas.length === 0 && org.roleAssignments.length === 0;

/** Seeds the demo organisation into an empty store; a store with any organisation is left alone. */
export async function seedDemoOrganisation(organisation: OrganisationRepository, people: PeopleRepository): Promise<boolean> {
  if (!isEmpty(await organisation.load())) return false;
  await organisation.applyImport(DEMO_ORGANISATION);
  await people.saveMany(Object.values(DEMO_PEOPLE).map(({ aadObjectId, name, upn }) => ({ aadObjectId, name, upn })));
  return true;
}
