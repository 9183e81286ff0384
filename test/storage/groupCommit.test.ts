import assert from 'node:assert/strict';
import { GroupCommit } from '../../src/storage/groupCommit';

/** A store whose saves take a few event-loop turns and record what they captured. */
function slowStore() {
  const store = { value: 0, saved: [] as number[], saving: 0, overlapped: false, failNext: false };
  const save = async () => {
    if (store.saving > 0) store.overlapped = true;
    store.saving++;
    const captured = store.value;
    await new Promise((resolve) => setTimeout(resolve, 2));
    store.saving--;
    if (store.failNext) {
      store.failNext = false;
      throw new Error('disk full');
    }
    store.saved.push(captured);
  };
  return { store, save };
}

describe('group commit of saves', () => {
  it('answers every change only once a save holding it is done, with few saves for a burst and never two at once', async () => {
    const { store, save } = slowStore();
    const commits = new GroupCommit(save);
    const change = async () => {
      const mine = ++store.value;
      await commits.request();
      return Math.max(...store.saved) >= mine;
    };
    const first = await Promise.all(Array.from({ length: 20 }, change));
    const second = await Promise.all(Array.from({ length: 20 }, change));

    assert.deepEqual([...first, ...second], Array(40).fill(true));
    assert.ok(store.saved.length <= 4, `40 changes in two bursts took ${store.saved.length} saves`);
    assert.equal(store.overlapped, false);
  });

  it('fails the changes a failed save answered, and saves again for the next ones', async () => {
    const { store, save } = slowStore();
    const commits = new GroupCommit(save);
    store.failNext = true;
    await assert.rejects(commits.request(), /disk full/);
    store.value = 7;
    await commits.request();
    assert.deepEqual(store.saved, [7]);
  });
});
