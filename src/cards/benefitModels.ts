/**
 * The data the benefit templates (form, registration card, ledger) are expanded with; see models.ts.
 */
import { Choice } from './models';

/** The benefit form's inputs as strings, kept when the form comes back with errors. */
export interface BenefitFormValues {
  readonly category: string;
  readonly stage: string;
  readonly period: string;
  readonly indicator: string;
  readonly unit: string;
  readonly baseline: string;
  readonly baselineOn: string;
  readonly target: string;
  readonly targetBy: string;
  readonly measured: string;
  readonly measuredOn: string;
  readonly gap: string;
  readonly use: string;
  readonly useText: string;
  readonly ownerId: string;
  readonly evidence: string;
  readonly confirmLarge: string;
}

/** Text colours that read well on Teams' white cards: no yellow Warning, no light-green Good for text. */
export type ReadableColor = 'Default' | 'Accent' | 'Attention';

/**
 * Registering a benefit for one idea, in two short steps that suit a phone: first what the gain
 * is (a category, which carries its measure) and whether it is planned or measured; then only
 * the fields that measure needs. A measurement of a plan starts at the second step.
 */
export interface BenefitFormCardData {
  /** Goes back with the form: which idea, and the registration it follows up ('' when none). */
  readonly ref: { readonly unitId: string; readonly number: number; readonly fromBenefitId: string };
  /** "HN-42 Fewer shift swaps". */
  readonly idea: string;
  readonly unitName: string;
  readonly step: 'choose' | 'details';
  /** Why the form is prefilled, e.g. the follow-up of a plan. */
  readonly lead?: string;
  readonly error?: string;
  readonly errors: Readonly<Record<string, string>>;
  readonly values: BenefitFormValues;
  /** Step one: the categories, and planned or measured. */
  readonly categories: readonly Choice[];
  readonly stages: readonly Choice[];
  /** Step two: "Time · benefit plan", what the step asks for, and the labels for this measure. */
  readonly heading: string;
  readonly intro: string;
  readonly show: {
    readonly indicator: boolean;
    readonly unit: boolean;
    readonly period: boolean;
    readonly baseline: boolean;
    readonly target: boolean;
    readonly measured: boolean;
    readonly gap: boolean;
    readonly use: boolean;
    readonly owner: boolean;
  };
  readonly labels: { readonly indicatorPlaceholder: string; readonly baseline: string; readonly target: string; readonly measured: string; readonly use: string };
  /** The plan a measurement follows: indicator, baseline and target. */
  readonly planFacts: readonly { readonly title: string; readonly value: string }[];
  readonly periods: readonly Choice[];
  readonly uses: readonly Choice[];
  readonly people: readonly Choice[];
  /** Asked when an amount is unusually large: the toggle to confirm it shows with this text. */
  readonly confirm?: string;
  readonly submitTitle: string;
  /** Shown by Teams itself when a required input is empty. */
  readonly requiredMessages: Readonly<Record<RequiredBenefitInput, string>>;
}

/** The benefit form's inputs that Teams itself checks are filled in (each shown only when it applies). */
export type RequiredBenefitInput = 'category' | 'stage' | 'indicator' | 'period' | 'baseline' | 'baselineOn' | 'target' | 'targetBy' | 'measured' | 'measuredOn' | 'ownerId';

/**
 * One benefit registration: the TOL's approval card, the submitter's status card and the decided
 * card. It shows the plan, the measurements and a chart of them, so the TOL decides from evidence.
 * Buttons appear only for what this viewer may do; the server decides again on every press.
 */
export interface BenefitCardData {
  readonly ref: { readonly unitId: string; readonly number: number; readonly benefitId: string };
  /** Teams user ids whose copy refreshes itself (at most 60). */
  readonly refreshUserIds: readonly string[];
  /** Kept across refreshes while the approval state is still the one shown (see `shownApproval`). */
  readonly headline?: string;
  readonly shownApproval: string;
  readonly note?: string;
  readonly noteColor: ReadableColor;
  /** "HN-42 Fewer shift swaps". */
  readonly idea: string;
  readonly unitName: string;
  /** "Time · measurement". */
  readonly kindLine: string;
  readonly stateText: string;
  readonly stateColor: ReadableColor;
  /** "Measured gain: 2 h/week ≈ 104 h/yr ≈ 0.06 FTE". */
  readonly arithmetic?: string;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  /** Baseline, target and measurements over time; absent when there is nothing to draw. */
  readonly chart?: Readonly<Record<string, unknown>>;
  readonly measurements: readonly { readonly text: string; readonly bold: boolean }[];
  readonly gap?: string;
  readonly use?: string;
  readonly evidence?: string;
  readonly legacy?: string;
  readonly registeredBy: string;
  /** "Approved by Lars Haugen on 21 Nov 2026". */
  readonly decision?: string;
  readonly decisionComment?: string;
  readonly canDecide: boolean;
  /** Measuring the plan (again), or again after changes were asked for. */
  readonly registerTitle?: string;
  /** The registration the measurement form follows up (the plan, or the measurement sent back). */
  readonly registerFrom: string;
  readonly comment: string;
  readonly errors: { readonly comment?: string };
  /** A button to the viewer's list of approvals: opened from it, or more wait after a decision. */
  readonly showInbox: boolean;
}

/** One line of identified vs realized figures, already formatted. */
export interface LedgerFigureData {
  readonly label: string;
  readonly identified: string;
  readonly realized: string;
}

/** Identified vs realized (approved) gains for a unit, a service area or the organisation. */
export interface BenefitLedgerCardData {
  /** Goes back with "Refresh": which ledger. */
  readonly scope: { readonly kind: string; readonly id: string };
  readonly title: string;
  readonly asOf: string;
  readonly periods: readonly { readonly heading: string; readonly figures: readonly LedgerFigureData[] }[];
  /** Identified vs realized per quarter (FTE, and money when there is any), each with a table fallback. */
  readonly charts: readonly Readonly<Record<string, unknown>>[];
  /** How realized time and money are used this year: budget, other work. */
  readonly use: readonly { readonly text: string }[];
  readonly pending: string;
  readonly pendingCount: number;
  /** The pending line opens the viewer's approvals: only for someone who decides on benefits. */
  readonly showApprovals: boolean;
  /** "Per unit (year to date)"; empty rows hide the section. */
  readonly rowsHeading: string;
  readonly rows: readonly {
    readonly name: string;
    readonly identified: string;
    readonly realized: string;
    readonly note?: string;
    /** The narrower ledger this row opens, when there is one. */
    readonly open?: { readonly kind: string; readonly id: string };
  }[];
  /** "and 4 more" when there are more rows than a card can carry. */
  readonly rowsMore?: string;
  readonly missing: readonly { readonly unitId: string; readonly number: number; readonly text: string }[];
  readonly missingMore?: string;
  /** CSV export for the finance office: a button per period, and the download link once made. */
  readonly exports: readonly { readonly title: string; readonly period: string }[];
  readonly exportNote?: string;
  readonly exportUrl?: string;
  /** Other ledgers this person may see (another unit or area), as buttons. */
  readonly switches: readonly { readonly title: string; readonly kind: string; readonly id: string }[];
}
