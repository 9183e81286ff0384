import { CatalogOf } from '../catalog';
import { enSetup } from '../en/setup';

/** Dansk: linking a channel to a unit. */
export const daSetup: CatalogOf<typeof enSetup> = {
  'setup.title': 'Sæt Tavla op i denne kanal',
  'setup.intro': 'Knyt kanalen til en afdeling. Tavla slår tavlemøder, forslag og påmindelser for afdelingen op her.',
  'setup.linkHeading': 'Knyt til en eksisterende afdeling',
  'setup.unitLabel': 'Afdeling',
  'setup.unitPlaceholder': 'Vælg en afdeling',
  'setup.linkButton': 'Knyt kanalen',
  'setup.createHeading': 'Eller opret en ny afdeling',
  'setup.nameLabel': 'Navn på den nye afdeling',
  'setup.namePlaceholder': 'f.eks. Hjemmeplejen nord',
  'setup.areaLabel': 'Område',
  'setup.areaPlaceholder': 'Vælg et område',
  'setup.createButton': 'Opret afdeling og knyt',
  'setup.noUnits': 'Der er ingen afdelinger endnu. Opret den første nedenfor.',
  'setup.noAreas': 'Der er ingen områder endnu. En systemansvarlig skal først importere organisationen (npm run org -- import).',
  'setup.whoCan': 'Kun en systemansvarlig, en områdechef eller en afdelingsleder kan sætte en kanal op.',
  'setup.linkedTitle': 'Denne kanal hører til {unit}',
  'setup.linkedText': 'Knyttet af {name}. {members} i teamet blev tilføjet som medarbejdere i afdelingen.',
  'setup.linkedAlready': 'Denne kanal er allerede knyttet til {unit}.',
  'setup.members': { one: '{count} person', other: '{count} personer' },
  'setup.welcomeChat': 'Hej, jeg er Tavla. Jeg hjælper din afdeling med at holde forbedringsarbejdet i gang.',
};
