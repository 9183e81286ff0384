import { CatalogOf } from '../catalog';
import { enLearning } from '../en/learning';

/** Norsk bokmål: læring mellom enheter (lignende forslag, berørte enheter, «hvor ellers?»). */
export const nbLearning: CatalogOf<typeof enLearning> = {
  'similar.heading': 'Andre har hatt denne ideen',
  'similar.intro': 'Før «{title}» lagres: disse forslagene ligner ditt. Åpne ett, bli med på det, eller lagre ditt likevel.',
  'similar.facts': '{unit} · {status} · {gain}',
  'similar.noGain': 'ingen realisert gevinst ennå',
  'similar.gain': 'realisert {gain} per år',
  'similar.open': 'Åpne',
  'similar.join': 'Vi har samme problem',
  'similar.submitAnyway': 'Lagre mitt likevel',
  'similar.sameProblem': 'Vi har det samme problemet i {unit}.',
  'similar.sameProblemNoUnit': 'Vi har det samme problemet.',
  'similar.joined': 'Du ble med på {id}: kommentaren din står på forslaget, og ditt ble ikke lagret.',
};
