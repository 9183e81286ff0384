import { Access, oversees } from '../../domain/access';
import { Benefit, BenefitTotals, Quarter, RealizedUse, quarterStart, realizedUse, recentQuarters, totalsFor, yearStart } from '../../domain/benefits';
import { localDate, LocalDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { Idea, benefitMissing } from '../../domain/ideas';
import { OrganisationSettings, OrganisationSnapshot, Unit, findServiceArea } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { IdeaContexts } from '../ideas/ideaContext';
import { benefitsFor } from '../ideas/ideaReads';

export type LedgerScope = { readonly kind: 'unit'; readonly unitId: string } | { readonly kind: 'area'; readonly areaId: string } | { readonly kind: 'organisation' };

export interface LedgerRow {
  /** A unit, or (for the organisation) a service area. */
  readonly id: string;
  readonly name: string;
  readonly quarter: BenefitTotals;
  readonly yearToDate: BenefitTotals;
  /** Year to date: realized hours and money cut from the budget, or put into other work. */
  readonly use: RealizedUse;
  /** Realized registrations waiting for a TOL's decision now, whenever they were registered. */
  readonly pendingNow: number;
  /** Done ideas that still have no benefit registered. */
  readonly missing: readonly { readonly idea: Idea; readonly unit: Unit }[];
}

export interface LedgerView {
  readonly scope: LedgerScope;
  readonly title: string;
  readonly today: LocalDate;
  readonly settings: OrganisationSettings;
  readonly total: LedgerRow;
  readonly rows: readonly LedgerRow[];
  /** The whole scope's identified vs realized in each of the last four quarters, oldest first. */
  readonly quarters: readonly { readonly quarter: Quarter; readonly totals: BenefitTotals }[];
}

/** Quarters a ledger charts: this one and the three before, so a year's trend shows even in January. */
export const LEDGER_QUARTERS = 4;

/**
 * Identified vs realized (approved) gains for a unit, a service area or the whole organisation,
 * this quarter and year to date. Each unit's reads are bounded by the year and by live work.
 */
export class BenefitLedger {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly contexts: IdeaContexts,
  ) {}

  async ledger(person: Person, scope: LedgerScope): Promise<LedgerView> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    const today = localDate(this.contexts.clock.now(), org.settings.timeZone);
    const { units, title, groupBy } = resolveLedgerScope(scope, access, org);
    const quarters = recentQuarters(today, LEDGER_QUARTERS);
    const from = quarters[0].from < yearStart(today) ? quarters[0].from : yearStart(today);
    const perUnit = await Promise.all(units.map(async (unit) => ({ unit, ...(await this.unitFigures(unit, from, today)) })));
    const rowFor = (id: string, name: string, members: typeof perUnit): LedgerRow => {
      const benefits = members.flatMap((m) => m.benefits);
      return {
        id,
        name,
        quarter: totalsFor(benefits, quarterStart(today), today),
        yearToDate: totalsFor(benefits, yearStart(today), today),
        use: realizedUse(benefits, yearStart(today), today),
        pendingNow: members.flatMap((m) => m.live).filter((b) => b.approval === 'pending').length,
        missing: members.flatMap((m) => m.missing.map((idea) => ({ idea, unit: m.unit }))),
      };
    };
    const rows =
      groupBy === 'unit'
        ? perUnit.map((m) => rowFor(m.unit.id, m.unit.name, [m]))
        : org.serviceAreas.map((area) => rowFor(area.id, area.name, perUnit.filter((m) => m.unit.serviceAreaId === area.id)));
    const all: Benefit[] = perUnit.flatMap((m) => m.benefits);
    return {
      scope,
      title,
      today,
      settings: org.settings,
      total: rowFor('total', title, perUnit),
      rows,
      quarters: quarters.map((quarter) => ({ quarter, totals: totalsFor(all, quarter.from, quarter.to) })),
    };
  }

  /**
   * Three queries per unit, each bounded by the period or by live work: the registrations of the
   * year (or the last four quarters, if longer), the live ones (decisions waiting, whenever
   * registered), and the live ideas (done without benefit).
   */
  private async unitFigures(unit: Unit, from: LocalDate, today: LocalDate) {
    const [{ inPeriod, live }, ideas] = await Promise.all([benefitsFor(this.benefits, unit.id, from, today), this.ideas.live(unit.id)]);
    return { benefits: inPeriod, live, missing: ideas.filter(benefitMissing) };
  }
}

/** Which units a scope covers, and whether this person may see it (refused with forbidden). */
export function resolveLedgerScope(scope: LedgerScope, access: Access, org: OrganisationSnapshot): { units: Unit[]; title: string; groupBy: 'unit' | 'area' } {
  switch (scope.kind) {
    case 'unit': {
      const unit = org.units.find((u) => u.id === scope.unitId);
      if (!unit) throw new DomainError('notFound');
      const allowed = oversees(access) || access.memberOf.has(unit.id) || access.leaderOf.has(unit.id) || access.serviceAreaLeaderOf.has(unit.serviceAreaId);
      if (!allowed) throw new DomainError('forbidden');
      return { units: [unit], title: unit.name, groupBy: 'unit' };
    }
    case 'area': {
      const area = findServiceArea(org, scope.areaId);
      if (!area) throw new DomainError('notFound');
      if (!oversees(access) && !access.serviceAreaLeaderOf.has(area.id)) throw new DomainError('forbidden');
      return { units: org.units.filter((u) => u.serviceAreaId === area.id), title: area.name, groupBy: 'unit' };
    }
    case 'organisation':
      if (!oversees(access)) throw new DomainError('forbidden');
      return { units: [...org.units], title: org.settings.name, groupBy: 'area' };
  }
}
