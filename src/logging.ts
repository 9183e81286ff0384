import pino from 'pino';
import { LogLevel } from './config';
import { Logger } from './ports/logger';

/** No log value is longer than this: a request field repeated verbatim cannot flood the log. */
export const MAX_LOGGED_CHARS = 200;
const MAX_DEPTH = 4;

/** Cuts every string to MAX_LOGGED_CHARS, however deep, so one bad value cannot make a 100 KB line. */
export function boundedFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_LOGGED_CHARS ? `${value.slice(0, MAX_LOGGED_CHARS)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => boundedFields(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, boundedFields(item, depth + 1)]));
}

/**
 * Structured JSON logs on stdout. Only ids, verbs and status codes go in; names, e-mails and
 * texts stay out (call sites pass ids only), and every value is cut to MAX_LOGGED_CHARS.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'tavla' },
    redact: ['*.password', '*.connectionString'],
    formatters: { log: (fields) => boundedFields(fields) as Record<string, unknown> },
  };
  return destination ? pino(options, destination) : pino(options);
}
