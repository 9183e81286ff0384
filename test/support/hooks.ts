import { startTestAzurite, stopTestAzurite } from './azurite';
import { FakeManagedIdentity } from './fakeManagedIdentity';

/** Root hooks for the whole mocha run (loaded through .mocharc.json "require"). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(30_000);
    await startTestAzurite();
  },
  async afterAll() {
    await Promise.all([stopTestAzurite(), FakeManagedIdentity.stopShared()]);
  },
};
