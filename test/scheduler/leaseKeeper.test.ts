import assert from 'node:assert/strict';
import { LeaseStore } from '../../src/ports/lease';
import { silentLogger } from '../../src/ports/logger';
import { LeaseKeeper } from '../../src/scheduler/leaseKeeper';
import { LeaseTable } from '../../src/storage/leaseTable';
import { freshTableStore } from '../support/azurite';
import { ScaledTime } from '../support/fakeConnector';

/** Lease time runs 100 times faster: the default 45 s lease lasts 450 ms, renewals every 150 ms. */
const SPEED = 100;
/** Storage round trips take real milliseconds, i.e. whole seconds of lease time: allowance for a few. */
const SLACK = 10_000;

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A job that runs until aborted, counting how many instances run it at the same time. */
function jobs() {
  let running = 0;
  let maxTogether = 0;
  const runs: string[] = [];
  return {
    job: (name: string) => async (signal: AbortSignal) => {
      running++;
      maxTogether = Math.max(maxTogether, running);
      runs.push(name);
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      running--;
    },
    get running() {
      return running;
    },
    get maxTogether() {
      return maxTogether;
    },
    runs,
  };
}

describe('lease keeper (Azurite)', () => {
  const keepers: LeaseKeeper[] = [];
  afterEach(async () => {
    await Promise.all(keepers.splice(0).map((k) => k.stop()));
  });

  function keeper(leases: LeaseStore, time: ScaledTime, holderId: string): LeaseKeeper {
    const created = new LeaseKeeper({ leases, clock: time, sleep: time.sleep, logger: silentLogger }, { name: 'proactive', holderId });
    keepers.push(created);
    return created;
  }

  it('runs the job in one instance only, and another takes over within the lease time when the holder dies', async () => {
    const store = await freshTableStore();
    const time = new ScaledTime(SPEED);
    const tracker = jobs();
    const a = keeper(new LeaseTable(store), time, 'a');
    const b = keeper(new LeaseTable(store), time, 'b');
    a.start(tracker.job('a'));
    b.start(tracker.job('b'));
    await until(() => tracker.running === 1, 'one instance to run the job');
    await time.sleep(60_000); // a minute of renewals
    assert.equal(tracker.maxTogether, 1);
    assert.equal(tracker.runs.length, 1, 'the holder kept it');
    const [holder, other] = tracker.runs[0] === 'a' ? [a, b] : [b, a];
    assert.equal(holder.holding, true);
    assert.equal(other.holding, false);

    // The holder dies: its job stops and it never releases the lease.
    const diedAt = time.now().getTime();
    await holder.stop({ release: false });
    await until(() => tracker.running === 1, 'the other instance to take over');
    const takeover = time.now().getTime() - diedAt;
    assert.ok(takeover <= 45_000 + 15_000 + SLACK, `took over after ${takeover} ms`);
    assert.equal(other.running, true);
    assert.equal(tracker.maxTogether, 1);
  });

  it('hands over at the next try when the holder stops cleanly', async () => {
    const store = await freshTableStore();
    const time = new ScaledTime(SPEED);
    const tracker = jobs();
    const a = keeper(new LeaseTable(store), time, 'a');
    a.start(tracker.job('a'));
    await until(() => tracker.running === 1, 'a to run the job');
    const b = keeper(new LeaseTable(store), time, 'b');
    b.start(tracker.job('b'));
    await time.sleep(20_000);
    const stoppedAt = time.now().getTime();
    await a.stop();
    assert.equal(tracker.running, 0, 'stop waits for the job to end');
    await until(() => tracker.running === 1, 'b to take over');
    assert.ok(time.now().getTime() - stoppedAt <= 15_000 + SLACK, 'released: no need to wait for the expiry');
    assert.deepEqual(tracker.runs, ['a', 'b']);
  });

  it('stops the job before the lease can expire when storage is unreachable', async () => {
    const store = await freshTableStore();
    const time = new ScaledTime(SPEED);
    const tracker = jobs();
    const table = new LeaseTable(store);
    let down = false;
    const flaky: LeaseStore = {
      acquire: (...args) => (down ? Promise.reject(new Error('storage unreachable')) : table.acquire(...args)),
      release: (...args) => table.release(...args),
      current: (name) => table.current(name),
    };
    const a = keeper(flaky, time, 'a');
    a.start(tracker.job('a'));
    await until(() => tracker.running === 1, 'a to run the job');
    down = true;
    const cutAt = time.now().getTime();
    await until(() => tracker.running === 0, 'the job to stop');
    const lease = await table.current('proactive');
    assert.ok(time.now().getTime() < lease!.expiresAt.getTime(), 'stopped before anyone else could take the lease');
    assert.ok(time.now().getTime() - cutAt <= 45_000);
  });
});
