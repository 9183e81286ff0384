import { FishboneCategory } from '../domain/ideas';

/** Ids of the fishbone cards' inputs; the cards render them and src/teams/commands reads them back. */
export const causeInput = (category: FishboneCategory): string => `cause_${category}`;
export const fbaActionInputs = (n: number) => ({ text: `action${n}Text`, owner: `action${n}Owner`, due: `action${n}Due` }) as const;
