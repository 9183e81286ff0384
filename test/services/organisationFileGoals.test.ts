import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Goal } from '../../src/domain/goals';
import { DEFAULT_ORGANISATION, OrganisationSnapshot } from '../../src/domain/organisation';
import { formatOrganisationFile, parseOrganisationFile } from '../../src/services/organisationFile';
import { exportOrganisation, importOrganisation } from '../../src/services/organisationImport';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { freshTableStore } from '../support/azurite';

const upn = (value: string) => ({ kind: 'upn' as const, upn: value });

const GOALS: Goal[] = [
  { id: 'innovativ', level: 'organisation', title: 'Vestre Toten skal utmerke seg som en innovativ kommune', closed: false },
  { id: 'gammelt-mal', level: 'organisation', title: 'Et mål fra forrige periode', closed: true },
  { id: 'ho-velferdsteknologi', level: 'area', ownerId: 'helse-omsorg', parentId: 'innovativ', title: 'Velferdsteknologi i alle tjenester', closed: false },
  { id: 'op-digital-skole', level: 'area', ownerId: 'oppvekst', parentId: 'innovativ', title: 'Digital skolehverdag', closed: false },
  {
    id: 'hjt-digitalt-tilsyn',
    level: 'unit',
    ownerId: 'hjemmetjenesten',
    parentId: 'ho-velferdsteknologi',
    title: 'Digitalt tilsyn hos halvparten av brukerne, "natt og dag"',
    measure: 'Andel brukere med digitalt tilsyn',
    target: '50 %',
    closed: false,
  },
];

const ORG: OrganisationSnapshot = {
  settings: { ...DEFAULT_ORGANISATION, name: 'Vestre Toten kommune' },
  serviceAreas: [
    { id: 'helse-omsorg', name: 'Helse og omsorg', leaders: [upn('tol.helse@kommune.no')] },
    { id: 'oppvekst', name: 'Oppvekst', leaders: [] },
  ],
  units: [
    { id: 'hjemmetjenesten', code: 'HJT', name: 'Hjemmetjenesten', serviceAreaId: 'helse-omsorg', kind: 'home-care', leaders: [upn('leder.hjt@kommune.no')], members: [] },
    { id: 'eina-skole', code: 'EIS', name: 'Eina skole', serviceAreaId: 'oppvekst', leaders: [], members: [] },
  ],
  roleAssignments: [],
  aliases: new Map(),
  goals: GOALS,
};

const EMPTY: OrganisationSnapshot = { ...ORG, serviceAreas: [], units: [], goals: [] };
const byId = (goals: readonly Goal[]) => [...goals].sort((a, b) => a.id.localeCompare(b.id));

function parsedGoals(text: string, format: 'yaml' | 'csv', current: OrganisationSnapshot): readonly Goal[] {
  const result = parseOrganisationFile(text, format, current);
  assert.ok(result.ok, `expected no problems, got ${JSON.stringify(!result.ok && result.problems, null, 2)}`);
  return result.data.goals ?? [];
}

function problemLines(text: string, format: 'yaml' | 'csv', current: OrganisationSnapshot): string[] {
  const result = parseOrganisationFile(text, format, current);
  assert.ok(!result.ok, 'expected problems, but the file parsed');
  return result.problems.map((p) => `${p.line}: ${p.message}`);
}

describe('organisation file: goals', () => {
  it('writes each owner’s goals under it in YAML, and reads them back the same, closed ones included', () => {
    const yaml = formatOrganisationFile(ORG, 'yaml');
    assert.match(yaml, /^goals:\n {2}- id: innovativ\n/m, "the organisation's goals at the top");
    assert.match(yaml, / {4}goals:\n {6}- id: ho-velferdsteknologi\n {8}title: Velferdsteknologi i alle tjenester\n {8}parent: innovativ\n/, "an area's goals under the area");
    assert.match(yaml, /kind: home-care/);
    assert.deepEqual(byId(parsedGoals(yaml, 'yaml', EMPTY)), byId(GOALS));
    const again = parseOrganisationFile(yaml, 'yaml', ORG);
    assert.ok(again.ok);
    assert.deepEqual(again.summary.goals, { created: 0, updated: 0, unchanged: GOALS.length }, 'the file against what it came from changes nothing');
  });

  it('writes the goals CSV file, one row per goal, and reads it back the same', () => {
    const csv = formatOrganisationFile(ORG, 'csv', { goals: true });
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'goal_id,level,owner_id,parent_id,title,measure,target,closed');
    assert.equal(lines.length, GOALS.length + 1);
    assert.match(csv, /^hjt-digitalt-tilsyn,unit,hjemmetjenesten,ho-velferdsteknologi,"Digitalt tilsyn hos halvparten av brukerne, ""natt og dag""",Andel brukere med digitalt tilsyn,50 %,false$/m);
    assert.deepEqual(byId(parsedGoals(csv, 'csv', ORG)), byId(GOALS));
    const edited = parsedGoals(`\uFEFF${csv.replace('50 %,false', '60 %,false').replace(/\n/g, '\r\n')}`, 'csv', ORG);
    assert.equal(edited.find((g) => g.id === 'hjt-digitalt-tilsyn')?.target, '60 %', 'a BOM and Windows line ends are read too');
  });

  it('a goals CSV row with empty cells keeps the stored values, and a goals file leaves units alone', () => {
    const result = parseOrganisationFile('goal_id,level,owner_id,parent_id,title,measure,target,closed\nhjt-digitalt-tilsyn,unit,hjemmetjenesten,,,,,true\n', 'csv', ORG);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(result.data.goals, [{ ...GOALS[4], closed: true }]);
    assert.deepEqual(result.data.units, []);
    assert.deepEqual(result.summary.goals, { created: 0, updated: 1, unchanged: 0 });
  });

  it('refuses a unit goal under another area’s goal, and an unknown parent, each on its line', () => {
    const csv = [
      'goal_id,level,owner_id,parent_id,title,measure,target,closed',
      'eis-lesing,unit,eina-skole,ho-velferdsteknologi,Alle leser,,,false',
      'hjt-ny,unit,hjemmetjenesten,finnes-ikke,Noe nytt,,,false',
      'ho-ny,area,helse-omsorg,,Uten foreldre,,,false',
    ].join('\n');
    assert.deepEqual(problemLines(csv, 'csv', ORG), [
      '2: goal "eis-lesing": parent "ho-velferdsteknologi" belongs to service area "helse-omsorg", but the unit is in service area "oppvekst": a unit goal hangs under a goal of its own area',
      '3: goal "hjt-ny": parent "finnes-ikke" is neither in the file nor stored',
      '4: goal "ho-ny": needs a parent: one of the organisation goals',
    ]);
  });

  it('refuses moving a goal to another owner, and a unit moved away from its goals’ area', () => {
    const csv = 'goal_id,level,owner_id,parent_id,title,measure,target,closed\nhjt-digitalt-tilsyn,unit,eina-skole,op-digital-skole,,,,false\n';
    assert.match(problemLines(csv, 'csv', ORG)[0], /belongs to unit "hjemmetjenesten"; a goal cannot move to another owner/);
    const unitsCsv = 'service_area_id,service_area_name,service_area_leaders,unit_id,unit_code,unit_name,unit_leaders,headcount\noppvekst,Oppvekst,,hjemmetjenesten,HJT,Hjemmetjenesten,,\n';
    assert.match(problemLines(unitsCsv, 'csv', ORG)[0], /^2: stored goal "hjt-digitalt-tilsyn" of unit "hjemmetjenesten" .*close it \(closed: true\)/);
  });

  it('round-trips through storage: import the YAML, export it, and both files read back to the same goals', async () => {
    const repo = new OrganisationTable(await freshTableStore());
    const outcome = await importOrganisation(repo, formatOrganisationFile(ORG, 'yaml'), 'yaml');
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.summary.goals, { created: GOALS.length, updated: 0, unchanged: 0 });
    assert.deepEqual(byId((await repo.load()).goals), byId(GOALS));
    const stored = await repo.load();
    assert.deepEqual(byId(parsedGoals(await exportOrganisation(repo, 'yaml'), 'yaml', EMPTY)), byId(GOALS));
    assert.deepEqual(byId(parsedGoals(await exportOrganisation(repo, 'csv', { goals: true }), 'csv', stored)), byId(GOALS));
    const closing = await importOrganisation(repo, 'goal_id,level,owner_id,parent_id,title,measure,target,closed\nho-velferdsteknologi,area,helse-omsorg,,,,,true\nhjt-digitalt-tilsyn,unit,hjemmetjenesten,,,,,true\n', 'csv');
    assert.ok(closing.ok, JSON.stringify(closing));
    const after = await repo.load();
    assert.deepEqual(after.goals.filter((g) => g.closed).map((g) => g.id).sort(), ['gammelt-mal', 'hjt-digitalt-tilsyn', 'ho-velferdsteknologi']);
    assert.equal(after.units.find((u) => u.id === 'hjemmetjenesten')?.kind, 'home-care', 'a goals file leaves the units as they were');
  });

  it('reads the examples: the goal chain in organisation.yaml, and the same goals in goals.csv', async () => {
    const repo = new OrganisationTable(await freshTableStore());
    const outcome = await importOrganisation(repo, readFileSync('examples/organisation.yaml', 'utf8'), 'yaml');
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.summary.goals, { created: 3, updated: 0, unchanged: 0 });
    const again = await importOrganisation(repo, readFileSync('examples/goals.csv', 'utf8'), 'csv', { dryRun: true });
    assert.ok(again.ok, JSON.stringify(again));
    assert.deepEqual(again.summary.goals, { created: 0, updated: 0, unchanged: 3 }, 'the CSV example says the same as the YAML one');
  });
});
