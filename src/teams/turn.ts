import { TurnContext } from 'botbuilder';
import { Access } from '../domain/access';
import { DomainError } from '../domain/errors';
import { Locale } from '../domain/locale';
import { OrganisationSnapshot } from '../domain/organisation';
import { Person } from '../domain/people';

/** What every handler knows about the turn, worked out once before routing. */
export interface TurnInfo {
  readonly locale: Locale;
  readonly org: OrganisationSnapshot;
  /** Absent when Teams did not say who acted (some system events). */
  readonly person?: Person;
  readonly access?: Access;
}

const TURN_INFO = Symbol('tavla.turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (!info) throw new Error('turn info missing: the beforeTurn handler did not run');
  return info;
}

/** The turn's info when beforeTurn got that far; error handlers use it to answer in the right language. */
export function knownTurnInfo(context: TurnContext): TurnInfo | undefined {
  return context.turnState.get(TURN_INFO) as TurnInfo | undefined;
}

/** The acting person and their access; refuses the action when Teams did not identify them. */
export function actor(context: TurnContext): TurnInfo & { readonly person: Person; readonly access: Access } {
  const info = turnInfo(context);
  if (!info.person || !info.access) throw new DomainError('forbidden');
  return { ...info, person: info.person, access: info.access };
}
