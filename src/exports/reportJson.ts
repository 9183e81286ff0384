import { donePerEmployee, median, meetingShare, participation, ReportFigures } from '../domain/report';
import { StagnationFlags } from '../domain/stagnation';
import { ReportView } from '../services/reports/reportService';

/**
 * The report as JSON, for other systems (the command line's --format json): the view as it is,
 * with the derived figures (medians, shares, per employee) added to every row.
 */
function derived(figures: ReportFigures) {
  return {
    donePerEmployee: donePerEmployee(figures) ?? null,
    participation: participation(figures) ?? null,
    medianDaysToDone: median(figures.cycleDays) ?? null,
    medianHoursToFirstResponse: median(figures.responseHours) ?? null,
    meetingShare: meetingShare(figures) ?? null,
  };
}

/** Flags as yes/no and counts: the ideas behind them stay out of a file that leaves Tavla. */
const flags = (s: StagnationFlags) => ({ noNewIdea: s.noNewIdea, noStatusChange: s.noStatusChange, noMeetingLogged: s.noMeetingLogged, unassigned: s.unassigned.length, longOverdue: s.longOverdue.length });

export function reportJson(view: ReportView): Buffer {
  const withDerived = <T extends ReportFigures>(row: T) => ({ ...row, ...derived(row) });
  const json = {
    scope: view.scope,
    name: view.name,
    period: view.period,
    madeOn: view.today,
    hoursPerFte: view.settings.hoursPerFte,
    currency: view.settings.currency,
    amounts: 'benefit hours in hundredths of an hour per year, money in minor units (øre) per year',
    units: view.units.map((unit) => ({ ...withDerived(unit), stagnation: flags(unit.stagnation) })),
    areas: view.areas.map(withDerived),
    total: withDerived(view.total),
    // Cut by goal: each goal with the chain it serves and what served it in the period.
    goals: view.goals.map(({ goal, above, figures }) => ({ ...goal, serves: above.map((g) => g.id), ...figures })),
    // "Where else?": the scope's ideas other units adopted, and how many units each spread to.
    spread: (view.spread ?? []).flatMap(({ unit, practices }) => practices.map((practice) => ({ unitId: unit.id, number: practice.number, title: practice.title, adoptedByUnits: practice.units }))),
  };
  return Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8');
}
