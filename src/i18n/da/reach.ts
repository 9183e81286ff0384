import { CatalogOf } from '../catalog';
import { enReach } from '../en/reach';

/** Dansk: at nå folk, der ikke kan få en personlig chat, og administratorernes liste over dem. */
export const daReach: CatalogOf<typeof enReach> = {
  'reach.mentionIntro': '{name}, denne er til dig. Tavla kunne ikke sende den til dig i en personlig chat: tilføj Tavla under Apps i Teams for at få den slags beskeder dér.',
  'reach.someone': 'Kollega',
  'reach.heading': 'Kan ikke nås i personlig chat ({count})',
  'reach.line': '{name} – {reason} (siden {at})',
  'reach.more': { one: 'og {count} mere', other: 'og {count} mere' },
  'reach.hint': 'Beskeder til dem går til enhedens kanal med @omtale, hvor enheden har en. De kan nås igen, så snart de skriver til Tavla.',
  'reach.reason.blocked': 'har blokeret eller fjernet Tavla',
  'reach.reason.notInstalled': 'Tavla er ikke installeret for vedkommende',
  'reach.reason.noServiceUrl': 'ingen i deres organisation har skrevet til Tavla endnu',
};
