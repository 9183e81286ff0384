import { gzipSync } from 'node:zlib';
import { Random } from './random';
import { FuzzWorld, Json, JsonObject, Seed, plausibleData, registeredVerbs, validSeed } from './seeds';

/** One request the fuzzer sends. */
export interface FuzzCase {
  readonly index: number;
  /** The kind of activity it started from. */
  readonly kind: string;
  /** What was done to it, e.g. "wrongType(from.name) + truncate". */
  readonly mutation: string;
  /** fetch for well-formed HTTP; raw bytes on a socket for HTTP that fetch will not send. */
  readonly transport: 'fetch' | 'raw';
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** raw only: the complete request bytes. */
  readonly raw?: Buffer;
}

type Path = (string | number)[];

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function clone<T extends Json>(value: T): T {
  // JSON.parse keeps "__proto__" as an own property, so a mutated clone keeps it too.
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Every path in the tree (breadth-first, bounded). */
function paths(root: Json, limit = 400): Path[] {
  const found: Path[] = [];
  const queue: [Json, Path][] = [[root, []]];
  while (queue.length && found.length < limit) {
    const [node, path] = queue.shift()!;
    if (path.length) found.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => queue.push([child, [...path, i]]));
    else if (isObject(node)) for (const key of Object.keys(node)) queue.push([node[key]!, [...path, key]]);
  }
  return found;
}

const show = (path: Path) => path.join('.') || '(root)';

function get(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (isObject(node) && typeof step === 'string') node = Object.prototype.hasOwnProperty.call(node, step) ? node[step] : undefined;
    else return undefined;
  }
  return node;
}

function set(root: JsonObject, path: Path, value: Json | undefined): void {
  const parent = get(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === undefined) parent.splice(last, 1);
    else parent[last] = value;
  } else if (isObject(parent) && typeof last === 'string') {
    if (value === undefined) delete parent[last];
    else Object.defineProperty(parent, last, { value, enumerable: true, configurable: true, writable: true });
  }
}

/** Strings that have broken parsers, keys, terminals and templates before. */
const NASTY_PIECES = [
  '\u0000', '\u0007', '\u0008', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd',
  '\ud800', '\udfff', '😀', '👨‍👩‍👧', 'e\u0301', 'ﬃ', 'İ', '\r\n', '\r', '\t', '%00', '%', '\\', '/', '#', '?', '|', '~', '<script>alert(1)</script>',
  '${s.help}', '${$root}', '{{x}}', "'", '"', "' OR ''='", '../..', "PartitionKey eq 'org'", 'ø', 'Å', 'ß', '\u0301', ' ', '',
];

const ODD_IDS: Json[] = [
  '', ' ', '/', '..', '#', '?', 'a/b', 'a\\b', '\u0000', 'x'.repeat(513), 'x'.repeat(3000), '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', `29:${'a'.repeat(600)}`, '19:abc@thread.tacv2;messageid=123', 'a:', '%2F',
  'unit|x', 'idea|0000001', "' or ''='", 'hjemmetjenesten-nord ', 'HJEMMETJENESTEN-NORD', '-1', '0', '1.5', '1e3', '0x10', ' 1', '٣', '１', 'NaN', 'Infinity',
];

/** Absurd numbers and dates, as values and as the strings cards submit. */
const ABSURD: Json[] = [
  '9999-12-31', '0000-00-00', '0001-01-01', '1970-01-01', '2026-02-30', '2026-13-01', '2026-11-29T25:61:00Z', '+275760-09-13', '-000001-01-01',
  '-1', -1, 'NaN', '1e308', 1e308, -1e308, 'Infinity', '-Infinity', 0, -0, 2 ** 53 + 1, 4294967296, 0.1, '1e-400', '00:00', '24:00', '99:99', '-5:00',
  '1,2,3,4,5,6,7,8', '0', '8', 'true', true, false, null, [], {}, '', ' ', '1'.repeat(400),
];

const ABSURD_DATES: Json[] = [
  '9999-12-31', '2999-01-01', '2100-06-15', '0001-01-01', '1900-01-01', '0000-00-00', '2026-02-30', '2026-13-01', '-000001-01-01', '+275760-09-13',
  '9999-12-31T23:59:59Z', '2027-01-15 ', ' 2027-01-15', '2027-1-5', '15.01.2027', '-1', 'NaN', '1e308', 1e308, -1, '', '99:99', '24:00', '-5:00',
];

/** Card verbs whose success writes to storage. */
const WRITING_VERBS = [
  'idea.submit', 'idea.move', 'idea.prioritise', 'idea.assign', 'idea.addAction', 'idea.completeAction', 'idea.rootCause', 'idea.comment',
  'benefit.register', 'benefit.approve', 'benefit.reject', 'benefit.requestChanges', 'schedule.save', 'meeting.log', 'setup.create', 'setup.link',
  'reminder.done', 'reminder.reschedule', 'reminder.handOver', 'reminder.snooze',
  'similar.join', 'stakeholders.save', 'stakeholder.answer', 'whereElse.yes', 'tried.adopt', 'tried.dismiss',
];

function otherType(value: Json | undefined, rng: Random): Json {
  const candidates: Json[] = [42, -1, 1.5, true, false, null, 'text', '', [], [1, 'a'], {}, { id: 'x' }, 1e308];
  const typeOf = (v: Json | undefined) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const different = candidates.filter((c) => typeOf(c) !== typeOf(value));
  return rng.pick(different);
}

function nastyString(rng: Random): string {
  const parts = Array.from({ length: rng.between(1, 8) }, () => rng.pick(NASTY_PIECES));
  if (rng.chance(0.3)) parts.splice(rng.int(parts.length + 1), 0, 'Færre vaktbytter');
  return parts.join('');
}

function hugeString(rng: Random): string {
  const length = rng.pick([300, 2_100, 33_000, 70_000, 200_000, 600_000]);
  const unit = rng.pick(['x', 'ø', '😀', 'a ', '\u0000', '<at>x</at>']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Markers replaced after serialising: values JSON.stringify cannot produce. */
const DEEP = '\u0001deep:';
const LITERAL = '\u0001literal:';

type Mutator = (activity: JsonObject, rng: Random, world: FuzzWorld) => string;

const pickPath = (activity: JsonObject, rng: Random, filter: (path: Path, value: Json | undefined) => boolean = () => true): Path | undefined => {
  const candidates = paths(activity).filter((p) => filter(p, get(activity, p)));
  return candidates.length ? rng.pick(candidates) : undefined;
};

const MUTATORS: Record<string, Mutator> = {
  wrongType(activity, rng) {
    const path = pickPath(activity, rng)!;
    set(activity, path, otherType(get(activity, path), rng));
    return `wrongType(${show(path)})`;
  },
  missing(activity, rng) {
    const path = pickPath(activity, rng)!;
    set(activity, path, undefined);
    return `missing(${show(path)})`;
  },
  hugeString(activity, rng) {
    const path = pickPath(activity, rng, (_, v) => typeof v === 'string') ?? ['text'];
    set(activity, path, hugeString(rng));
    return `hugeString(${show(path)})`;
  },
  deepNesting(activity, rng) {
    const path = pickPath(activity, rng, (p) => p.length <= 4)!;
    const depth = rng.pick([64, 1_000, 10_000, 100_000]);
    set(activity, path, `${DEEP}${rng.pick(['[', '{'])}${depth}`);
    return `deepNesting(${show(path)}, ${depth})`;
  },
  unicode(activity, rng) {
    const path = pickPath(activity, rng, (_, v) => typeof v === 'string') ?? ['text'];
    set(activity, path, nastyString(rng));
    return `unicode(${show(path)})`;
  },
  prototypeKeys(activity, rng) {
    const path = pickPath(activity, rng, (p, v) => isObject(v) && p.length <= 5) ?? [];
    const target = path.length ? get(activity, path) : activity;
    if (!isObject(target)) return 'prototypeKeys(none)';
    const key = rng.pick(['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty']);
    const value: Json = rng.pick<Json>([{ polluted: true, isAdmin: true, roles: ['administrator'] }, { prototype: { polluted: true } }, 'x', 1, null, []]);
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    return `prototypeKeys(${show([...path, key])})`;
  },
  absurdValue(activity, rng) {
    const path = pickPath(activity, rng, (p) => p.includes('data') || p.includes('value') || rng.chance(0.3))!;
    set(activity, path, rng.pick(ABSURD));
    return `absurdValue(${show(path)})`;
  },
  oddId(activity, rng) {
    const path = pickPath(activity, rng, (p) => /id$/i.test(String(p[p.length - 1])) || p[p.length - 1] === 'number') ?? ['id'];
    set(activity, path, rng.pick(ODD_IDS));
    return `oddId(${show(path)})`;
  },
  unknownVerb(activity, rng) {
    const value = isObject(activity.value) ? activity.value : (activity.value = {});
    const action = isObject(value.action) ? value.action : (value.action = { type: 'Action.Execute' });
    const known = registeredVerbs();
    action.verb = rng.pick<Json>([
      'idea.teleport', 'IDEA.OPEN', `${rng.pick(known)} `, `${rng.pick(known)}\u0000`, 'idea.', '', 'constructor', '__proto__', 'toString', 'x'.repeat(300), 12, null, ['idea.open'],
    ]);
    return `unknownVerb(${JSON.stringify(action.verb).slice(0, 30)})`;
  },
  unknownInvokeName(activity, rng) {
    activity.type = 'invoke';
    activity.name = rng.pick<Json>(['adaptiveCard/teleport', 'composeExtension/unknown', 'task/fetch ', '', 'x'.repeat(300), '__proto__', 'constructor', 'adaptiveCard/action\u0000', 42]);
    return `unknownInvokeName(${JSON.stringify(activity.name).slice(0, 30)})`;
  },
  activityType(activity, rng) {
    activity.type = rng.pick<Json>(['message', 'invoke', 'event', 'messageReaction', 'typing', 'endOfConversation', 'deleteUserData', 'handoff', 'trace', 'messageUpdate', 'messageDelete', 'installationUpdate', 'conversationUpdate', 'x', '']);
    return `activityType(${String(activity.type)})`;
  },
  hostileCardData(activity, rng, world) {
    activity.type = 'invoke';
    activity.name = 'adaptiveCard/action';
    const verb = rng.pick(registeredVerbs());
    const data: JsonObject = plausibleData(verb, world, rng) ?? {};
    const keys = Object.keys(data);
    for (let i = rng.between(1, 4); i > 0; i--) {
      const key = keys.length && rng.chance(0.8) ? rng.pick(keys) : rng.pick(['__proto__', 'constructor', 'unitId', 'number', 'input', 'x'.repeat(200), '']);
      const value = rng.weighted<() => Json>([
        [3, () => nastyString(rng)],
        [2, () => hugeString(rng)],
        [3, () => rng.pick(ABSURD)],
        [2, () => rng.pick(ODD_IDS)],
        [2, () => otherType(data[key], rng)],
        [1, () => `${DEEP}[${rng.pick([100, 5_000, 50_000])}`],
      ])();
      Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
    }
    activity.value = { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
    return `hostileCardData(${verb})`;
  },
  oneBadField(activity, rng, world) {
    // A submission that passes every check but one: from the unit's leader, one field hostile.
    activity.type = 'invoke';
    activity.name = 'adaptiveCard/action';
    // Mostly the verbs that write, since a hostile value that reaches storage is what this is after.
    const verb = rng.chance(0.8) ? rng.pick(WRITING_VERBS) : rng.pick(registeredVerbs());
    const data: JsonObject = plausibleData(verb, world, rng) ?? {};
    const unit = [data.unitId, data.fixedUnitId, data.unitChoice].find((v): v is string => typeof v === 'string');
    const actor = (unit && world.leaderOf[unit]) || rng.pick(world.people);
    activity.from = { id: `29:${actor.aadObjectId}`, name: actor.name, aadObjectId: actor.aadObjectId };
    const keys = Object.keys(data).filter((k) => !['unitId', 'fixedUnitId', 'number', 'version'].includes(k));
    const key = keys.length ? rng.pick(keys) : 'x';
    const value = /date|due|from$|to$|time/i.test(key) && rng.chance(0.7)
      ? rng.pick(ABSURD_DATES)
      : rng.weighted<() => Json>([
          [4, () => nastyString(rng)],
          [2, () => hugeString(rng)],
          [4, () => rng.pick(ABSURD)],
          [1, () => rng.pick(ODD_IDS)],
        ])();
    Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
    activity.value = { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
    return `oneBadField(${verb}.${key}=${JSON.stringify(value).slice(0, 24)})`;
  },
  hostileDialogData(activity, rng, world) {
    activity.type = 'invoke';
    activity.name = rng.pick(['composeExtension/submitAction', 'composeExtension/fetchTask']);
    const data: JsonObject = plausibleData('idea.submit', world, rng) ?? {};
    const key = rng.pick(Object.keys(data));
    set(data, [key], rng.pick<Json>([nastyString(rng), hugeString(rng), ...ABSURD.slice(0, 8)]));
    activity.value = rng.pick<Json>([
      { commandId: 'saveAsIdea', commandContext: 'message', data },
      { commandId: rng.pick(['saveAsIdea ', 'unknown', '', '__proto__']), data },
      { commandId: 'saveAsIdea', messagePayload: { body: { contentType: 'html', content: nastyString(rng) }, linkToMessage: rng.pick(['javascript:alert(1)', 'https://evil.example/', '', 'x'.repeat(3000)]) } },
      { commandId: 'saveAsIdea', messagePayload: 'not an object' },
      null,
    ]);
    return `hostileDialogData(${String(activity.name)}, ${key})`;
  },
  absurdNumberLiteral(activity, rng) {
    const path = pickPath(activity, rng)!;
    set(activity, path, `${LITERAL}${rng.pick(['1e999', '-1e999', '123456789012345678901234567890', '1'.repeat(5000), '-0.0000000000000000000001', '0e0'])}`);
    return `absurdNumberLiteral(${show(path)})`;
  },
};

function serialise(activity: JsonObject): string {
  const text = JSON.stringify(activity);
  return text.replace(/"\\u0001(deep|literal):([^"]*)"/g, (_, kind: string, rest: string) => {
    if (kind === 'literal') return rest;
    const open = rest[0]!;
    const depth = Number(rest.slice(1));
    return open === '[' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  });
}

/** Mutations of the bytes: what a broken client or proxy would send. */
const BYTE_MUTATIONS: Record<string, (text: string, rng: Random) => Buffer> = {
  truncated: (text, rng) => Buffer.from(text.slice(0, rng.int(Math.max(1, text.length)))),
  invalidUtf8: (text, rng) => {
    const bytes = Buffer.from(text);
    const at = rng.int(bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(rng.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00]])), bytes.subarray(at)]);
  },
  byteOrderMark: (text) => Buffer.from(`\ufeff${text}`),
  trailingGarbage: (text, rng) => Buffer.from(text + rng.pick(['}', ',', 'null', '\u0000', ' {"type":"message"}', '\n\n\n'])),
  duplicateKeys: (text, rng) => Buffer.from(text.replace(/^\{/, `{${rng.pick(['"type":"invoke",', '"serviceUrl":"https://evil.example/",', '"from":null,', '"channelData":{"tenant":{"id":"99999999-2222-4333-8444-555555555555"}},'])}`)),
  nanLiteral: (text) => Buffer.from(text.replace(/:(\d+)([,}])/, ':NaN$2')),
  whitespacePadding: (text, rng) => Buffer.from(' '.repeat(rng.pick([10_000, 400_000])) + text),
  utf16: (text) => Buffer.from(text, 'utf16le'),
  notAnObject: (_, rng) => Buffer.from(rng.pick(['null', '[]', '"message"', '123', 'true', '', '{}', '[{"type":"message"}]'])),
};

type HeaderCase = { readonly mutation: string; readonly transport: 'fetch' | 'raw'; readonly method?: string; readonly path?: string; readonly headers: Record<string, string>; readonly body?: Buffer; readonly raw?: (port: number) => Buffer };

/** Headers and HTTP framing: content type, encoding, length, transfer encoding, method, path. */
function headerCase(body: Buffer, rng: Random): HeaderCase {
  const variant = rng.int(10);
  const rawRequest = (head: string, payload: Buffer | string = body) => (port: number) =>
    Buffer.concat([Buffer.from(`${head.replace('HOST', `127.0.0.1:${port}`)}\r\n\r\n`, 'latin1'), typeof payload === 'string' ? Buffer.from(payload, 'latin1') : payload]);
  switch (variant) {
    case 0: {
      const type = rng.pick(['text/plain', 'application/json; charset=utf-16', 'APPLICATION/JSON', ' application/json ', 'application/json;', 'application/jsonx', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/vnd.api+json', 'application/json, text/plain', '*/*']);
      return { mutation: `contentType(${type})`, transport: 'fetch', headers: { 'content-type': type } };
    }
    case 1: {
      const encoding = rng.pick(['gzip', 'deflate', 'br', 'identity', 'IDENTITY', 'gzip, identity', 'x-unknown', ' ']);
      const compressed = rng.chance(0.5) && encoding.includes('gzip');
      return { mutation: `contentEncoding(${encoding}${compressed ? ', really gzip' : ''})`, transport: 'fetch', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body: compressed ? gzipSync(body) : body };
    }
    case 2: {
      const declared = rng.pick(['0', '1', String(Math.max(0, body.length - 7)), String(body.length + 1), '-1', '1e3', '0x10', ' 12', '99999999999999999999', '524289']);
      // A declared length larger than the body, with the connection left open, is a slow client: answered by the body timeout.
      return { mutation: `contentLength(${declared} for ${body.length} bytes)`, transport: 'raw', headers: {}, raw: rawRequest(`POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\nConnection: close`) };
    }
    case 3: {
      const kind = rng.pick(['duplicate', 'withChunked', 'noLength', 'chunked', 'badChunk', 'lf-only']);
      const heads: Record<string, string> = {
        duplicate: `POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nContent-Length: 5\r\nConnection: close`,
        withChunked: `POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\nConnection: close`,
        noLength: `POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nConnection: close`,
        chunked: `POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close`,
        badChunk: `POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close`,
        'lf-only': `POST /api/messages HTTP/1.1\nHost: HOST\nContent-Type: application/json\nContent-Length: ${body.length}\nConnection: close`,
      };
      const payload =
        kind === 'chunked'
          ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')])
          : kind === 'badChunk'
            ? Buffer.concat([Buffer.from('zz\r\n'), body, Buffer.from('\r\n0\r\n\r\n')])
            : body;
      return { mutation: `framing(${kind})`, transport: 'raw', headers: {}, raw: rawRequest(heads[kind]!, payload) };
    }
    case 4: {
      const method = rng.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      return { mutation: `method(${method})`, transport: 'fetch', method, headers: { 'content-type': 'application/json' }, ...(['GET', 'HEAD'].includes(method) ? { body: Buffer.alloc(0) } : {}) };
    }
    case 5: {
      const path = rng.pick(['/api/messages/', '/api/messages?x=1', '/API/MESSAGES', '/api/messages/../messages', '/api/messages;x', '/api/messages%00', '/api/messages?__proto__[x]=1']);
      return { mutation: `path(${path})`, transport: 'fetch', path, headers: { 'content-type': 'application/json' } };
    }
    case 6: {
      const size = rng.pick([9_000, 17_000, 70_000]);
      return { mutation: `hugeHeader(${size})`, transport: 'raw', headers: {}, raw: rawRequest(`POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nX-Filler: ${'a'.repeat(size)}\r\nContent-Length: ${body.length}\r\nConnection: close`) };
    }
    case 8: {
      // Local mode has no Bot Framework authentication: a token is ignored, an oversized header refused.
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const token = rng.pick(['Bearer garbage', 'Bearer', 'Basic dXNlcjpwYXNz', `Bearer ${b64({ alg: 'none' })}.${b64({ iss: 'https://api.botframework.com' })}.`, `Bearer ${'a'.repeat(9_000)}`, '\u00e6\u00f8\u00e5']);
      return { mutation: `authorization(${token.slice(0, 20)})`, transport: 'fetch', headers: { 'content-type': 'application/json', authorization: token } };
    }
    case 7: {
      const header = rng.pick(['Expect: 100-continue', 'Content-Type: application/json\u0000', 'Content-Type:', 'Transfer-Encoding: gzip, chunked', 'Host:', 'Content-Encoding: gzip\r\nContent-Encoding: identity']);
      return { mutation: `oddHeader(${JSON.stringify(header)})`, transport: 'raw', headers: {}, raw: rawRequest(`POST /api/messages HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\n${header}\r\nContent-Length: ${body.length}\r\nConnection: close`) };
    }
    default: {
      const line = rng.pick(['POST /api/messages HTTP/1.0', 'POST /api/messages HTTP/2.0', 'POST  /api/messages HTTP/1.1', 'POST /api/messages', 'post /api/messages HTTP/1.1', 'POST http://127.0.0.1/api/messages HTTP/1.1']);
      return { mutation: `requestLine(${line})`, transport: 'raw', headers: {}, raw: rawRequest(`${line}\r\nHost: HOST\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close`) };
    }
  }
}

/**
 * The run's cases, all decided up front from the seed: valid activities, structural mutations,
 * hostile card data, broken bytes and broken HTTP, in fixed proportions.
 */
export function generateCases(world: FuzzWorld, rng: Random, count: number, port: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let index = 0; index < count; index++) {
    const seed: Seed = validSeed(world, rng);
    const activity = clone(seed.activity);
    const family = rng.weighted<'valid' | 'structure' | 'cardData' | 'bytes' | 'http'>([
      [10, 'valid'],
      [45, 'structure'],
      [23, 'cardData'],
      [10, 'bytes'],
      [12, 'http'],
    ]);
    const applied: string[] = [];
    if (family === 'structure') {
      const names = Object.keys(MUTATORS).filter((n) => !n.startsWith('hostile') && n !== 'oneBadField');
      for (let i = rng.weighted([[6, 1], [3, 2], [1, 3]]); i > 0; i--) applied.push(MUTATORS[rng.pick(names)]!(activity, rng, world));
    } else if (family === 'cardData') {
      applied.push(MUTATORS[rng.weighted([[5, 'oneBadField'], [4, 'hostileCardData'], [1, 'hostileDialogData']] as const)]!(activity, rng, world));
    }
    let body: Buffer = Buffer.from(serialise(activity));
    if (family === 'bytes') {
      const name = rng.pick(Object.keys(BYTE_MUTATIONS));
      body = BYTE_MUTATIONS[name]!(body.toString(), rng);
      applied.push(name);
    }
    if (family === 'http') {
      const header = headerCase(body, rng);
      cases.push({
        index,
        kind: seed.kind,
        mutation: header.mutation,
        transport: header.transport,
        method: header.method ?? 'POST',
        path: header.path ?? '/api/messages',
        headers: header.headers,
        body: header.body ?? body,
        ...(header.raw ? { raw: header.raw(port) } : {}),
      });
      continue;
    }
    cases.push({ index, kind: seed.kind, mutation: applied.join(' + ') || 'none (valid)', transport: 'fetch', method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json' }, body });
  }
  return cases;
}
