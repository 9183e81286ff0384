import { TurnContext } from 'botbuilder';
import { LedgerExportLink, LedgerSwitch, ledgerCard } from '../../cards/ledgerCard';
import { AdaptiveCardJson } from '../../cards/renderer';
import { Access, oversees } from '../../domain/access';
import { decidesOnBenefits } from '../../domain/benefitRules';
import { DomainError } from '../../domain/errors';
import { OrganisationSnapshot, unitForChannel } from '../../domain/organisation';
import { t } from '../../i18n';
import { isChannel } from '../activityInfo';
import { CardData } from '../commands/cardData';
import { ledgerExportOf, ledgerScopeOf } from '../commands/benefitCommands';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { scopeToken } from '../http/ledgerDownload';
import { answerInteractor } from '../invokeAnswer';
import { logRefusal, refusalNotice } from '../refusals';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * The benefit ledger in Teams: identified vs realized per unit, service area or organisation, its
 * quarter charts, and the CSV export for the finance office through a signed, short-lived link.
 */

/**
 * The ledgers a person may see, widest first: the organisation for those who follow it all, the
 * service areas they lead, then the units they belong to or lead.
 */
export function ledgerScopesFor(access: Access, org: OrganisationSnapshot): LedgerSwitch[] {
  return [
    ...(oversees(access) ? [{ kind: 'organisation' as const, id: '', title: org.settings.name }] : []),
    ...org.serviceAreas.filter((area) => access.serviceAreaLeaderOf.has(area.id)).map((area) => ({ kind: 'area' as const, id: area.id, title: area.name })),
    ...org.units.filter((unit) => access.memberOf.has(unit.id) || access.leaderOf.has(unit.id)).map((unit) => ({ kind: 'unit' as const, id: unit.id, title: unit.name })),
  ];
}

function refusal(context: TurnContext, deps: AppDeps, verb: string, error: unknown): Promise<AdaptiveCardJson> {
  const { locale } = turnInfo(context);
  logRefusal(deps.logger, verb, error);
  return answerInteractor(context, refusalNotice(locale, errorText(locale, error, t(locale, 'ledger.forbidden'))));
}

/**
 * "gevinster" / "benefits": in a unit's channel, that unit's ledger for everyone there; in the
 * 1:1 chat, the widest ledger the person may see, with buttons for the others.
 */
export async function showLedger(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, person, access, org } = actor(context);
  try {
    const channelUnit = unitForChannel(org, context.activity.conversation.id);
    const scopes = ledgerScopesFor(access, org);
    const scope = channelUnit ? { kind: 'unit' as const, id: channelUnit.id, title: channelUnit.name } : scopes[0];
    if (!scope) {
      await context.sendActivity(t(locale, 'ledger.notInUnit'));
      return;
    }
    const view = await deps.services.benefitLedger.ledger(person, ledgerScopeOf(CardData.of({ kind: scope.kind, id: scope.id })));
    // A channel's card is shared: no buttons that only make sense for the person who asked.
    const shared = !!channelUnit || isChannel(context.activity);
    await sendCard(context, ledgerCard(locale, view, shared ? [] : scopes, !shared && decidesOnBenefits(access)));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'benefits', error);
    await context.sendActivity(errorText(locale, error, t(locale, 'ledger.forbidden')));
  }
}

/** benefit.ledger {kind, id}: that ledger, for the person who pressed only. */
export function ledgerShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const scope = ledgerScopeOf(CardData.of(raw));
      const { locale, person, access, org } = actor(context);
      const view = await deps.services.benefitLedger.ledger(person, scope);
      return answerInteractor(context, ledgerCard(locale, view, ledgerScopesFor(access, org), decidesOnBenefits(access)));
    } catch (error) {
      return refusal(context, deps, 'benefit.ledger', error);
    }
  };
}

/**
 * benefit.export {kind, id, period}: the ledger again, with a link to its CSV file for that period.
 * The link names the person, the ledger and the period and expires; the file is built when it is
 * downloaded, after access is checked again (see http/ledgerDownload.ts).
 */
export function ledgerExport(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const { scope, period } = ledgerExportOf(CardData.of(raw));
      const { locale, person, access, org } = actor(context);
      // Reading the ledger checks that this person may see it before any link is made.
      const view = await deps.services.benefitLedger.ledger(person, scope);
      const url = deps.exportLinks?.link({ personId: person.aadObjectId, scope: scopeToken(scope), period, locale });
      const exported: LedgerExportLink = { period, minutes: deps.exportLinks?.minutes ?? 0, ...(url ? { url } : {}) };
      return answerInteractor(context, ledgerCard(locale, view, ledgerScopesFor(access, org), decidesOnBenefits(access), exported));
    } catch (error) {
      return refusal(context, deps, 'benefit.export', error);
    }
  };
}
