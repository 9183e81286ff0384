import { CatalogOf } from '../catalog';
import { enBoard } from '../en/board';

/** Norsk bokmål: the improvement board and my items. */
export const nbBoard: CatalogOf<typeof enBoard> = {
  'board.title': 'Forbedringstavle – {unit}',
  'board.empty': 'Ingenting trenger oppfølging. Foreslå neste idé!',
  'board.open': 'Åpne',
  'board.newIdea': 'Ny idé',
  'board.page': 'Side {page} av {pages}',
  'board.next': 'Neste',
  'board.previous': 'Forrige',
  'board.chooseUnit': 'Hvilken enhets tavle vil du se?',
  'board.show': 'Vis tavla',
  'board.noOwner': 'ingen ansvarlig',
  'board.dueOn': 'frist {date}',
  'board.overdueTag': 'FORFALT',
  'board.benefitMissingTag': 'GEVINST MANGLER',
  'board.notInUnit': 'Du er ikke med i noen enhet ennå, så det finnes ingen tavle å vise.',
  'board.refresh': 'Oppdater',
  'board.forbidden': 'Bare enhetens medarbeidere og de som leder eller støtter den, kan se tavla.',
  'board.doneOpen': 'Ferdig, gevinst eller tiltak gjenstår',
  'board.closedButton': 'Ferdig dette kvartalet',
  'board.closedTitle': 'Ferdig og avvist dette kvartalet – {unit}',
  'board.closedEmpty': 'Ingenting er ferdig eller avvist dette kvartalet ennå.',
  'board.back': 'Tilbake til tavla',
  'board.doneCount': 'Ferdig',
  'board.rejectedCount': 'Avvist',
  'mine.title': 'Mine saker',
  'mine.empty': 'Ingenting venter på deg. Bra jobbet!',
  'mine.open': 'Åpne',
  'mine.refresh': 'Oppdater',
};
