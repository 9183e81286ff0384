import { EMPTY_BENEFIT_FORM } from '../../cards/benefitCards';
import { Decision } from '../../domain/benefits';
import { DomainError } from '../../domain/errors';
import { isSlug, isUnitId } from '../../domain/ids';
import { LedgerScope } from '../../services/benefits/benefitLedger';
import { DecideBenefit } from '../../services/benefits/benefitApproval';
import { RegisterBenefit } from '../../services/benefits/benefitRegistration';
import { CardData } from './cardData';
import { CardForm, listedForm } from './cardForm';
import { optionalBenefitIdOf } from './refs';

/** The benefit form, the approval card and the ledger: their card data as typed commands. */

/** The form's inputs, kept as typed when the form comes back with problems. */
export const BENEFIT_FORM_INPUTS = Object.keys(EMPTY_BENEFIT_FORM);

export function benefitRegistrationOf(data: CardData): RegisterBenefit {
  const fromBenefitId = optionalBenefitIdOf(data, 'fromBenefitId');
  return {
    benefit: {
      category: data.text('category'),
      kind: data.text('kind'),
      stage: data.text('stage'),
      period: data.text('period'),
      amount: data.text('amount'),
      measure: data.text('measure'),
      indicator: data.text('indicator'),
      baseline: data.text('baseline'),
      measured: data.text('measured'),
      usage: data.text('usage'),
      ownerId: data.text('ownerId'),
      evidence: data.text('evidence'),
    },
    ...(fromBenefitId ? { fromBenefitId } : {}),
  };
}

export const BENEFIT_FORM: CardForm = listedForm({
  category: { label: 'benefitForm.categoryLabel' },
  kind: { label: 'benefitForm.kindLabel' },
  stage: { label: 'benefitForm.stageLabel' },
  amount: { label: 'benefitForm.amountLabel' },
  period: { label: 'benefitForm.periodLabel' },
  measure: { label: 'benefitForm.measureLabel' },
  indicator: { label: 'benefitForm.indicatorLabel' },
  baseline: { label: 'benefitForm.baselineLabel' },
  measured: { label: 'benefitForm.measuredLabel' },
  usage: { label: 'benefitForm.usageLabel' },
  ownerId: { label: 'benefitForm.ownerLabel' },
  evidence: { label: 'benefitForm.evidenceLabel' },
});

/** The button pressed is the outcome; the comment is the card's one input. */
export const benefitDecisionOf = (data: CardData, outcome: Decision): DecideBenefit => ({ outcome, comment: data.text('comment') });

/** The approvals list opens a registration with this mark, so its card offers the way back. */
export const openedFromInbox = (data: CardData): boolean => data.token('inbox') === '1';

export const DECISION_FORM: CardForm = listedForm({ comment: { label: 'benefit.commentLabel' } });

/** Which ledger a ledger button opens: the organisation's, or an area's or unit's by its slug. */
export function ledgerScopeOf(data: CardData): LedgerScope {
  const id = data.token('id') ?? '';
  const kind = data.token('kind');
  if (kind === 'organisation') return { kind: 'organisation' };
  if (kind === 'area' && isSlug(id)) return { kind: 'area', areaId: id };
  if (kind === 'unit' && isUnitId(id)) return { kind: 'unit', unitId: id };
  throw new DomainError('notFound');
}
