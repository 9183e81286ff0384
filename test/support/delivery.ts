import { TeamsAdapter } from '@microsoft/teams-ai';
import { AppInstaller } from '../../src/ports/appInstaller';
import { Logger, silentLogger } from '../../src/ports/logger';
import { PeopleRepository } from '../../src/ports/peopleRepository';
import { ReachDirectory } from '../../src/ports/reach';
import { DeliveryWorker } from '../../src/scheduler/deliveryWorker';
import { ConnectorRateLimiter, realSleep } from '../../src/scheduler/rateLimiter';
import { OutboxTable } from '../../src/storage/outboxTable';
import { ConnectorSender } from '../../src/teams/connectorSender';
import { outboxConnectorClientOptions } from '../../src/teams/connectorHttp';

export interface RunningDelivery {
  readonly worker: DeliveryWorker;
  stop(): Promise<void>;
}

/**
 * The production delivery path for a test, on the wall clock: the outbox's worker sends through
 * the real ConnectorSender over a real TeamsAdapter (whatever serviceUrl the messages carry, e.g. a
 * FakeConnector), under the real rate limiter. Retries are quick so a test sees them.
 */
export function startDelivery(parts: {
  readonly outbox: OutboxTable;
  readonly people: PeopleRepository;
  readonly reach?: ReachDirectory;
  readonly installer?: AppInstaller;
  readonly logger?: Logger;
}): RunningDelivery {
  const clock = { now: () => new Date() };
  const logger = parts.logger ?? silentLogger;
  const adapter = new TeamsAdapter(undefined, undefined, undefined, outboxConnectorClientOptions());
  const sender = new ConnectorSender(adapter, '', parts.people, { clock, logger, ...(parts.reach ? { reach: parts.reach } : {}), ...(parts.installer ? { installer: parts.installer } : {}) });
  const limiter = new ConnectorRateLimiter(clock, realSleep);
  const worker = new DeliveryWorker(
    { queue: parts.outbox, sender, limiter, clock, sleep: realSleep, logger },
    { workerId: 'test-worker', pollIdleMs: 50, probeEveryMs: 200, retry: { baseDelayMs: 50, maxDelayMs: 200 } },
  );
  parts.outbox.onEnqueued(() => worker.wake());
  const controller = new AbortController();
  const running = worker.run(controller.signal);
  return {
    worker,
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

/** Polls until `condition` holds (the worker runs in the background). */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
