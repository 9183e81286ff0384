import pino from 'pino';
import { LogLevel } from './config';
import { Logger } from './ports/logger';

/** Structured JSON logs on stdout. Only ids go in; names, e-mails and texts stay out. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { app: 'tavla' }, redact: ['*.password', '*.connectionString'] });
}
