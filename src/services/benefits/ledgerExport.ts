import { Benefit, quarterStart, recentQuarters, yearStart } from '../../domain/benefits';
import { LocalDate, addDays, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { Idea } from '../../domain/ideas';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { IdeaContexts } from '../ideas/ideaContext';
import { LedgerScope, resolveLedgerScope } from './benefitLedger';

/** The periods the finance office asks for: the running quarter and year, and the last closed ones. */
export const LEDGER_EXPORT_PERIODS = ['quarter', 'lastQuarter', 'year', 'lastYear'] as const;
export type LedgerExportPeriod = (typeof LEDGER_EXPORT_PERIODS)[number];

export const isLedgerExportPeriod = (value: string | undefined): value is LedgerExportPeriod => (LEDGER_EXPORT_PERIODS as readonly (string | undefined)[]).includes(value);

/** The local dates a period covers, as of `today` (inclusive). */
export function exportRange(period: LedgerExportPeriod, today: LocalDate): { from: LocalDate; to: LocalDate } {
  switch (period) {
    case 'quarter':
      return { from: quarterStart(today), to: today };
    case 'lastQuarter': {
      const [last] = recentQuarters(addDays(quarterStart(today), -1), 1);
      return { from: last.from, to: addDays(quarterStart(today), -1) };
    }
    case 'year':
      return { from: yearStart(today), to: today };
    case 'lastYear': {
      const year = Number(today.slice(0, 4)) - 1;
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    }
  }
}

/** One registration of the period, with its unit and idea. */
export interface LedgerExportRow {
  readonly unit: Unit;
  readonly idea?: Idea;
  readonly benefit: Benefit;
}

export interface LedgerExportView {
  readonly title: string;
  readonly period: LedgerExportPeriod;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly settings: OrganisationSettings;
  readonly rows: readonly LedgerExportRow[];
}

/**
 * The ledger's registrations for a scope and period, for the finance office's spreadsheet: who may
 * see the ledger may export it. One range query per unit (the period's registrations) and one
 * point read per idea that has any, so the cost follows the period, not the history.
 */
export class LedgerExport {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly contexts: IdeaContexts,
  ) {}

  async rows(person: Person, scope: LedgerScope, period: LedgerExportPeriod): Promise<LedgerExportView> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    if (!isLedgerExportPeriod(period)) throw new DomainError('invalid');
    const today = localDate(this.contexts.clock.now(), org.settings.timeZone);
    const { units, title } = resolveLedgerScope(scope, access, org);
    const { from, to } = exportRange(period, today);
    const perUnit = await Promise.all(
      units.map(async (unit) => {
        const benefits = await this.benefits.registeredBetween(unit.id, from, to);
        const numbers = [...new Set(benefits.map((b) => b.ideaNumber))];
        const ideas = new Map((await Promise.all(numbers.map((n) => this.ideas.get(unit.id, n)))).flatMap((idea) => (idea ? [[idea.number, idea] as const] : [])));
        return benefits.map((benefit): LedgerExportRow => ({ unit, benefit, ...(ideas.get(benefit.ideaNumber) ? { idea: ideas.get(benefit.ideaNumber) } : {}) }));
      }),
    );
    const rows = perUnit.flat().sort((a, b) => a.unit.name.localeCompare(b.unit.name) || a.benefit.registeredOn.localeCompare(b.benefit.registeredOn) || a.benefit.id.localeCompare(b.benefit.id));
    return { title, period, from, to, settings: org.settings, rows };
  }
}
