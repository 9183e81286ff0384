import assert from 'node:assert/strict';
import { Idea } from '../../src/domain/ideas';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { PictureDto } from '../../src/tab/contract';
import { roundTripCounter } from '../support/azurite';
import { settableClock } from '../support/clock';
import { TabEdge, startTabEdge } from '../support/tabEdge';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, per } = DEMO_PEOPLE;

describe('tab API: the unit’s picture', () => {
  let edge: TabEdge;
  const clock = settableClock('2026-09-01T08:00:00.000Z');
  const counter = roundTripCounter();
  let picture: PictureDto;

  before(async () => {
    edge = await startTabEdge({ clock, policies: [counter.policy] });
    const { services } = edge.bot;
    await services.meetingSchedules.save(kari, HN, { weekdays: ['1', '4'], time: '08:30' });
    const submit = async (title: string) => (await services.ideaSubmission.submit(ola, { unitId: HN, idea: { title, type: 'improve' } })).idea;
    const finish = async (idea: Idea) => {
      let current = idea;
      for (const to of ['planned', 'inProgress', 'evaluating', 'done'] as const) current = (await services.ideaChanges.apply(kari, current, { kind: 'move', to })).idea;
      return current;
    };
    await submit('Tidlig idé'); // 1 September
    clock.set('2026-10-14T08:00:00.000Z');
    const done = await finish(await submit('Ferdig i oktober'));
    await services.benefitRegistration.register(kari, { unitId: HN, ideaNumber: done.number }, { benefit: { category: 'time', stage: 'identified', period: 'week', indicator: 'Tid på vaktbytter', baseline: '4', baselineOn: '2026-10-01', target: '2', targetBy: '2027-01-31', ownerId: ola.aadObjectId } });
    clock.set('2026-11-19T12:00:00.000Z'); // a Thursday
    for (const date of ['2026-11-05', '2026-11-09', '2026-11-16', '2026-11-19']) {
      await services.meetings.log(kari, { unitId: HN, date, version: 0, form: { held: date === '2026-11-09' ? 'no' : 'yes', ...(date === '2026-11-09' ? { reason: 'Ferie' } : { attendees: '5' }) }, decisionReason: '' });
    }
    await edge.api(kari, `/units/${HN}/picture`);
    counter.reset();
    const res = await edge.api(kari, `/units/${HN}/picture`);
    assert.equal(res.status, 200);
    picture = (await res.json()) as PictureDto;
  });
  after(() => edge.stop());

  it('counts board meetings held against scheduled over the last 12 weeks', () => {
    assert.equal(picture.meetings.length, 12);
    assert.deepEqual(picture.meetings.slice(-3), [
      { weekStart: '2026-11-02', week: 45, held: 1, scheduled: 2 },
      { weekStart: '2026-11-09', week: 46, held: 0, scheduled: 2 },
      { weekStart: '2026-11-16', week: 47, held: 2, scheduled: 2 },
    ]);
    assert.equal(picture.hasSchedule, true);
  });

  it('counts ideas in and done per month over the last 12 months', () => {
    assert.equal(picture.ideas.length, 12);
    assert.deepEqual(picture.ideas.slice(-3), [
      { month: '2026-09', submitted: 1, done: 0 },
      { month: '2026-10', submitted: 1, done: 1 },
      { month: '2026-11', submitted: 0, done: 0 },
    ]);
  });

  it('shows identified against realized gains this year, in hours and FTE', () => {
    assert.deepEqual(picture.gains.map((m) => m.month), ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    assert.deepEqual(picture.gains.find((m) => m.month === '2026-10'), { month: '2026-10', identifiedHours: 104, realizedHours: 0 });
    assert.deepEqual(picture.gainsThisYear.identified, { hours: 104, fte: 0.06, money: 0, other: 0 });
    assert.equal(picture.gainsThisYear.currency, 'NOK');
  });

  it('flags stagnation as the digest does: nothing new for 4 weeks, an idea without owner for 7+ days', () => {
    assert.equal(picture.stagnation.quietWeeks, 4);
    assert.equal(picture.stagnation.noNewIdea, true);
    assert.equal(picture.stagnation.noStatusChange, true);
    assert.equal(picture.stagnation.noMeetingLogged, false);
    assert.deepEqual(picture.stagnation.unassigned.map((i) => i.shortId), ['HN-1']);
  });

  it('reads storage five times at most: live work, and the period shown', () => {
    assert.ok(counter.count() <= 5, `${counter.count()} round trips`);
  });

  it('is shown only to those who may see the board', async () => {
    assert.equal((await edge.api(per, `/units/${HN}/picture`)).status, 403);
  });
});
