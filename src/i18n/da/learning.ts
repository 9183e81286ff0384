import { CatalogOf } from '../catalog';
import { enLearning } from '../en/learning';

/** Dansk: læring mellem afdelinger (lignende forslag, berørte afdelinger, »hvor ellers?«). */
export const daLearning: CatalogOf<typeof enLearning> = {
  'similar.heading': 'Andre har haft denne idé',
  'similar.intro': 'Før »{title}« gemmes: disse forslag ligner dit. Åbn et, gå med i det, eller gem dit alligevel.',
  'similar.facts': '{unit} · {status} · {gain}',
  'similar.noGain': 'ingen realiseret gevinst endnu',
  'similar.gain': 'realiseret {gain} om året',
  'similar.open': 'Åbn',
  'similar.join': 'Vi har samme problem',
  'similar.submitAnyway': 'Gem mit alligevel',
  'similar.sameProblem': 'Vi har det samme problem i {unit}.',
  'similar.sameProblemNoUnit': 'Vi har det samme problem.',
  'similar.joined': 'Du gik med i {id}: din kommentar står på forslaget, og dit blev ikke gemt.',
};
