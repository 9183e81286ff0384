import { CatalogOf } from '../catalog';
import { enOnDemand } from '../en/onDemand';

/** Norsk bokmål: ukerapporten når du vil, og «send nå» på utsendingsstatus. */
export const nbOnDemand: CatalogOf<typeof enOnDemand> = {
  'help.command.digest': 'ukerapporten din, nå (ledere)',
  'digestNow.periodSoFar': '{from} – {to} (så langt)',
  'digestNow.thisWeek': 'Denne uka så langt',
  'digestNow.lastWeek': 'Forrige uke',
  'digestNow.notRecipient': 'Ukerapporten er for enhetsledere, tjenesteområdeledere, rådmannens ledergruppe og Lean-veiledere, så det finnes ingen for deg.',

  'sendNow.heading': 'Send nå',
  'sendNow.intro': 'Kjører dagens jobb med en gang. Hver går ut én gang om dagen: det som alt er sendt i dag, sendes ikke på nytt.',
  'sendNow.unitLabel': 'Enhet',
  'sendNow.unitRequired': 'Velg en enhet.',
  'sendNow.prompt': 'Send tavlemøtevarselet nå',
  'sendNow.reminders': 'Send dagens påminnelser nå',
  'sendNow.noChannels': 'Ingen enhet har en koblet kanal ennå, så det finnes ikke noe tavlemøtevarsel å sende.',
  'sendNow.queued': { one: 'Sendt nå: {count} melding står i kø for utsending.', other: 'Sendt nå: {count} meldinger står i kø for utsending.' },
  'sendNow.alreadyDone': 'Allerede gjort i dag: Tavla sender det én gang om dagen.',
  'sendNow.alreadyDoneAt': 'Allerede gjort i dag, kl. {time}: Tavla sender det én gang om dagen.',
  'sendNow.nothing': 'Ingenting å sende akkurat nå.',
  'sendNow.noChannel': '{unit} har ingen koblet kanal, så tavlemøtevarselet kan ikke legges ut.',
};
