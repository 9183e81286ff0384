import { CatalogOf } from '../catalog';
import { enSetup } from '../en/setup';

/** Norsk bokmål: linking a channel to a unit. */
export const nbSetup: CatalogOf<typeof enSetup> = {
  'setup.title': 'Sett opp Tavla i denne kanalen',
  'setup.intro': 'Koble kanalen til en enhet. Tavla legger ut tavlemøter, forslag og påminnelser for enheten her.',
  'setup.linkHeading': 'Koble til en eksisterende enhet',
  'setup.unitLabel': 'Enhet',
  'setup.unitPlaceholder': 'Velg en enhet',
  'setup.linkButton': 'Koble kanalen',
  'setup.createHeading': 'Eller opprett en ny enhet',
  'setup.nameLabel': 'Navn på den nye enheten',
  'setup.namePlaceholder': 'f.eks. Hjemmetjenesten nord',
  'setup.areaLabel': 'Tjenesteområde',
  'setup.areaPlaceholder': 'Velg et tjenesteområde',
  'setup.createButton': 'Opprett enhet og koble',
  'setup.noUnits': 'Det finnes ingen enheter ennå. Opprett den første nedenfor.',
  'setup.noAreas': 'Det finnes ingen tjenesteområder ennå. En systemansvarlig må importere organisasjonen først (npm run org -- import).',
  'setup.whoCan': 'Bare en systemansvarlig, en tjenesteområdeleder eller en enhetsleder kan sette opp en kanal.',
  'setup.linkedTitle': 'Denne kanalen hører til {unit}',
  'setup.linkedText': 'Koblet av {name}. {members} i teamet ble lagt til som medarbeidere i enheten.',
  'setup.linkedAlready': 'Denne kanalen er allerede koblet til {unit}.',
  'setup.members': { one: '{count} person', other: '{count} personer' },
  'setup.welcomeChat': 'Hei, jeg er Tavla. Jeg hjelper enheten din med å holde forbedringsarbeidet i gang.',
};
