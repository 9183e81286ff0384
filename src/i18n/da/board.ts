import { CatalogOf } from '../catalog';
import { enBoard } from '../en/board';

/** Dansk: the improvement board and my items. */
export const daBoard: CatalogOf<typeof enBoard> = {
  'board.title': 'Forbedringstavle – {unit}',
  'board.empty': 'Intet kræver opfølgning. Foreslå den næste idé!',
  'board.open': 'Åbn',
  'board.newIdea': 'Ny idé',
  'board.page': 'Side {page} af {pages}',
  'board.next': 'Næste',
  'board.previous': 'Forrige',
  'board.chooseUnit': 'Hvilken afdelings tavle vil du se?',
  'board.show': 'Vis tavlen',
  'board.noOwner': 'ingen ansvarlig',
  'board.dueOn': 'frist {date}',
  'board.overdueTag': 'OVERSKREDET',
  'board.benefitMissingTag': 'GEVINST MANGLER',
  'board.notInUnit': 'Du er ikke med i nogen afdeling endnu, så der er ingen tavle at vise.',
  'board.refresh': 'Opdater',
  'board.forbidden': 'Kun afdelingens medarbejdere og de, der leder eller støtter den, kan se tavlen.',
  'board.doneOpen': 'Færdig, gevinst eller handling mangler',
  'board.closedButton': 'Færdig dette kvartal',
  'board.closedTitle': 'Færdig og afvist dette kvartal – {unit}',
  'board.closedEmpty': 'Intet er færdigt eller afvist dette kvartal endnu.',
  'board.back': 'Tilbage til tavlen',
  'board.doneCount': 'Færdig',
  'board.rejectedCount': 'Afvist',
  'mine.title': 'Mine sager',
  'mine.empty': 'Intet venter på dig. Godt gået!',
  'mine.open': 'Åbn',
  'mine.refresh': 'Opdater',
};
