import { TableEntity, TableEntityResult } from '@azure/data-tables';
import { EFFORTS, IDEA_ORIGINS, IDEA_STATUSES, IDEA_TYPES, IMPACTS, Idea, PersonName, WASTES } from '../domain/ideas';
import { AuditEntry, IdeaComment } from '../ports/ideaRepository';
import { checkedKey, newestFirstKey } from './keys';
import { oneOf, optionalText } from './entityValues';
import { storedJson } from './storedJson';
import { actionsSchema, lastChangeSchema, rootCauseSchema, stringListSchema } from './storedSchemas';

/**
 * Everything about a unit's ideas lives in the unit's partition: the number counter, the ideas,
 * their comments and history. One query reads a board; one transaction writes a change and its
 * history line together.
 */
export const COUNTER_ROW = 'counter';
const pad = (n: number) => String(n).padStart(7, '0');
export const ideaRow = (number: number) => checkedKey('idea', pad(number));
export const IDEA_RANGE = { from: 'idea|', to: 'idea|~' } as const;
export const commentRow = (number: number, at: Date, salt: string) => checkedKey('comment', pad(number), newestFirstKey(at), salt);
export const commentRange = (number: number) => ({ from: `comment|${pad(number)}|`, to: `comment|${pad(number)}|~` });
/**
 * History lines sort by time, then by a sequence (the version the change produced), so the order
 * holds even for changes within one millisecond.
 */
export const auditRow = (number: number, at: string, sequence: number, salt: string) =>
  checkedKey('audit', pad(number), at.replace(/[^0-9]/g, '').padEnd(17, '0'), pad(sequence), salt);
export const auditRange = (number: number) => ({ from: `audit|${pad(number)}|`, to: `audit|${pad(number)}|~` });

type Entity = TableEntity<Record<string, unknown>>;
type Row = TableEntityResult<Record<string, unknown>>;

const personName = (id: unknown, name: unknown, teamsId: unknown): PersonName => ({
  id: String(id ?? ''),
  name: String(name ?? ''),
  ...(optionalText(teamsId) ? { teamsId: optionalText(teamsId) } : {}),
});

/** Scalars stay columns (readable in Storage Explorer, filterable); lists and nested parts are JSON. */
export function ideaToEntity(idea: Idea): Entity {
  return {
    partitionKey: idea.unitId,
    rowKey: ideaRow(idea.number),
    number: idea.number,
    title: idea.title,
    situation: idea.situation ?? null,
    proposal: idea.proposal ?? null,
    type: idea.type,
    wastes: JSON.stringify(idea.wastes),
    benefitAreas: JSON.stringify(idea.benefitAreas),
    status: idea.status,
    statusReason: idea.statusReason ?? null,
    submitterId: idea.submitter.id,
    submitterName: idea.submitter.name,
    submitterTeamsId: idea.submitter.teamsId ?? null,
    ownerId: idea.owner?.id ?? null,
    ownerName: idea.owner?.name ?? null,
    ownerTeamsId: idea.owner?.teamsId ?? null,
    dueDate: idea.dueDate ?? null,
    effort: idea.effort ?? null,
    impact: idea.impact ?? null,
    actions: JSON.stringify(idea.actions),
    rootCause: idea.rootCause ? JSON.stringify(idea.rootCause) : null,
    sourceUrl: idea.sourceUrl ?? null,
    origin: idea.origin ?? null,
    createdAt: idea.createdAt,
    updatedAt: idea.updatedAt,
    statusChangedAt: idea.statusChangedAt,
    doneAt: idea.doneAt ?? null,
    firstResponseAt: idea.firstResponseAt ?? null,
    benefitRegistered: idea.benefitRegistered,
    version: idea.version,
    lastChange: JSON.stringify(idea.lastChange),
  };
}

/** An idea row; its JSON parts are checked, so a damaged row is a DamagedRowError here, not a TypeError in a card. */
export function ideaFromEntity(row: Row): Idea {
  const ownerId = optionalText(row.ownerId);
  const rootCause = storedJson(row, 'rootCause', rootCauseSchema);
  const optional = {
    situation: optionalText(row.situation),
    proposal: optionalText(row.proposal),
    statusReason: optionalText(row.statusReason),
    dueDate: optionalText(row.dueDate),
    sourceUrl: optionalText(row.sourceUrl),
    doneAt: optionalText(row.doneAt),
    firstResponseAt: optionalText(row.firstResponseAt),
  };
  const origin = IDEA_ORIGINS.find((o) => o === row.origin);
  return {
    unitId: String(row.partitionKey),
    number: Number(row.number),
    title: String(row.title ?? ''),
    type: oneOf(IDEA_TYPES, row.type, 'improve'),
    // A waste dropped in a later version is left out, not a reason to refuse the idea.
    wastes: (storedJson(row, 'wastes', stringListSchema) ?? []).filter((w): w is (typeof WASTES)[number] => (WASTES as readonly string[]).includes(w)),
    benefitAreas: storedJson(row, 'benefitAreas', stringListSchema) ?? [],
    status: oneOf(IDEA_STATUSES, row.status, 'new'),
    submitter: personName(row.submitterId, row.submitterName, row.submitterTeamsId),
    ...(ownerId ? { owner: personName(ownerId, row.ownerName, row.ownerTeamsId) } : {}),
    ...(row.effort ? { effort: oneOf(EFFORTS, row.effort, 'easy') } : {}),
    ...(row.impact ? { impact: oneOf(IMPACTS, row.impact, 'low') } : {}),
    actions: storedJson(row, 'actions', actionsSchema) ?? [],
    ...(rootCause ? { rootCause } : {}),
    ...(origin ? { origin } : {}),
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<Idea>),
    createdAt: String(row.createdAt ?? ''),
    updatedAt: String(row.updatedAt ?? ''),
    statusChangedAt: String(row.statusChangedAt ?? ''),
    benefitRegistered: row.benefitRegistered === true,
    version: Number(row.version ?? 1),
    lastChange: storedJson(row, 'lastChange', lastChangeSchema) ?? { id: '', by: { id: '', name: '' }, at: '', what: 'submitted' },
  };
}

export function auditToEntity(unitId: string, number: number, sequence: number, entry: AuditEntry, salt: string): Entity {
  return { partitionKey: unitId, rowKey: auditRow(number, entry.at, sequence, salt), at: entry.at, byId: entry.by.id, byName: entry.by.name, what: entry.what, detail: entry.detail };
}

export function auditFromEntity(row: Row): AuditEntry {
  return { at: String(row.at), by: { id: String(row.byId), name: String(row.byName) }, what: String(row.what), detail: String(row.detail ?? '') };
}

export function commentToEntity(unitId: string, number: number, comment: IdeaComment, salt: string): Entity {
  return { partitionKey: unitId, rowKey: commentRow(number, new Date(comment.at), salt), at: comment.at, byId: comment.by.id, byName: comment.by.name, text: comment.text };
}

export function commentFromEntity(row: Row): IdeaComment {
  return { at: String(row.at), by: { id: String(row.byId), name: String(row.byName) }, text: String(row.text ?? '') };
}
