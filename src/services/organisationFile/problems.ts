/** Problems found in an organisation file, each on its line, and what they are reported about. Shared by both formats. */

/** One thing wrong in the file, on its (1-based, physical) line. */
export interface FileProblem {
  readonly line: number;
  readonly message: string;
}

export class Problems {
  private readonly found: FileProblem[] = [];

  get any(): boolean {
    return this.found.length > 0;
  }

  add(line: number, message: string): void {
    this.found.push({ line, message });
  }

  about(subject: Subject, line: number, message: string): void {
    this.add(line, `${subject.label}: ${message}`);
  }

  /** By line, so the administrator can work down the file; problems on one line keep their order. */
  sorted(): FileProblem[] {
    return [...this.found].sort((a, b) => a.line - b.line);
  }
}

/** A value as written in the file, with the line it is on. */
export interface Cell {
  readonly text: string;
  readonly line: number;
}

/** Whom a problem is about (`unit "sykehjem-a"`) and the line to report a missing field on. */
export interface Subject {
  readonly label: string;
  readonly line: number;
}

export const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
export const isBlank = (cell: Cell | undefined): boolean => !cell || cell.text.trim() === '';
export const subjectFor = (kind: string, id: Cell | undefined, line: number): Subject => ({ label: isBlank(id) ? kind : `${kind} ${quote(id!.text.trim())}`, line });
