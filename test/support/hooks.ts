import { startTestAzurite, stopTestAzurite } from './azurite';

/** Root hooks for the whole mocha run (loaded through .mocharc.json "require"). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(30_000);
    await startTestAzurite();
  },
  async afterAll() {
    await stopTestAzurite();
  },
};
