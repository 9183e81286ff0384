import { GembaCheck } from '../domain/revision';

/**
 * Ids of the revision card's numbered inputs. The card renders them and src/teams/commands reads
 * them back, so both take them from here.
 */
export const followUpInputs = (n: number) => ({ text: `followUp${n}Text`, owner: `followUp${n}Owner`, due: `followUp${n}Due` }) as const;
export const checkInput = (check: GembaCheck): string => `check_${check}`;
