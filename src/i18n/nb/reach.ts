import { CatalogOf } from '../catalog';
import { enReach } from '../en/reach';

/** Norsk bokmål: å nå folk som ikke kan få en personlig chat, og administratorenes liste over dem. */
export const nbReach: CatalogOf<typeof enReach> = {
  'reach.mentionIntro': '{name}, denne er til deg. Tavla fikk ikke sendt den til deg i en personlig chat: legg til Tavla under Apper i Teams for å få slike meldinger der.',
  'reach.someone': 'Kollega',
  'reach.heading': 'Kan ikke nås i personlig chat ({count})',
  'reach.line': '{name} – {reason} (siden {at})',
  'reach.more': { one: 'og {count} til', other: 'og {count} til' },
  'reach.hint': 'Meldinger til dem går til enhetens kanal med @omtale der enheten har en. De kan nås igjen så snart de skriver til Tavla.',
  'reach.reason.blocked': 'har blokkert eller fjernet Tavla',
  'reach.reason.notInstalled': 'Tavla er ikke installert for vedkommende',
  'reach.reason.noServiceUrl': 'ingen i organisasjonen deres har skrevet til Tavla ennå',
};
