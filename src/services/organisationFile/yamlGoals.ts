/** The `goals:` lists of a YAML file: the organisation's at the top, each area's and each unit's under them. */
import { GoalLevel } from '../../domain/goals';
import { GoalFileDraft, closedValue, goalText, optionalSlug } from './goalDrafts';
import { Subject, subjectFor } from './problems';
import { idValue } from './values';
import { GOAL_KEYS } from './yamlLayout';
import { YamlField, YamlReader } from './yamlReader';

/**
 *   goals:
 *     - id: hn-digitalt-tilsyn
 *       title: Digitalt tilsyn hos halvparten av brukerne
 *       parent: ho-velferdsteknologi   # the goal one level up (not for the organisation's goals)
 *       measure: Andel brukere med digitalt tilsyn
 *       target: 50 %
 *       closed: false
 */
export function readYamlGoals(reader: YamlReader, field: YamlField | undefined, level: GoalLevel, ownerId: string | undefined, owner: Subject): GoalFileDraft[] {
  const items = reader.list(field, 'goals', owner) ?? [];
  return items.flatMap((item) => {
    const idCell = reader.idOf(item);
    const subject = subjectFor('goal', idCell, item.line);
    const entries = reader.entries(item, GOAL_KEYS, subject);
    if (!entries) return [];
    const { problems } = reader;
    const cell = (key: string) => reader.text(entries.get(key), key, subject);
    const parent = optionalSlug(cell('parent'), 'parent', subject, problems);
    if (level === 'organisation' && parent) problems.about(subject, parent.line, 'an organisation goal hangs under no other goal: leave out parent');
    const title = goalText(cell('title'), 'title', subject, problems);
    const measure = goalText(cell('measure'), 'measure', subject, problems);
    const target = goalText(cell('target'), 'target', subject, problems);
    const closed = closedValue(cell('closed'), 'closed', subject, problems);
    return [
      {
        id: idValue(idCell, 'goal id', subject, problems),
        line: item.line,
        level,
        ...(ownerId ? { ownerId } : {}),
        ...(title !== undefined ? { title } : {}),
        ...(parent && level !== 'organisation' ? { parent } : {}),
        ...(measure !== undefined ? { measure } : {}),
        ...(target !== undefined ? { target } : {}),
        ...(closed !== undefined ? { closed } : {}),
      },
    ];
  });
}
