import { CatalogOf } from '../catalog';
import { enCommon } from '../en/common';

/** Dansk: app name, help, who am I, roles, errors and field checks. */
export const daCommon: CatalogOf<typeof enCommon> = {
  'app.name': 'Tavla',

  'help.title': 'Tavla – jeres forbedringstavle i Teams',
  'help.intro': 'Skriv et af disse ord til mig (i en kanal skal du @nævne mig først):',
  'help.command.help': 'hvad jeg kan hjælpe med',
  'help.command.idea': 'foreslå et forbedringsforslag',
  'help.command.board': 'din afdelings forbedringstavle',
  'help.command.mine': 'dine forslag og handlinger',
  'help.command.benefits': 'identificerede og realiserede gevinster',
  'help.command.whoami': 'dine roller og afdelinger i Tavla',
  'help.command.schedule': 'hvornår din afdeling holder tavlemøder',
  'help.command.setup': 'knyt en kanal til en afdeling (i en teamkanal)',
  'help.command.reminders': 'slå påmindelser fra eller til',
  'help.unknown': 'Jeg forstod ikke »{text}«. Det her kan jeg hjælpe med:',
  'help.languageNote': 'Jeg svarer på dansk, norsk eller engelsk, efter det sprog du bruger i Teams.',

  'command.notYet': '»{command}« er ikke tilgængelig endnu. Det kommer i en senere version af Tavla.',

  'whoami.title': 'Dig i Tavla',
  'whoami.roles': 'Roller',
  'whoami.units': 'Afdelinger',
  'whoami.serviceAreas': 'Områder du leder',
  'whoami.none': 'Ingen endnu',
  'whoami.notKnown': 'Du er ikke med i nogen afdeling endnu. Bed din afdelingsleder om at knytte teamkanalen til afdelingen.',
  'role.member': 'medarbejder',
  'role.unitLeader': 'afdelingsleder',
  'role.serviceAreaLeader': 'områdechef',
  'role.coach': 'Lean-konsulent',
  'role.executive': 'direktion',
  'role.administrator': 'systemansvarlig',
  'unit.leaderSuffix': '{unit} (leder)',

  'error.title': 'Det lykkedes ikke',
  'error.forbidden': 'Du har ikke adgang til at gøre dette. {detail}',
  'error.notFound': 'Jeg kunne ikke finde det. Det kan være blevet fjernet.',
  'error.invalid': 'Ret de markerede felter.',
  'error.conflict': 'En anden ændrede dette samtidig. Her er den aktuelle version; prøv igen.',
  'error.staleCard': 'Dette kort er forældet. Her er den aktuelle version.',
  'error.storageUnavailable': 'Tavla kan ikke få kontakt til lageret lige nu. Intet blev gemt; prøv igen om et minut.',
  'error.alreadyLinked': 'Denne kanal er allerede knyttet til {unit}.',
  'error.notLinked': 'Denne kanal er ikke knyttet til en afdeling endnu. Skriv »opsætning« for at knytte den.',
  'error.unexpected': 'Noget gik galt hos os. Intet blev gemt; prøv igen.',
  'error.entityTooLarge': 'Dette er for stort til at blive gemt. Gør teksten kortere.',
  'error.damagedData': 'De gemte data for dette er beskadigede, så Tavla kan ikke bruge dem. Intet blev ændret. Giv besked til den, der har ansvaret for Tavla hos jer.',

  'field.required': '{field} skal udfyldes.',
  'field.tooLong': '{field} er for lang: {length} tegn, grænsen er {limit}.',
  'field.invalidFormat': '{field} har et ugyldigt format.',
  'field.pastDate': '{field} må ikke ligge i fortiden.',
  'field.tooFarAhead': '{field} må højst ligge {years} år ude i fremtiden.',
  'field.unknownOption': '{field}: vælg en af mulighederne.',
  'field.outOfRange': '{field} skal være mellem {min} og {max}.',
  'field.duplicate': '{field}: dette er allerede i brug. Vælg noget andet.',
};
