import assert from 'node:assert/strict';
import { Person } from '../../src/domain/people';
import { cardAction } from './activities';
import { BotHarness, TurnResult } from './botHarness';
import { CardNode } from './cardNodes';

/** Finding a card's buttons wherever they sit, and pressing them as Teams would. */

export function allNodes(card: unknown): CardNode[] {
  const found: CardNode[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    found.push(value as CardNode);
    Object.values(value).forEach(walk);
  };
  walk(card);
  return found;
}

/** Every Action.Execute a person can press (the card's own refresh is not a button). */
export const buttonsOf = (card: CardNode): CardNode[] => allNodes(card).filter((n) => n.type === 'Action.Execute' && n !== card.refresh?.action);
export const verbsOf = (card: CardNode): string[] => buttonsOf(card).map((b) => b.verb ?? '');

export function buttonOf(card: CardNode, verb: string, which: (b: CardNode) => boolean = () => true): CardNode {
  const found = buttonsOf(card).find((b) => b.verb === verb && which(b));
  assert.ok(found, `expected a ${verb} button; have ${verbsOf(card).join(', ')}`);
  return found;
}

/** Presses a button as `from`, with what the person typed into the card's inputs. */
export const pressAs = (bot: BotHarness, action: CardNode, from: Person, locale = 'en-US', inputs: Record<string, unknown> = {}): Promise<TurnResult> =>
  bot.send(cardAction(action.verb ?? '', { ...action.data, ...inputs }, { from, locale }));
