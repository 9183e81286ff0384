import { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { Benefit } from '../../src/domain/benefits';
import { LocalDate, addDays } from '../../src/domain/dates';
import { ActionItem, Idea, IdeaStatus, PersonName, peopleConcerned } from '../../src/domain/ideas';
import { Person } from '../../src/domain/people';
import { benefitToEntity } from '../../src/storage/benefitEntities';
import { benefitIndexEntities } from '../../src/storage/benefitIndexes';
import { COUNTER_ROW, ideaToEntity } from '../../src/storage/ideaEntities';
import { indexEntitiesOf } from '../../src/storage/ideaIndexes';
import { TableStore } from '../../src/storage/tableStore';
import { WorkIndexTable } from '../../src/storage/workIndexTable';
import { BenchUnit, nameOf } from './organisation';
import { progress } from './report';

/**
 * A unit's ideas, built in memory and written with the storage module's own entity functions
 * (ideaToEntity + indexEntitiesOf, benefitToEntity + benefitIndexEntities): the idea rows, their
 * live / closed / submission index rows, the benefit registrations with their dated and live copies,
 * the unit's number counter, and the work index. Written in transactions of 100 per partition;
 * through IdeaSubmission and IdeaChanges the same ideas would take hours on Azurite (see
 * checkBuilder for how the two are compared).
 *
 * History lines (audit rows) and comments are not written: no view, job or digest measured here
 * reads them, and on Azurite they would only lengthen every whole-table scan.
 */

type Entity = TableEntity<Record<string, unknown>>;

export interface ClosedPeriod {
  readonly count: number;
  /** Closed (done or rejected) at instants spread evenly over [from, to), ISO dates. */
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface HistoryPlan {
  readonly unit: BenchUnit;
  readonly today: LocalDate;
  /** Live work (see isLiveWork): new, planned, in progress, evaluating, parked, done without benefit. */
  readonly live: number;
  /** Closed ideas by period, oldest period first; they get the lowest numbers. */
  readonly closed: readonly ClosedPeriod[];
  /** The newest closed ideas whose realized benefit still waits for approval. */
  readonly pendingApprovals?: number;
  /** The oldest closed ideas whose benefit is identified (an estimate), with follow-ups still to come. */
  readonly identifiedBenefits?: number;
  /** Owns some live ideas (every tenth): e.g. an administrator with items in this unit. */
  readonly alsoOwner?: Person;
}

export interface BuiltUnit {
  readonly unitId: string;
  readonly entities: Entity[];
  readonly ideas: number;
  readonly concerned: Set<string>;
}

const TEXT = 'Vi bruker mye tid på å lete etter utstyr ved vaktskifte, og beskjeder går tapt mellom skiftene. ';
const at = (date: LocalDate, hour = 8) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const hex = (n: number) => (n * 2654435761 >>> 0).toString(16).padStart(8, '0').slice(0, 6);

function lastChange(id: string, by: PersonName, when: string, status: IdeaStatus): Idea['lastChange'] {
  return { id, by, at: when, what: status === 'new' ? 'submitted' : 'status', ...(status === 'new' ? {} : { status }) };
}

function liveIdea(plan: HistoryPlan, number: number, i: number): Idea {
  const { unit, today } = plan;
  const staff = unit.staff;
  const cycle = i % 10;
  const status: IdeaStatus = (['new', 'new', 'planned', 'planned', 'inProgress', 'inProgress', 'evaluating', 'parked', 'done', 'inProgress'] as const)[cycle]!;
  const created = addDays(today, -3 * (i + 1));
  const changed = status === 'new' ? at(created) : at(addDays(created, 1), 9);
  const submitter = nameOf(staff[i % staff.length]!);
  const ownerPerson = cycle === 4 && plan.alsoOwner ? plan.alsoOwner : staff[(i * 3 + 1) % staff.length]!;
  const owner = status === 'new' ? undefined : nameOf(ownerPerson);
  const scheduled = status === 'planned' || status === 'inProgress' || status === 'evaluating';
  const dueDate = scheduled ? (i % 3 === 0 ? addDays(today, -(1 + (i % 20))) : addDays(today, 1 + (i % 40))) : undefined;
  const actions: ActionItem[] =
    cycle === 9
      ? [
          { id: 1, text: 'Lag sjekkliste for medisinrommet', owner: nameOf(staff[(i + 1) % staff.length]!), dueDate: addDays(today, -3), done: false },
          { id: 2, text: 'Informer på tavlemøtet', owner: nameOf(staff[(i + 2) % staff.length]!), dueDate: addDays(today, -10), done: true, doneAt: at(addDays(today, -9)) },
        ]
      : [];
  return {
    unitId: unit.id,
    number,
    title: `Færre avbrudd ved vaktskifte (${number})`,
    situation: TEXT,
    proposal: TEXT,
    type: 'improve',
    wastes: ['waiting', 'motion'],
    benefitAreas: ['time'],
    status,
    submitter,
    ...(owner ? { owner } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(status === 'new' ? {} : { effort: 'easy' as const, impact: 'high' as const }),
    actions,
    createdAt: at(created),
    updatedAt: changed,
    statusChangedAt: changed,
    ...(status === 'done' ? { doneAt: changed } : {}),
    benefitRegistered: false,
    version: status === 'new' ? 1 : 3,
    lastChange: lastChange(`change-${unit.id}-${number}`, owner ?? submitter, changed, status),
  };
}

function closedIdea(plan: HistoryPlan, number: number, closedAt: string, j: number): Idea {
  const { unit } = plan;
  const staff = unit.staff;
  const rejected = j % 5 === 0;
  const status: IdeaStatus = rejected ? 'rejected' : 'done';
  const created = new Date(Date.parse(closedAt) - 30 * 86_400_000).toISOString();
  const submitter = nameOf(staff[j % staff.length]!);
  const owner = nameOf(staff[(j * 3 + 1) % staff.length]!);
  return {
    unitId: unit.id,
    number,
    title: `Ryddigere lager for hjelpemidler (${number})`,
    situation: TEXT,
    proposal: TEXT,
    type: 'improve',
    wastes: ['inventory'],
    benefitAreas: ['time'],
    status,
    ...(rejected ? { statusReason: 'Ikke prioritert nå' } : {}),
    submitter,
    owner,
    effort: 'easy',
    impact: 'high',
    actions: [],
    createdAt: created,
    updatedAt: closedAt,
    statusChangedAt: closedAt,
    ...(rejected ? {} : { doneAt: closedAt }),
    benefitRegistered: !rejected,
    version: rejected ? 3 : 6,
    lastChange: lastChange(`change-${unit.id}-${number}`, owner, closedAt, status),
  };
}

function benefitOf(plan: HistoryPlan, idea: Idea, kind: 'approved' | 'pending' | 'identified'): Benefit {
  const closedAt = idea.doneAt ?? idea.statusChangedAt;
  const day = closedAt.slice(0, 10);
  const owner = idea.owner ?? idea.submitter;
  // What a plan and its measurement have in common: a weekly time gain on the same indicator and baseline.
  const common: Pick<Benefit, 'unitId' | 'ideaNumber' | 'id' | 'category' | 'measure' | 'period' | 'indicator' | 'better' | 'baseline' | 'owner' | 'registeredOn' | 'submittedBy' | 'followUpsSent' | 'createdAt' | 'lastChangeId'> = {
    unitId: idea.unitId,
    ideaNumber: idea.number,
    id: `${Date.parse(closedAt).toString(36).padStart(9, '0')}${hex(idea.number)}`,
    category: 'time',
    measure: 'hours',
    period: 'week',
    indicator: 'Tid brukt på rapporter',
    better: 'lower',
    baseline: { value: 500, on: addDays(day, -30) },
    owner,
    registeredOn: day,
    submittedBy: owner,
    followUpsSent: [],
    createdAt: closedAt,
    lastChangeId: `benefit-${idea.unitId}-${idea.number}`,
  };
  if (kind === 'identified') {
    return { ...common, stage: 'identified', amount: 300, target: { value: 200, on: addDays(day, 90) }, approval: 'notNeeded', updatedAt: closedAt, version: 1 };
  }
  const decidedAt = new Date(Date.parse(closedAt) + 86_400_000).toISOString();
  const pending = kind === 'pending';
  return {
    ...common,
    stage: 'realized',
    amount: 200,
    measured: { value: 300, on: day },
    use: { kind: 'otherWork', text: 'Mer tid med brukerne' },
    approval: pending ? 'pending' : 'approved',
    ...(pending ? { approvalRequestedAt: closedAt } : { decision: { by: nameOf(plan.unit.leader), at: decidedAt, outcome: 'approved' as const } }),
    followUpsClosed: true,
    updatedAt: pending ? closedAt : decidedAt,
    version: pending ? 1 : 2,
  };
}

/** Every row the unit's ideas have in storage, oldest ideas first. */
export function buildUnit(plan: HistoryPlan): BuiltUnit {
  const entities: Entity[] = [];
  const concerned = new Set<string>();
  const closedCount = plan.closed.reduce((sum, period) => sum + period.count, 0);
  const pendingFrom = closedCount - (plan.pendingApprovals ?? 0);
  let number = 0;
  const add = (idea: Idea, benefit?: Benefit) => {
    entities.push(ideaToEntity(idea), ...indexEntitiesOf(idea));
    if (benefit) entities.push(benefitToEntity(benefit), ...benefitIndexEntities(benefit));
    for (const id of peopleConcerned(idea)) concerned.add(id);
  };
  let j = 0;
  for (const period of plan.closed) {
    const start = Date.parse(`${period.from}T00:00:00Z`);
    const span = Date.parse(`${period.to}T00:00:00Z`) - start;
    for (let k = 0; k < period.count; k++, j++) {
      const closedAt = new Date(start + Math.floor(((k + 0.5) * span) / period.count)).toISOString();
      const idea = closedIdea(plan, ++number, closedAt, j);
      const kind = j >= pendingFrom ? 'pending' : j < (plan.identifiedBenefits ?? 0) ? 'identified' : 'approved';
      add(idea, idea.status === 'done' ? benefitOf(plan, idea, kind) : undefined);
    }
  }
  for (let i = 0; i < plan.live; i++) add(liveIdea(plan, ++number, i));
  entities.push({ partitionKey: plan.unit.id, rowKey: COUNTER_ROW, last: number });
  return { unitId: plan.unit.id, entities, ideas: number, concerned };
}

/**
 * Builds and writes each planned unit in turn (transactions of 100 rows in its partition, one after
 * another), and notes in the work index whom each unit's ideas concern.
 */
export async function writeUnits(store: TableStore, plans: readonly HistoryPlan[], label: string): Promise<{ rows: number; seconds: number }> {
  const client: TableClient = store.client('Ideas');
  const workIndex = new WorkIndexTable(store);
  const started = performance.now();
  let lastReport = started;
  let rows = 0;
  for (const [index, plan] of plans.entries()) {
    const unit = buildUnit(plan);
    for (let start = 0; start < unit.entities.length; start += 100) {
      const batch = unit.entities.slice(start, start + 100).map((entity): TransactionAction => ['create', entity]);
      await client.submitTransaction(batch);
      rows += batch.length;
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        progress(`${label}: unit ${index + 1} of ${plans.length}, ${rows.toLocaleString('en-US')} rows written`);
      }
    }
    await workIndex.note([...unit.concerned], unit.unitId);
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}
