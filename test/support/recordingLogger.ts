import { Logger } from '../../src/ports/logger';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Keeps what was logged, to assert that a fault reaches the operator at the right level. */
export class RecordingLogger implements Logger {
  readonly lines: { level: Level; fields: object; message?: string }[] = [];

  debug(fields: object, message?: string): void {
    this.lines.push({ level: 'debug', fields, ...(message ? { message } : {}) });
  }

  info(fields: object, message?: string): void {
    this.lines.push({ level: 'info', fields, ...(message ? { message } : {}) });
  }

  warn(fields: object, message?: string): void {
    this.lines.push({ level: 'warn', fields, ...(message ? { message } : {}) });
  }

  error(fields: object, message?: string): void {
    this.lines.push({ level: 'error', fields, ...(message ? { message } : {}) });
  }

  at(level: Level): { fields: object; message?: string }[] {
    return this.lines.filter((line) => line.level === level);
  }
}
