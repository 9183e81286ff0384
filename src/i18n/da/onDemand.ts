import { CatalogOf } from '../catalog';
import { enOnDemand } from '../en/onDemand';

/** Dansk: ugerapporten når du vil, og «send nu» på udsendelsesstatus. */
export const daOnDemand: CatalogOf<typeof enOnDemand> = {
  'help.command.digest': 'din ugerapport, nu (ledere)',
  'digestNow.periodSoFar': '{from} – {to} (indtil nu)',
  'digestNow.thisWeek': 'Denne uge indtil nu',
  'digestNow.lastWeek': 'Sidste uge',
  'digestNow.notRecipient': 'Ugerapporten er til afdelingsledere, områdechefer, direktionen og Lean-konsulenter, så der er ingen til dig.',

  'sendNow.heading': 'Send nu',
  'sendNow.intro': 'Kører dagens job med det samme. Hvert sendes én gang om dagen: det, der allerede er sendt i dag, sendes ikke igen.',
  'sendNow.unitLabel': 'Afdeling',
  'sendNow.unitRequired': 'Vælg en afdeling.',
  'sendNow.prompt': 'Send tavlemødebeskeden nu',
  'sendNow.reminders': 'Send dagens påmindelser nu',
  'sendNow.noChannels': 'Ingen afdeling har en tilknyttet kanal endnu, så der er ingen tavlemødebesked at sende.',
  'sendNow.queued': { one: 'Sendt nu: {count} besked står i kø til afsendelse.', other: 'Sendt nu: {count} beskeder står i kø til afsendelse.' },
  'sendNow.alreadyDone': 'Allerede gjort i dag: Tavla sender det én gang om dagen.',
  'sendNow.alreadyDoneAt': 'Allerede gjort i dag, kl. {time}: Tavla sender det én gang om dagen.',
  'sendNow.nothing': 'Intet at sende lige nu.',
  'sendNow.noChannel': '{unit} har ingen tilknyttet kanal, så tavlemødebeskeden kan ikke slås op.',
};
