import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ORGANISATION, OrganisationSnapshot, Unit } from '../../src/domain/organisation';
import { PersonRef } from '../../src/domain/people';
import {
  UnknownFileFormatError,
  exportOrganisation,
  fileFormatFromName,
  importOrganisation,
} from '../../src/services/organisationImport';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { freshTableStore } from '../support/azurite';

const examples = join(__dirname, '..', '..', 'examples');
const exampleYaml = readFileSync(join(examples, 'organisation.yaml'), 'utf8');
const exampleCsv = readFileSync(join(examples, 'organisation.csv'), 'utf8');

const upn = (value: string): PersonRef => ({ kind: 'upn', upn: value });
const CHANNEL = { conversationId: '19:drift@thread.tacv2', teamId: '19:team@thread.tacv2', tenantId: 'tenant', serviceUrl: 'https://smba.example/emea/' };

async function freshRepo(): Promise<OrganisationTable> {
  return new OrganisationTable(await freshTableStore());
}

function unitOf(org: OrganisationSnapshot, id: string): Unit {
  const unit = org.units.find((u) => u.id === id);
  assert.ok(unit, `unit ${id} is not stored`);
  return unit;
}

/** What an export carries: everything but channel links and learned aliases. */
function withoutChannelsAndAliases(org: OrganisationSnapshot): unknown {
  return { ...org, units: org.units.map(({ channel: _channel, ...unit }) => unit), aliases: new Map() };
}

describe('organisation import (storage)', () => {
  it('imports the Norwegian YAML example: settings, roles, service areas and units with codes', async () => {
    const repo = await freshRepo();
    const outcome = await importOrganisation(repo, exampleYaml, 'yaml');
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.summary.serviceAreas, { created: 2, updated: 0, unchanged: 0 });
    assert.deepEqual(outcome.summary.units, { created: 4, updated: 0, unchanged: 0 });

    const org = await repo.load();
    assert.equal(org.settings.name, 'Vestre Toten kommune');
    assert.equal(org.settings.hoursPerFte, 1700);
    assert.deepEqual(org.serviceAreas.map((area) => [area.id, area.name]).sort(), [
      ['helse-omsorg', 'Helse og omsorg'],
      ['oppvekst', 'Oppvekst'],
    ]);
    assert.deepEqual(unitOf(org, 'sykehjem-nord').leaders, [upn('enhetsleder.shn@example.kommune.no')]);
    assert.equal(unitOf(org, 'hjemmetjenesten').leaders[1].kind, 'aad');
    assert.equal(unitOf(org, 'eina-skole').code, 'U1', 'a unit without a code gets the first free one');
    assert.equal(unitOf(org, 'raufoss-barnehage').serviceAreaId, 'oppvekst');
    assert.deepEqual(
      org.roleAssignments.map((a) => `${a.role} ${a.person.kind === 'upn' ? a.person.upn : a.person.id}`).sort(),
      [
        'administrator systemansvarlig@example.kommune.no',
        'coach veileder.utvikling@example.kommune.no',
        'executive kommunalsjef@example.kommune.no',
        'executive radmann@example.kommune.no',
      ],
    );
  });

  it('imports the Danish CSV example into one service area with three units', async () => {
    const repo = await freshRepo();
    const outcome = await importOrganisation(repo, exampleCsv, 'csv');
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const org = await repo.load();
    assert.deepEqual(org.serviceAreas, [{ id: 'drift', name: 'Drift', leaders: [upn('driftschef@example.dk')] }]);
    assert.deepEqual(org.units.map((unit) => [unit.id, unit.code, unit.name, unit.headcount]).sort(), [
      ['bygninger', 'BYG', 'Bygninger', undefined],
      ['parker', 'PRK', 'Parker', 14],
      ['veje', 'VEJ', 'Veje', 18],
    ]);
    assert.deepEqual(unitOf(org, 'parker').leaders, [upn('afdelingsleder.parker@example.dk'), upn('formand.parker@example.dk')]);
  });

  it('writes nothing when one row is bad, even though the other rows are fine', async () => {
    const repo = await freshRepo();
    assert.ok((await importOrganisation(repo, exampleCsv, 'csv')).ok);
    const before = await repo.load();

    const badFile = [
      exampleCsv.trimEnd().replace(/,Veje,/, ',Veje og fortau,'),
      'drift,Drift,driftschef@example.dk,havn,,Havn,afdelingsleder.havn@example.dk,4',
      'drift,Drift,driftschef@example.dk,kirkegarde,,Kirkegårde,bob@,3',
      'natur,Natur og miljø,,skov,,Skov,,2',
    ].join('\n');
    const outcome = await importOrganisation(repo, badFile, 'csv');

    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.problems, [{ line: 6, message: 'unit "kirkegarde": unit_leaders "bob@" is neither an e-mail/UPN nor an Entra object id' }]);
    assert.deepEqual(await repo.load(), before);
  });

  it('updates names and leaders on re-import but keeps a unit\'s channel link and members', async () => {
    const repo = await freshRepo();
    assert.ok((await importOrganisation(repo, exampleCsv, 'csv')).ok);
    const members = [upn('medarbejder1@example.dk'), upn('medarbejder2@example.dk')];
    await repo.updateUnit('veje', (unit) => ({ ...unit, channel: CHANNEL, members }));

    const changed = exampleCsv
      .replace(',Veje,afdelingsleder.veje@example.dk,', ',Veje og stier,ny.leder@example.dk,')
      .replace(/Drift,driftschef@example.dk/g, 'Driften,ny.chef@example.dk');
    const outcome = await importOrganisation(repo, changed, 'csv');

    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.summary.serviceAreas, { created: 0, updated: 1, unchanged: 0 });
    assert.deepEqual(outcome.summary.units, { created: 0, updated: 1, unchanged: 2 });
    const org = await repo.load();
    const veje = unitOf(org, 'veje');
    assert.equal(veje.name, 'Veje og stier');
    assert.deepEqual(veje.leaders, [upn('ny.leder@example.dk')]);
    assert.deepEqual(veje.channel, CHANNEL);
    assert.deepEqual(veje.members, members);
    assert.equal(veje.code, 'VEJ');
    assert.deepEqual(org.serviceAreas, [{ id: 'drift', name: 'Driften', leaders: [upn('ny.chef@example.dk')] }]);
  });

  it('replaces the holders of a role the file lists, and leaves the other roles alone', async () => {
    const repo = await freshRepo();
    assert.ok((await importOrganisation(repo, exampleYaml, 'yaml')).ok);
    const outcome = await importOrganisation(repo, 'executives: [ny.radmann@example.kommune.no]\n', 'yaml');
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const org = await repo.load();
    assert.deepEqual(
      org.roleAssignments.filter((a) => a.role === 'executive').map((a) => a.person),
      [upn('ny.radmann@example.kommune.no')],
    );
    assert.equal(org.roleAssignments.filter((a) => a.role === 'administrator').length, 1);
  });

  it('writes nothing on a dry run, but says what the import would do', async () => {
    const repo = await freshRepo();
    const outcome = await importOrganisation(repo, exampleYaml, 'yaml', { dryRun: true });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.equal(outcome.dryRun, true);
    assert.deepEqual(outcome.summary.units, { created: 4, updated: 0, unchanged: 0 });
    const org = await repo.load();
    assert.deepEqual(org, { settings: DEFAULT_ORGANISATION, serviceAreas: [], units: [], roleAssignments: [], aliases: new Map(), goals: [] });
  });

  it('imports 150 units completely, across several storage batches', async () => {
    const repo = await freshRepo();
    const rows = Array.from({ length: 150 }, (_, i) => `drift,Drift,,enhet-${i},,Enhet ${i},leder${i}@example.dk,${i}`);
    const outcome = await importOrganisation(repo, ['service_area_id,service_area_name,service_area_leaders,unit_id,unit_code,unit_name,unit_leaders,headcount', ...rows].join('\n'), 'csv');
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const org = await repo.load();
    assert.equal(org.units.length, 150);
    assert.equal(new Set(org.units.map((unit) => unit.code)).size, 150, 'every unit gets its own code');
    assert.equal(unitOf(org, 'enhet-149').headcount, 149);
  });

  it('exports what is stored so that importing it elsewhere gives the same organisation', async () => {
    const source = await freshRepo();
    assert.ok((await importOrganisation(source, exampleYaml, 'yaml')).ok);
    await source.updateUnit('sykehjem-nord', (unit) => ({ ...unit, channel: CHANNEL, members: [upn('pleier@example.kommune.no')] }));
    await source.saveAlias('pleier@example.kommune.no', '11111111-2222-3333-4444-555555555555');

    const target = await freshRepo();
    const outcome = await importOrganisation(target, await exportOrganisation(source, 'yaml'), 'yaml');

    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(await target.load(), withoutChannelsAndAliases(await source.load()));
  });

  it('tells the format from the file name', () => {
    assert.equal(fileFormatFromName('org.yaml'), 'yaml');
    assert.equal(fileFormatFromName('/tmp/Org.YML'), 'yaml');
    assert.equal(fileFormatFromName('C:\\data\\org.csv'), 'csv');
    assert.throws(() => fileFormatFromName('org.xlsx'), UnknownFileFormatError);
    assert.throws(() => fileFormatFromName('organisation'), /use a \.yaml, \.yml or \.csv file/);
  });
});
