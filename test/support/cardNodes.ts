import assert from 'node:assert/strict';
import { TurnResult, invokeCard } from './botHarness';
import { cardIssues } from './cardValidator';

/** The parts of an Adaptive Card that tests read: elements, actions and inputs alike. */
export interface CardNode {
  readonly type?: string;
  readonly id?: string;
  readonly text?: string;
  readonly title?: string;
  readonly verb?: string;
  readonly style?: string;
  readonly value?: unknown;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly items?: readonly CardNode[];
  readonly columns?: readonly CardNode[];
  readonly actions?: readonly CardNode[];
  readonly body?: readonly CardNode[];
  readonly selectAction?: CardNode;
  readonly refresh?: { readonly action: CardNode; readonly userIds: readonly string[] };
  readonly facts?: readonly { readonly title: string; readonly value: string }[];
  readonly choices?: readonly { readonly title: string; readonly value: string }[];
}

/** The card, after checking it is there and parses with zero issues in Microsoft's library. */
export function validCard(card: unknown): CardNode {
  assert.ok(card, 'expected a card');
  assert.deepEqual(cardIssues(card), [], 'the card parses with zero issues');
  return card as CardNode;
}

/** The card a button press was answered with, shown to the person who pressed only. */
export function answeredToPresser(result: TurnResult): CardNode {
  assert.equal(result.updates.length, 0, 'the shared message is not changed for everyone');
  assert.equal(result.replies.length, 0, 'no new message either');
  return validCard(invokeCard(result));
}
