/** A YAML file to drafts: its syntax, its top-level keys and the organisation roles it sets. */
import { LineCounter, isScalar, parseDocument } from 'yaml';
import { ORG_ROLES, OrganisationSettings } from '../../domain/organisation';
import { FileDraft, ImportedRole } from './drafts';
import { Problems } from './problems';
import { peopleValue } from './values';
import { readYamlAreas } from './yamlAreas';
import { ROLE_KEYS, TOP_KEYS } from './yamlLayout';
import { YamlField, YamlReader } from './yamlReader';
import { readYamlSettings } from './yamlSettings';
import { readYamlGoals } from './yamlGoals';

export function readYaml(text: string, currentSettings: OrganisationSettings, problems: Problems): FileDraft | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: true, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
      problems.add(line, `YAML syntax: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    return undefined;
  }
  const reader = new YamlReader(doc, lineCounter, problems);
  const root = reader.field(doc.contents, 1);
  if (root.node === null || (isScalar(root.node) && root.node.value === null)) {
    problems.add(1, 'the file is empty; expected at least serviceAreas: or organisation:');
    return undefined;
  }
  const top = reader.entries(root, TOP_KEYS, { label: 'file', line: 1 });
  if (!top) return undefined;
  const organisation = top.get('organisation');
  const orgGoals = readYamlGoals(reader, top.get('goals'), 'organisation', undefined, { label: 'goals', line: top.get('goals')?.line ?? 1 });
  const { goals: belowGoals, ...areas } = readYamlAreas(reader, top.get('serviceAreas'));
  const roleAssignments = readYamlRoles(reader, top);
  const goals = [...orgGoals, ...belowGoals];
  return {
    ...(organisation ? { settings: readYamlSettings(reader, organisation, currentSettings) } : {}),
    ...(roleAssignments.length ? { roleAssignments } : {}),
    ...areas,
    ...(goals.length ? { goals } : {}),
  };
}

function readYamlRoles(reader: YamlReader, top: ReadonlyMap<string, YamlField>): ImportedRole[] {
  return ORG_ROLES.flatMap((role) => {
    const key = ROLE_KEYS[role];
    const field = top.get(key);
    const subject = { label: key, line: field?.line ?? 1 };
    const cells = reader.textList(field, key, subject);
    return cells ? [{ role, people: peopleValue(cells, { entry: 'entry', list: key }, subject, reader.problems) }] : [];
  });
}
