import { IncomingMessage } from 'node:http';

/**
 * Reads a request body as JSON, counting the bytes that actually arrive. Shared by the HTTP
 * adapters (the bot's /api/messages and the tab's API), so it imports nothing of either.
 *
 * Why not restify's bodyParser: its gunzip stream has no error handler (a body that claims gzip
 * but is not gzip kills the process) and its size limit counts compressed bytes (a 261 KB request
 * inflated to 256 MB was accepted). Teams never compresses what it posts to a bot, so any
 * Content-Encoding other than identity is refused before a byte is read.
 */

export type BodyRefusal = { readonly ok: false; readonly status: 400 | 408 | 413 | 415; readonly error: string };
export type BodyResult = { readonly ok: true; readonly value: unknown } | BodyRefusal;

export interface BodyLimits {
  readonly maxBytes: number;
  /** A client that trickles its body (slowloris) is cut off after this long. */
  readonly timeoutMs: number;
}

/** Refusals that the headers alone decide, so they can be answered before authentication reads anything. */
export function refuseByHeaders(req: IncomingMessage, limits: BodyLimits): BodyRefusal | undefined {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') return { ok: false, status: 415, error: 'Compressed request bodies are not accepted' };
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, status: 415, error: 'Content-Type must be application/json' };
  const declared = req.headers['content-length'];
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limits.maxBytes)) {
    return { ok: false, status: 413, error: 'Request body too large' };
  }
  return undefined;
}

/** `__proto__` in JSON becomes an own property; copied onward it would replace an object's prototype. */
const withoutPrototypeKeys = (key: string, value: unknown): unknown => (key === '__proto__' ? undefined : value);

/** Collects at most `maxBytes` within `timeoutMs`, then parses JSON. Never throws; every stream error is handled. */
export function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.removeListener('data', onData);
      if (!result.ok) {
        // Stop reading; the answer is sent with Connection: close so the rest of the body is dropped.
        req.pause();
      }
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, status: 408, error: 'Request body not received in time' }), limits.timeoutMs);
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes) return finish({ ok: false, status: 413, error: 'Request body too large' });
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', () => finish({ ok: false, status: 400, error: 'Request body could not be read' }));
    req.once('aborted', () => finish({ ok: false, status: 400, error: 'Request body could not be read' }));
    req.once('end', () => {
      try {
        finish({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8'), withoutPrototypeKeys) as unknown });
      } catch {
        finish({ ok: false, status: 400, error: 'Body is not valid JSON' });
      }
    });
  });
}
