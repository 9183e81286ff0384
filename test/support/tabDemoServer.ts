import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { composeServices } from '../../src/composition';
import { addDays, localDate } from '../../src/domain/dates';
import { Idea } from '../../src/domain/ideas';
import { Person } from '../../src/domain/people';
import { RunningTavla, startTavla } from '../../src/main';
import { randomIds } from '../../src/ports/ids';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { startAzuriteProcess } from '../../src/storage/azuriteProcess';
import { EmbeddedAzurite } from '../../src/storage/embeddedAzurite';
import { TableStore } from '../../src/storage/tableStore';
import { settableClock } from './clock';

export const HN = 'hjemmetjenesten-nord';
const TZ = 'Europe/Oslo';

/** What the browser tests learn about the server (printed as one JSON line when run as a script). */
export interface TabDemo {
  readonly url: string;
  /** Sign-in link per demo person key. */
  readonly links: Readonly<Record<string, string>>;
  /** Idea numbers by role in the demo. */
  readonly numbers: Readonly<Record<string, number>>;
}

export interface TabServer {
  readonly tavla: RunningTavla;
  /** The demo person's sign-in link, with extra query parameters for the page. */
  signInLink(person: keyof typeof DEMO_PEOPLE, query?: Record<string, string>): string;
  readonly ideas: Readonly<Record<'newIdea' | 'keyBox' | 'rota' | 'evaluating' | 'missingBenefit', Idea>>;
  stop(): Promise<void>;
}

/**
 * Tavla as `npm start` runs it (local mode, the demo municipality), over an in-memory Azurite of
 * its own, with a board worth looking at: ideas in every column, one overdue, one done with its
 * benefit missing, a meeting schedule with meetings logged, and gains registered. The data is
 * written three weeks in the past (so due dates can pass), then the clock is set to now.
 */
export async function startTabServer(): Promise<TabServer> {
  const azurite: EmbeddedAzurite = await startAzuriteProcess();
  const prefix = `b${randomBytes(5).toString('hex')}`;
  const now = new Date();
  const clock = settableClock(new Date(now.getTime() - 21 * 86_400_000).toISOString());
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix, PORT: '0', SEED_DEMO: 'true', SEED_DEMO_HISTORY: 'false', LOG_LEVEL: 'silent' });
  const tavla = await startTavla(config, { clock, logger: silentLogger });
  const store = new TableStore({ target: { kind: 'connectionString', connectionString: azurite.connectionString }, prefix });
  const { services } = composeServices(store, { clock, ids: randomIds, logger: silentLogger, notifier: () => ({ toPerson: async () => {}, toUnitChannel: async () => {} }) });
  const { kari, ola } = DEMO_PEOPLE;
  const past = localDate(clock.now(), TZ);
  const submit = async (who: Person, title: string, fields: Record<string, string | string[]> = {}) =>
    (await services.ideaSubmission.submit(who, { unitId: HN, idea: { title, type: 'improve', ...fields } })).idea;
  const move = async (who: Person, idea: Idea, ...statuses: Idea['status'][]) => {
    let current = idea;
    for (const to of statuses) ({ idea: current } = await services.ideaChanges.apply(who, current, { kind: 'move', to }));
    return current;
  };
  const assign = async (idea: Idea, owner: Person, dueDate: string) =>
    (await services.ideaChanges.apply(kari, idea, { kind: 'assign', ownerId: owner.aadObjectId, dueDate })).idea;

  await services.meetingSchedules.save(kari, HN, { weekdays: ['1', '4'], time: '08:30' });
  const newIdea = await submit(ola, 'Færre vaktbytter', { type: 'improve', wastes: ['waiting'], situation: 'Vi bruker mye tid på å bytte vakter.', proposal: 'En byttebørs på tavla.' });
  const keyBox = await assign(await move(kari, await submit(kari, 'Nøkkelboks ved inngangen', { type: 'create', wastes: ['motion'] }), 'planned'), ola, addDays(past, 30));
  const rota = await assign(await move(kari, await submit(kari, 'Ny turnusplan for helg', { type: 'improve', wastes: ['overProcessing'] }), 'planned', 'inProgress'), kari, addDays(past, 5));
  const evaluating = await move(kari, await submit(ola, 'Slutt med dobbel dokumentasjon', { type: 'remove', wastes: ['overProcessing'] }), 'planned', 'inProgress', 'evaluating');
  const missingBenefit = await move(kari, await submit(kari, 'Felles medisinrom', { type: 'improve', wastes: ['transport'] }), 'planned', 'inProgress', 'evaluating', 'done');
  const measured = await move(kari, await submit(ola, 'Digital vaktliste', { type: 'create' }), 'planned', 'inProgress', 'evaluating', 'done');
  await services.benefitRegistration.register(kari, { unitId: HN, ideaNumber: measured.number }, { benefit: { category: 'time', stage: 'identified', period: 'week', indicator: 'Tid på vaktlister', baseline: '5', baselineOn: addDays(past, -30), target: '2', targetBy: addDays(past, 90), ownerId: kari.aadObjectId } });
  for (const days of [1, 4, 8, 11, 15]) {
    await services.meetings.log(kari, { unitId: HN, date: addDays(past, -days), version: 0, form: { held: days === 8 ? 'no' : 'yes', ...(days === 8 ? { reason: 'Sykdom' } : { attendees: '6' }) }, decisionReason: '' });
  }
  clock.set(now.toISOString());
  return {
    tavla,
    ideas: { newIdea, keyBox, rota, evaluating, missingBenefit },
    signInLink(person, query = {}) {
      const link = tavla.tabSignInLinks?.find((l) => l.person.aadObjectId === DEMO_PEOPLE[person].aadObjectId);
      if (!link) throw new Error(`no sign-in link for ${person}: is Tavla in local mode?`);
      const url = new URL(link.url);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return url.toString();
    },
    async stop() {
      await tavla.stop();
      await azurite.stop();
    },
  };
}

/**
 * Run as a script (by the browser tests, in a process of their own so that their DOM-typed code
 * never compiles the server): starts the demo, prints one JSON line describing it, and stops on
 * SIGTERM or when its input closes.
 */
if (require.main === module) {
  startTabServer().then(
    (server) => {
      const demo: TabDemo = {
        url: server.tavla.url,
        links: Object.fromEntries((Object.keys(DEMO_PEOPLE) as (keyof typeof DEMO_PEOPLE)[]).map((key) => [key, server.signInLink(key)])),
        numbers: Object.fromEntries(Object.entries(server.ideas).map(([name, idea]) => [name, idea.number])),
      };
      console.log(JSON.stringify(demo));
      const stop = () => void server.stop().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGTERM', stop);
      process.stdin.once('end', stop);
      process.stdin.resume();
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(1);
    },
  );
}
