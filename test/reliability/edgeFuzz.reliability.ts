import assert from 'node:assert/strict';
import { Activity } from 'botbuilder';
import { addDays, localDate } from '../../src/domain/dates';
import { DEMO_ORGANISATION, DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, Person, cardAction, message } from '../support/activities';
import { testConnectionString } from '../support/azurite';
import { TavlaUnderTest, startTavlaUnderTest } from '../support/runningTavla';
import { converse, repliesTo, rowsOf, textOf, withId, SAVE_ANYWAY } from './conversation';
import { FuzzCase, generateCases } from './fuzz/mutations';
import { Random, fuzzSeed } from './fuzz/random';
import { rawRequest } from '../support/rawHttp';
import { FuzzWorld, JsonObject, plausibleData, registeredVerbs } from './fuzz/seeds';
import { auditStorage } from './fuzz/storageAudit';

const CASES = Number(process.env.FUZZ_CASES ?? 2400);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
/** Longer than any answer the edge may take (turn budget 12 s, body timeout 10 s, request timeout 20 s). */
const REQUEST_TIMEOUT_MS = 25_000;
/** What must never appear in an answer: stack frames, error class names, paths, internal hosts. */
const INTERNALS = /TypeError|RangeError|SyntaxError|ReferenceError|Maximum call stack|node_modules|\bat \S+ \(|\.ts:\d+|\/work\/|ECONNREFUSED|ETIMEDOUT|"stack"/;

const HN = 'hjemmetjenesten-nord';
const VP = 'veg-og-park';
const { kari, ola, per, lars, ingrid, anne, siri } = DEMO_PEOPLE;

interface Outcome {
  readonly fuzz: FuzzCase;
  /** HTTP status, or "closed" (no answer, connection closed) or "hang" (no answer in time). */
  readonly status: number | 'closed' | 'hang';
  readonly body: string;
  readonly contentType: string;
  readonly ms: number;
}

async function send(bot: TavlaUnderTest, fuzz: FuzzCase): Promise<Outcome> {
  const startedAt = Date.now();
  if (fuzz.transport === 'raw') {
    const answer = await rawRequest(bot.tavla.port, fuzz.raw!, REQUEST_TIMEOUT_MS);
    return { fuzz, status: answer.status ?? (answer.timedOut ? 'hang' : 'closed'), body: answer.body, contentType: answer.headers['content-type'] ?? '', ms: Date.now() - startedAt };
  }
  try {
    const res = await fetch(`${bot.tavla.url}${fuzz.path}`, {
      method: fuzz.method,
      headers: fuzz.headers,
      ...(['GET', 'HEAD'].includes(fuzz.method) ? {} : { body: fuzz.body }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await res.text();
    return { fuzz, status: res.status, body, contentType: res.headers.get('content-type') ?? '', ms: Date.now() - startedAt };
  } catch (error) {
    const hang = error instanceof Error && error.name === 'TimeoutError';
    return { fuzz, status: hang ? 'hang' : 'closed', body: '', contentType: '', ms: Date.now() - startedAt };
  }
}

/** Action.Execute buttons on the bot's own cards, with their inputs filled as a person would. */
function harvest(value: unknown, person: Person, into: FuzzWorld['harvested'][number][]): void {
  const cards: unknown[] = [];
  const findCards = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(findCards);
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; body?: unknown };
    if (n.type === 'AdaptiveCard') cards.push(node);
    else Object.values(node).forEach(findCards);
  };
  findCards(value);
  for (const card of cards) {
    const inputs: JsonObject = {};
    const buttons: { verb: string; data: JsonObject }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const n = node as { type?: unknown; id?: unknown; value?: unknown; choices?: { value?: unknown }[]; verb?: unknown; data?: unknown };
      if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
        const choice = n.choices?.[0]?.value;
        inputs[n.id] = typeof n.value === 'string' && n.value ? n.value : typeof choice === 'string' ? choice : n.type === 'Input.Date' ? '2027-01-15' : 'Tekst';
      }
      if (n.type === 'Action.Execute' && typeof n.verb === 'string') buttons.push({ verb: n.verb, data: (typeof n.data === 'object' && n.data !== null ? n.data : {}) as JsonObject });
      Object.values(node).forEach(walk);
    };
    walk(card);
    for (const button of buttons) into.push({ verb: button.verb, data: { ...inputs, ...button.data }, person });
  }
}

describe('HTTP edge fuzzer (reliability)', function () {
  this.timeout(300_000);
  let bot: TavlaUnderTest;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    bot = await startTavlaUnderTest({ connectionString: testConnectionString() });
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await bot?.stop();
  });

  it('survives thousands of mutated activities: no 5xx, no crash, short refusals, no malformed rows', async () => {
    const preparingSince = Date.now();
    const seed = fuzzSeed();
    console.log(`      fuzz seed ${seed} (repeat with FUZZ_SEED=${seed}), ${CASES} cases`);
    const nb = (who: Person, where: 'personal' | 'channel' = 'personal') => ({ from: who, locale: 'nb-NO', where, ...(where === 'channel' ? { channelId: CHANNEL_ID } : {}) });

    // A world with some history, so plausible activities reach deep into the handlers.
    const step = async (activity: Partial<Activity>, expect?: RegExp) => {
      const answer = await converse(bot, withId(activity));
      assert.equal(answer.status, 200);
      if (expect) assert.match(answer.text, expect);
      return answer;
    };
    await step(cardAction('setup.link', { unitId: HN }, nb(kari, 'channel')));
    const idea = (title: string) => ({ title, type: 'improve', situation: 'Vi venter.', proposal: 'Faste plasser.', wastes: 'waiting', benefitAreas: 'time' });
    // The demo organisation comes with six months of history: numbers are read from the answers.
    const submit = async (unitId: string, code: string, title: string, who: Person) => {
      const answer = await step(cardAction('idea.submit', { fixedUnitId: unitId, ...idea(title), ...SAVE_ANYWAY }, nb(who)));
      const number = new RegExp(`${code}-(\\d+) `).exec(answer.text)?.[1];
      assert.ok(number, answer.text);
      return number;
    };
    const done = await submit(HN, 'HN', 'Nøkkelskap', kari);
    const withAction = await submit(HN, 'HN', 'Bedre overlevering', ola);
    await submit(HN, 'HN', 'Faste plasser', kari);
    const roads = await submit(VP, 'VP', 'Saltlager', per);
    for (const [version, to] of [[1, 'inProgress'], [2, 'evaluating'], [3, 'done']] as const) {
      await step(cardAction('idea.move', { unitId: HN, number: done, version: String(version), to }, nb(kari)));
    }
    await step(cardAction('idea.addAction', { unitId: HN, number: withAction, version: '1', actionText: 'Kjøpe skap', actionOwnerId: kari.aadObjectId, actionDueDate: '' }, nb(kari)));
    // A plan for the done idea's gain, and an unplanned money gain, measured, that waits for the service-area leader.
    const today = localDate(new Date(), 'Europe/Oslo');
    await step(
      cardAction('benefit.register', { unitId: HN, number: done, fromBenefitId: '', step: 'details', category: 'time', stage: 'identified', period: 'week', indicator: 'Timer brukt på å lete etter nøkler', baseline: '3', baselineOn: addDays(today, -60), target: '1', targetBy: addDays(today, 120), ownerId: kari.aadObjectId }, nb(kari)),
    );
    await step(
      cardAction('benefit.register', { unitId: HN, number: done, fromBenefitId: '', step: 'details', category: 'money', stage: 'realized', indicator: 'Vikarutgifter', period: 'oneOff', baseline: '14 000', baselineOn: addDays(today, -90), measured: '4 000', measuredOn: addDays(today, -1), use: 'budget', useText: 'Kuttet vikarbudsjettet', ownerId: kari.aadObjectId }, nb(kari)),
    );
    // Every idea and benefit in storage (the demo history's and these) is a target for plausible card data.
    const ideasRows = await rowsOf(bot, 'Ideas');
    const ideas = ideasRows.filter((r) => String(r.rowKey).startsWith('idea|')).map((r) => ({ unitId: String(r.partitionKey), number: Number(r.number) }));
    const benefits = ideasRows.filter((r) => String(r.rowKey).startsWith('benefit|')).map((r) => ({ unitId: String(r.partitionKey), number: Number(r.ideaNumber), benefitId: String(r.rowKey).split('|')[2]! }));
    const pending = ideasRows.find((r) => String(r.rowKey).startsWith(`benefit|${done.padStart(7, '0')}|`) && r.approval === 'pending');
    assert.ok(pending, 'the measurement registered above awaits approval');

    // Buttons from the bot's own cards, as each kind of person sees them.
    const harvested: FuzzWorld['harvested'][number][] = [];
    const viewers: Person[] = [kari, ola, per, lars, ingrid, anne];
    // Texts outside, people inside, so each 1:1 chat stays under Teams' rate limits, which the fake
    // connector enforces like Teams (a throttled reply is lost, and with it its card's buttons).
    for (const text of ['tavle', 'mine', 'gevinster', 'møteplan', 'idé', 'hvem er jeg', 'status', 'hjelp']) {
      for (const person of viewers) {
        const activity = withId(message(text, nb(person)));
        await converse(bot, activity, 2_000);
        harvest(repliesTo(bot.connector, activity).map((d) => d.activity), person, harvested);
      }
    }
    for (const person of viewers) {
      for (const [unitId, number] of [[HN, done], [HN, withAction], [VP, roads]] as const) {
        harvest((await converse(bot, withId(cardAction('idea.open', { unitId, number }, nb(person))))).body, person, harvested);
      }
      harvest((await converse(bot, withId(cardAction('benefit.refresh', { unitId: HN, number: done, benefitId: String(pending.rowKey).split('|')[2] }, nb(person))))).body, person, harvested);
    }
    const seenVerbs = [...new Set(harvested.map((h) => h.verb))].sort();
    console.log(`      world prepared in ${((Date.now() - preparingSince) / 1000).toFixed(1)} s; ${harvested.length} buttons harvested from the bot's cards (${seenVerbs.length} verbs)`);

    const world: FuzzWorld = {
      serviceUrl: bot.connector.serviceUrl,
      people: [...Object.values(DEMO_PEOPLE), { aadObjectId: '0badc0de-0000-4000-8000-000000000001', name: 'Ukjent Person' }],
      units: DEMO_ORGANISATION.units.map((u) => u.id),
      serviceAreas: DEMO_ORGANISATION.serviceAreas.map((a) => a.id),
      ideas,
      fishbones: ideasRows.filter((r) => String(r.rowKey).startsWith('fishbone|')).map((r) => String(r.rowKey).slice('fishbone|'.length)),
      benefits,
      today: localDate(new Date(), 'Europe/Oslo'),
      leaderOf: { [HN]: kari, [VP]: per, 'bygg-eiendom': per, 'sykehjem-ost': siri },
      harvested,
    };
    // Every registered verb has a plausible seed (a verb added later must be added here too).
    const rng = new Random(seed);
    assert.deepEqual(registeredVerbs().filter((verb) => plausibleData(verb, world, rng) === undefined), [], 'verbs without a plausible seed');

    const cases = generateCases(world, rng, CASES, bot.tavla.port);
    const deliveriesBefore = bot.connector.deliveries.length;
    const logLinesBefore = bot.logger.lines.length;
    const outcomes: Outcome[] = [];
    const healthFailures: number[] = [];
    let next = 0;
    const startedAt = Date.now();
    const worker = async () => {
      while (next < cases.length) {
        const fuzz = cases[next++]!;
        const linesBefore = bot.logger.lines.length;
        outcomes.push(await send(bot, fuzz));
        if (process.env.FUZZ_TRACE) {
          await new Promise((resolve) => setTimeout(resolve, 30));
          for (const line of bot.logger.lines.slice(linesBefore)) if (line.level === 'error') console.log('TRACE', fuzz.index, fuzz.kind, fuzz.mutation.slice(0, 200), JSON.stringify(line.fields).slice(0, 300), fuzz.body.toString().slice(0, 1500));
        }
        if (fuzz.index % 200 === 0) {
          const health = await fetch(`${bot.tavla.url}/health`).then((r) => r.status, () => 0);
          if (health !== 200) healthFailures.push(fuzz.index);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsed = Date.now() - startedAt;

    // Summary: requests by status code, and by the kind of mutation.
    const byStatus = new Map<string, number>();
    for (const o of outcomes) byStatus.set(String(o.status), (byStatus.get(String(o.status)) ?? 0) + 1);
    console.log(`      ${outcomes.length} requests in ${(elapsed / 1000).toFixed(1)} s (concurrency ${CONCURRENCY}); slowest ${Math.max(...outcomes.map((o) => o.ms))} ms`);
    console.table([...byStatus.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([status, requests]) => ({ status, requests })));
    const family = (o: Outcome) => o.fuzz.mutation.replace(/\([\s\S]*$/, '').split(' + ')[0]!;
    const byFamily = new Map<string, Map<string, number>>();
    for (const o of outcomes) {
      const row = byFamily.get(family(o)) ?? new Map<string, number>();
      row.set(String(o.status), (row.get(String(o.status)) ?? 0) + 1);
      byFamily.set(family(o), row);
    }
    const statuses = [...byStatus.keys()].sort();
    console.table(Object.fromEntries([...byFamily.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, row]) => [name, Object.fromEntries(statuses.map((s) => [s, row.get(s) ?? 0]))])));

    const faults = new Map<string, number>();
    for (const line of bot.logger.lines.slice(logLinesBefore)) {
      if (line.level !== 'error') continue;
      const fields = line.fields as { err?: unknown; what?: unknown; type?: unknown };
      const key = `${line.message ?? ''} | ${String(fields.what ?? fields.type ?? '')} | ${String(fields.err ?? '').slice(0, 120)}`;
      faults.set(key, (faults.get(key) ?? 0) + 1);
    }
    console.log(`      errors logged: ${[...faults.values()].reduce((a, b) => a + b, 0)}`);
    for (const [key, n] of faults) console.log(`        ${n} × ${key}`);
    const describe = (o: Outcome) => `#${o.fuzz.index} ${o.fuzz.kind} / ${o.fuzz.mutation} -> ${o.status} ${o.body.slice(0, 160)}`;
    // No 5xx, no hang, no crash.
    assert.deepEqual(outcomes.filter((o) => typeof o.status === 'number' && o.status >= 500).map(describe), [], 'server errors');
    assert.deepEqual(outcomes.filter((o) => o.status === 'hang').map(describe), [], 'requests never answered');
    assert.deepEqual(unhandled.map(String), [], 'unhandled rejections');
    // A fault caught inside the turn still answers 200 ("something went wrong"): the log tells.
    assert.deepEqual([...faults.keys()], [], 'turns that failed with an unexpected error');
    assert.deepEqual(healthFailures, [], 'health check failed during the run');
    // Refusals are short JSON that say nothing about the inside.
    const badRefusals = outcomes.filter((o) => {
      if (typeof o.status !== 'number' || o.status < 400 || o.status >= 500) return false;
      if (o.body.length > 200 || !o.contentType.includes('json')) return true;
      try {
        const parsed = JSON.parse(o.body) as unknown;
        return typeof parsed !== 'object' || parsed === null || INTERNALS.test(o.body);
      } catch {
        return true;
      }
    });
    assert.deepEqual(badRefusals.map(describe), [], '4xx answers that are not short JSON');
    assert.deepEqual(outcomes.filter((o) => INTERNALS.test(o.body)).map(describe), [], 'answers that show internals');
    const leaky = bot.connector.deliveries.slice(deliveriesBefore).filter((d) => INTERNALS.test(JSON.stringify(d.activity)));
    assert.deepEqual(leaky.map((d) => textOf(d.activity).slice(0, 160)), [], 'messages to people that show internals');

    // Afterwards a normal message and a normal submission are answered as usual.
    // Someone new, in a chat of their own: the fuzzed chats may still be over Teams' rate limit at the fake connector.
    const newcomer = { aadObjectId: '0e0e0e0e-0000-4000-8000-00000000beef', name: 'Eva Etterpå' };
    const help = await converse(bot, withId(message('hjelp', nb(newcomer))));
    assert.match(help.text, /Tavla – forbedringstavla deres i Teams/, help.text);
    const submitted = await converse(bot, withId(cardAction('idea.submit', { fixedUnitId: HN, ...idea('Etter fuzzing'), ...SAVE_ANYWAY }, nb(kari))));
    assert.match(submitted.text, /Takk! Forslaget ditt HN-\d+ står nå på forbedringstavla/);

    // Nothing malformed reached storage.
    const audit = await auditStorage(bot.tables);
    console.log(`      storage after the run: ${Object.entries(audit.rows).map(([table, n]) => `${table} ${n}`).join(', ')} rows; ${audit.problems.length} problems`);
    assert.deepEqual(audit.problems.slice(0, 40), [], 'malformed rows');
  });
});
