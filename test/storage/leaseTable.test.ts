import assert from 'node:assert/strict';
import { LeaseTable } from '../../src/storage/leaseTable';
import { freshTableStore } from '../support/azurite';

const T0 = new Date('2026-11-23T07:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const LEASE = 45_000;

describe('lease table (Azurite)', () => {
  it('is held by one instance until it expires, renewable only by its holder', async () => {
    const leases = new LeaseTable(await freshTableStore());
    assert.equal(await leases.acquire('proactive', 'a', at(0), LEASE), true);
    assert.equal(await leases.acquire('proactive', 'b', at(10), LEASE), false);
    assert.equal(await leases.acquire('proactive', 'a', at(15), LEASE), true, 'the holder renews');
    assert.equal(await leases.acquire('proactive', 'b', at(50), LEASE), false, 'renewed at 15 s: held until 60 s');
    assert.deepEqual(await leases.current('proactive'), { name: 'proactive', holder: 'a', expiresAt: at(60) });
    assert.equal(await leases.acquire('proactive', 'b', at(60), LEASE), true, 'expired: taken over');
    assert.equal(await leases.acquire('proactive', 'a', at(61), LEASE), false, 'the old holder does not get it back');
    assert.equal(await leases.acquire('other', 'a', at(61), LEASE), true, 'leases are independent');
  });

  it('goes to exactly one of several instances racing for it', async () => {
    const store = await freshTableStore();
    const instances = Array.from({ length: 6 }, () => new LeaseTable(store));
    const fresh = await Promise.all(instances.map((leases, i) => leases.acquire('proactive', `i${i}`, at(0), LEASE)));
    assert.equal(fresh.filter(Boolean).length, 1);
    const expired = await Promise.all(instances.map((leases, i) => leases.acquire('proactive', `i${i}`, at(100), LEASE)));
    assert.equal(expired.filter(Boolean).length, 1, 'also when taking over an expired lease');
  });

  it('is released only by its holder', async () => {
    const leases = new LeaseTable(await freshTableStore());
    await leases.acquire('proactive', 'a', at(0), LEASE);
    await leases.release('proactive', 'b');
    assert.equal((await leases.current('proactive'))?.holder, 'a');
    await leases.release('proactive', 'a');
    assert.equal(await leases.current('proactive'), undefined);
    assert.equal(await leases.acquire('proactive', 'b', at(1), LEASE), true);
  });
});
