import { FishboneCategory } from '../domain/ideas';

/**
 * Ids of card inputs that are numbered or built from a name. The cards render them and
 * src/teams/commands reads them back, so both take them from here.
 */

/** Quick decision `n` (1-based) on the meeting log form. */
export const decisionInputs = (n: number) => ({ idea: `decision${n}Idea`, status: `decision${n}Status`, owner: `decision${n}Owner`, due: `decision${n}Due` }) as const;

/** Pause `n` (1-based) on the schedule form. */
export const pauseInputs = (n: number) => ({ from: `pause${n}From`, to: `pause${n}To` }) as const;

/** Root-cause notes on the item card. */
export const whyInput = (n: number): string => `why${n}`;
export const fishboneInput = (category: FishboneCategory): string => `fishbone_${category}`;

/**
 * Each item on a reminder card has its own date and hand-over inputs; its buttons name the one
 * they use in their data (`input`).
 */
export const reminderInputs = (index: number) => ({ due: `dueDate_${index}`, handOver: `handOverTo_${index}` }) as const;
export const REMINDER_INPUT_PATTERN = /^(dueDate|handOverTo)_\d{1,3}$/;
