import { Document, LineCounter, isAlias, isMap, isNode, isScalar, isSeq } from 'yaml';
import { Cell, Problems, Subject, quote } from './problems';

export interface YamlField {
  readonly node: unknown;
  readonly line: number;
}

/** Walks the parsed YAML tree, reporting each problem on the line of the node it is about. */
export class YamlReader {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    readonly problems: Problems,
  ) {}

  lineOf(node: unknown, fallback: number): number {
    const range = isNode(node) ? node.range : undefined;
    return range ? this.lineCounter.linePos(range[0]).line : fallback;
  }

  field(node: unknown, fallbackLine: number): YamlField {
    // An alias (*name) is read as the node it points to, but reported on its own line.
    return { node: isAlias(node) ? node.resolve(this.doc) : node, line: this.lineOf(node, fallbackLine) };
  }

  /** A mapping's entries. Unknown keys are reported: a typo such as `leader:` must not be silently ignored. */
  entries(field: YamlField, allowed: readonly string[], subject: Subject): Map<string, YamlField> | undefined {
    const entries = new Map<string, YamlField>();
    if (!isMap(field.node)) {
      this.problems.about(subject, field.line, `must be a mapping with the keys ${allowed.join(', ')}`);
      return undefined;
    }
    for (const pair of field.node.items) {
      const keyLine = this.lineOf(pair.key, field.line);
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        this.problems.about(subject, keyLine, `unknown key ${quote(key)}; expected one of ${allowed.join(', ')}`);
        continue;
      }
      entries.set(key, this.field(pair.value, keyLine));
    }
    return entries;
  }

  /** The `id` of a mapping, read first so that every other problem can name what it is about. */
  idOf(field: YamlField): Cell | undefined {
    if (!isMap(field.node)) return undefined;
    const pair = field.node.items.find((item) => isScalar(item.key) && item.key.value === 'id');
    return pair ? this.text(this.field(pair.value, this.lineOf(pair.key, field.line)), 'id', { label: 'entry', line: field.line }) : undefined;
  }

  /** A single value as text; an empty value (`key:` or `~`) counts as absent. */
  text(field: YamlField | undefined, name: string, subject: Subject): Cell | undefined {
    if (!field || field.node === null || field.node === undefined) return undefined;
    if (!isScalar(field.node)) {
      this.problems.about(subject, field.line, `${name} must be a single value, not a list or mapping`);
      return undefined;
    }
    const { value, source } = field.node;
    if (value === null || value === undefined) return undefined;
    // Numbers keep their spelling ("0012" stays "0012"), so ids and codes are read as written.
    const text = typeof value === 'string' ? value : (source ?? String(value));
    return { text, line: field.line };
  }

  /** A list; `undefined` when the key is absent. An empty value is refused so that `[]` says "none" explicitly. */
  list(field: YamlField | undefined, name: string, subject: Subject): YamlField[] | undefined {
    if (!field) return undefined;
    if (!isSeq(field.node)) {
      this.problems.about(subject, field.line, `${name} must be a list (write [] for none)`);
      return undefined;
    }
    return field.node.items.map((item) => this.field(item, field.line));
  }

  textList(field: YamlField | undefined, name: string, subject: Subject): Cell[] | undefined {
    return this.list(field, name, subject)?.flatMap((item) => {
      const cell = this.text(item, `each entry of ${name}`, subject);
      return cell ? [cell] : [];
    });
  }
}
