import assert from 'node:assert/strict';
import { MeetingLog } from '../../src/domain/meetings';
import { Unit } from '../../src/domain/organisation';
import { IdeaTable } from '../../src/storage/ideaTable';
import { MeetingTable } from '../../src/storage/meetingTable';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { sampleIdea } from '../support/ideas';

const UNIT = 'hjemmetjenesten-nord';
const kari = { id: 'aaaaaaaa-0000-4000-8000-000000000004', name: 'Kari Nilsen', teamsId: '29:kari' };
const ola = { id: 'aaaaaaaa-0000-4000-8000-000000000007', name: 'Ola Bakken' };

const log = (date: string, overrides: Partial<MeetingLog> = {}): MeetingLog => ({
  unitId: UNIT,
  date,
  held: true,
  attendees: 7,
  notes: 'Gikk gjennom tavla.',
  decisions: [{ ideaNumber: 4, status: 'inProgress', owner: ola, dueDate: '2026-03-09' }],
  loggedBy: kari,
  loggedAt: `${date}T08:45:00.000Z`,
  version: 1,
  changeId: `change-${date}`,
  ...overrides,
});

describe('meeting logs (Azurite)', () => {
  let table: MeetingTable;
  beforeEach(async () => {
    table = new MeetingTable(await freshTableStore());
  });

  it('round-trips a held and a not-held meeting', async () => {
    const held = log('2026-03-02');
    const notHeld = log('2026-03-03', { held: false, reason: 'Sykdom i staben', attendees: undefined, notes: undefined, decisions: [], changeId: 'c2' });
    assert.deepEqual(await table.save(held, 0), { saved: true, log: held });
    await table.save(notHeld, 0);
    assert.deepEqual(await table.get(UNIT, '2026-03-02'), held);
    const { attendees: _a, notes: _n, ...expected } = notHeld;
    assert.deepEqual(await table.get(UNIT, '2026-03-03'), expected);
    assert.equal(await table.get(UNIT, '2026-03-04'), undefined);
  });

  it('lists a date range, both ends included, in one query, beside the unit\'s ideas without mixing them up', async () => {
    const store = await freshTableStore();
    const counted = roundTripCounter();
    const meetings = new MeetingTable(await freshTableStore([counted.policy]));
    const ideas = new IdeaTable(store);
    const mine = new MeetingTable(store);
    await ideas.create(UNIT, (number) => sampleIdea({ number }), () => ({ at: '2026-03-01T00:00:00Z', by: kari, what: 'submitted', detail: '' }));
    for (const date of ['2026-02-27', '2026-03-02', '2026-03-03', '2026-03-09', '2026-03-10']) await mine.save(log(date), 0);
    await mine.save({ ...log('2026-03-04'), unitId: 'sykehjem-ost' }, 0);
    assert.deepEqual((await mine.list(UNIT, '2026-03-02', '2026-03-09')).map((l) => l.date), ['2026-03-02', '2026-03-03', '2026-03-09']);
    assert.deepEqual(await mine.list(UNIT, '2026-03-09', '2026-03-02'), []);
    assert.equal((await ideas.live(UNIT)).length, 1, 'meeting rows are not read as ideas');
    await meetings.save(log('2026-03-02'), 0);
    counted.reset();
    await meetings.list(UNIT, '2026-01-01', '2026-12-31');
    assert.equal(counted.count(), 1);
  });

  it('of two first logs for the same date, exactly one is stored; the other gets it back', async () => {
    const results = await Promise.all([table.save(log('2026-03-02', { loggedBy: kari, changeId: 'kari' }), 0), table.save(log('2026-03-02', { loggedBy: ola, changeId: 'ola', attendees: 5 }), 0)]);
    const saved = results.filter((r) => r.saved);
    const lost = results.filter((r) => !r.saved);
    assert.equal(saved.length, 1);
    assert.equal(lost.length, 1);
    const stored = await table.get(UNIT, '2026-03-02');
    assert.ok(saved[0].saved && !lost[0].saved);
    assert.deepEqual(lost[0].current, stored, 'the loser is shown the log that won');
    assert.deepEqual(saved[0].log, stored);
  });

  it('changes a log only from the version it was made from', async () => {
    await table.save(log('2026-03-02'), 0);
    const change = log('2026-03-02', { attendees: 9, version: 2, changeId: 'second', loggedBy: ola });
    const stale = await table.save(log('2026-03-02', { attendees: 3, version: 2, changeId: 'third' }), 2);
    assert.equal(stale.saved, false, 'version 2 is not stored yet');
    assert.equal((await table.save(change, 1)).saved, true);
    const again = await table.save(log('2026-03-02', { attendees: 4, version: 2, changeId: 'late' }), 1);
    assert.ok(!again.saved);
    assert.equal(again.current.attendees, 9);
    assert.equal(again.current.loggedBy.name, 'Ola Bakken');
  });

  it('recognises its own first write when a retried request finds the row there', async () => {
    const first = log('2026-03-02');
    await table.save(first, 0);
    assert.deepEqual(await table.save(first, 0), { saved: true, log: first });
  });

  it('checks the size before writing', async () => {
    await assert.rejects(table.save(log('2026-03-02', { notes: 'x'.repeat(40_000) }), 0), (e: { code?: string }) => e.code === 'invalid');
  });
});

describe('unit meeting schedules (Azurite)', () => {
  const unit = (extra: Partial<Unit> = {}): Unit => ({ id: 'a', code: 'U1', name: 'A', serviceAreaId: 'helse', leaders: [], members: [], ...extra });
  const schedule = { weekdays: [1, 2, 3, 4, 5], time: '08:30', pauses: [{ from: '2026-07-01', to: '2026-08-09' }] };

  it('stores the schedule on the unit and keeps it when an import says nothing about it', async () => {
    const table = new OrganisationTable(await freshTableStore());
    await table.createUnit(unit());
    await table.updateUnit('a', (u) => ({ ...u, schedule }));
    assert.deepEqual((await table.load()).units[0].schedule, schedule);
    await table.applyImport({ serviceAreas: [], units: [{ id: 'a', code: 'U1', name: 'A renamed', serviceAreaId: 'helse', leaders: [] }] });
    const after = (await table.load()).units[0];
    assert.equal(after.name, 'A renamed');
    assert.deepEqual(after.schedule, schedule);
    const tuesdays = { weekdays: [2], time: '13:00', pauses: [] };
    await table.applyImport({ serviceAreas: [], units: [{ id: 'a', code: 'U1', name: 'A', serviceAreaId: 'helse', leaders: [], schedule: tuesdays }] });
    assert.deepEqual((await table.load()).units[0].schedule, tuesdays);
  });
});
