import { connect } from 'node:net';

export interface RawAnswer {
  /** Undefined when the server closed the connection without answering. */
  readonly status?: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timedOut: boolean;
}

/** Sends bytes as they are (HTTP that fetch refuses to produce) and reads the first final answer. */
export function rawRequest(port: number, bytes: Buffer, timeoutMs: number): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parse(Buffer.concat(chunks)), timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (complete(Buffer.concat(chunks))) finish(false);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

interface Parsed {
  readonly status?: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly complete: boolean;
}

function parseOne(data: Buffer): Parsed & { rest: Buffer } {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return { headers: {}, body: '', complete: false, rest: Buffer.alloc(0) };
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const after = data.subarray(end + 4);
  if (status >= 100 && status < 200) return { status, headers, body: '', complete: true, rest: after };
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return { status, headers, body: after.subarray(0, length).toString('utf8'), complete: after.length >= length, rest: Buffer.alloc(0) };
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = after.indexOf('\r\n', at);
      if (lineEnd < 0) return { status, headers, body: Buffer.concat(parts).toString('utf8'), complete: false, rest: Buffer.alloc(0) };
      const size = parseInt(after.subarray(at, lineEnd).toString('latin1'), 16);
      if (!Number.isFinite(size) || size === 0) return { status, headers, body: Buffer.concat(parts).toString('utf8'), complete: size === 0, rest: Buffer.alloc(0) };
      parts.push(after.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  // No length: the body runs until the connection closes.
  return { status, headers, body: after.toString('utf8'), complete: false, rest: Buffer.alloc(0) };
}

/** The first final (non-1xx) answer in what arrived. */
function parse(data: Buffer): Omit<Parsed, 'complete'> {
  let rest = data;
  for (;;) {
    const one = parseOne(rest);
    if (one.status === undefined || Number.isNaN(one.status)) return { headers: {}, body: '' };
    if (one.status >= 200) return { status: one.status, headers: one.headers, body: one.body };
    rest = one.rest;
  }
}

function complete(data: Buffer): boolean {
  let rest = data;
  for (;;) {
    const one = parseOne(rest);
    if (!one.complete) return false;
    if (one.status !== undefined && one.status >= 200) return true;
    rest = one.rest;
  }
}
