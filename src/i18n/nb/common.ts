import { CatalogOf } from '../catalog';
import { enCommon } from '../en/common';

/** Norsk bokmål: app name, help, who am I, roles, errors and field checks. */
export const nbCommon: CatalogOf<typeof enCommon> = {
  'app.name': 'Tavla',

  'help.title': 'Tavla – forbedringstavla deres i Teams',
  'help.intro': 'Skriv ett av disse ordene til meg (i en kanal må du @nevne meg først):',
  'help.command.help': 'hva jeg kan hjelpe med',
  'help.command.idea': 'foreslå et forbedringsforslag',
  'help.command.board': 'forbedringstavla til enheten din',
  'help.command.mine': 'forslagene og tiltakene dine',
  'help.command.benefits': 'identifiserte og realiserte gevinster',
  'help.command.whoami': 'rollene og enhetene dine i Tavla',
  'help.command.schedule': 'når enheten din holder tavlemøter',
  'help.command.setup': 'koble en kanal til en enhet (i en teamkanal)',
  'help.command.reminders': 'slå påminnelser av eller på',
  'help.unknown': 'Jeg forsto ikke «{text}». Dette kan jeg hjelpe med:',
  'help.languageNote': 'Jeg svarer på norsk, dansk eller engelsk, etter språket du bruker i Teams.',

  'command.notYet': '«{command}» er ikke tilgjengelig ennå. Det kommer i en senere versjon av Tavla.',

  'whoami.title': 'Deg i Tavla',
  'whoami.roles': 'Roller',
  'whoami.units': 'Enheter',
  'whoami.serviceAreas': 'Tjenesteområder du leder',
  'whoami.none': 'Ingen ennå',
  'whoami.notKnown': 'Du er ikke med i noen enhet ennå. Be enhetslederen din om å koble teamkanalen til enheten.',
  'role.member': 'medarbeider',
  'role.unitLeader': 'enhetsleder',
  'role.serviceAreaLeader': 'tjenesteområdeleder',
  'role.coach': 'Lean-veileder',
  'role.executive': 'rådmannens ledergruppe',
  'role.administrator': 'systemansvarlig',
  'unit.leaderSuffix': '{unit} (leder)',

  'error.title': 'Det gikk ikke',
  'error.forbidden': 'Du har ikke tilgang til å gjøre dette. {detail}',
  'error.notFound': 'Jeg fant det ikke. Det kan ha blitt fjernet.',
  'error.invalid': 'Rett opp feltene som er merket.',
  'error.conflict': 'Noen andre endret dette samtidig. Her er gjeldende versjon; prøv igjen.',
  'error.staleCard': 'Dette kortet er utdatert. Her er gjeldende versjon.',
  'error.storageUnavailable': 'Tavla får ikke kontakt med lagringen akkurat nå. Ingenting ble lagret; prøv igjen om et minutt.',
  'error.alreadyLinked': 'Denne kanalen er allerede koblet til {unit}.',
  'error.notLinked': 'Denne kanalen er ikke koblet til en enhet ennå. Skriv «oppsett» for å koble den.',
  'error.unexpected': 'Noe gikk galt hos oss. Ingenting ble lagret; prøv igjen.',
  'error.entityTooLarge': 'Dette er for stort til å lagres. Gjør teksten kortere.',
  'error.damagedData': 'De lagrede dataene for dette er skadet, så Tavla kan ikke bruke dem. Ingenting ble endret. Si fra til den som har ansvaret for Tavla hos dere.',

  'field.required': '{field} må fylles ut.',
  'field.tooLong': '{field} er for lang: {length} tegn, grensen er {limit}.',
  'field.invalidFormat': '{field} har ugyldig format.',
  'field.pastDate': '{field} kan ikke være tilbake i tid.',
  'field.tooFarAhead': '{field} kan ikke være mer enn {years} år fram i tid.',
  'field.unknownOption': '{field}: velg et av alternativene.',
  'field.outOfRange': '{field} må være mellom {min} og {max}.',
  'field.duplicate': '{field}: dette er allerede i bruk. Velg noe annet.',
};
