import assert from 'node:assert/strict';
import { PersonRecord } from '../../src/ports/peopleRepository';
import { PeopleTable } from '../../src/storage/peopleTable';
import { PipelinePolicy } from '../../src/storage/tableStore';
import { freshTableStore } from '../support/azurite';

const OLA = '00000000-0000-4000-8000-000000000007';

/**
 * Holds the answers to point reads until `count` reads have been answered, then hands them all
 * over: every writer that follows has read the same version, so all but one must lose the race.
 */
function readBarrier(count: number): { policy: PipelinePolicy; arm: () => void } {
  let armed = false;
  let waiting: (() => void)[] = [];
  return {
    arm: () => {
      armed = true;
    },
    policy: {
      name: 'readBarrier',
      async sendRequest(request, next) {
        if (!armed || request.method !== 'GET') return next(request);
        const answer = next(request);
        await answer.catch(() => undefined);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length < count) return;
          armed = false;
          waiting.forEach((release) => release());
          waiting = [];
        });
        return answer;
      },
    },
  };
}

describe('people table: concurrent changes (Azurite)', () => {
  it('keeps both of two changes made at the same moment: "stop reminders" and a language change', async () => {
    const barrier = readBarrier(2);
    const people = new PeopleTable(await freshTableStore([barrier.policy]));
    await people.save({ aadObjectId: OLA, name: 'Ola Bakken', locale: 'nb', teamsUserId: '29:ola' });
    let applied = 0;
    const change = (fields: Partial<PersonRecord>) => (current: PersonRecord) => {
      applied++;
      return { ...current, ...fields };
    };
    barrier.arm();
    await Promise.all([people.update(OLA, change({ remindersOff: true })), people.update(OLA, change({ locale: 'da' }))]);
    assert.ok(applied >= 3, 'one writer lost the race and applied its change again to the fresh record');
    assert.deepEqual(await people.get(OLA), { aadObjectId: OLA, name: 'Ola Bakken', locale: 'da', teamsUserId: '29:ola', remindersOff: true });
  });

  it('inserts someone new once; a second first-save at the same moment is merged into it, not lost', async () => {
    const barrier = readBarrier(2);
    const people = new PeopleTable(await freshTableStore([barrier.policy]));
    barrier.arm();
    await Promise.all([
      people.save({ aadObjectId: OLA, name: 'Ola Bakken', locale: 'nb' }),
      people.save({ aadObjectId: OLA, name: 'Ola Bakken', teamsUserId: '29:ola', upn: 'ola.bakken@demo.tavla.example' }),
    ]);
    assert.deepEqual(await people.get(OLA), { aadObjectId: OLA, name: 'Ola Bakken', locale: 'nb', teamsUserId: '29:ola', upn: 'ola.bakken@demo.tavla.example' });
    assert.equal((await people.findByUpn('Ola.Bakken@demo.tavla.example'))?.aadObjectId, OLA);
  });
});
