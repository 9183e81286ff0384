import { CatalogOf } from '../catalog';
import { enInbox } from '../en/inbox';

/** Norsk bokmål: lederens godkjenninger, «venter på din avgjørelse» og egne registreringer. */
export const nbInbox: CatalogOf<typeof enInbox> = {
  'help.command.approvals': 'gevinster som venter på din godkjenning (tjenesteområdeledere)',
  'inbox.title': 'Venter på din godkjenning',
  'inbox.lead': { one: '{count} realisert gevinst venter på avgjørelsen din, eldste først.', other: '{count} realiserte gevinster venter på avgjørelsen din, eldste først.' },
  'inbox.empty': 'Ingen realiserte gevinster venter på din godkjenning.',
  'inbox.detail': '{unit} · {amount}',
  'inbox.registered': { zero: 'Registrert av {name} i dag', one: 'Registrert av {name} {date} · har ventet {count} dag', other: 'Registrert av {name} {date} · har ventet {count} dager' },
  'inbox.open': 'Åpne',
  'inbox.more': { one: 'og {count} til: den kommer fram når du har avgjort disse.', other: 'og {count} til: de kommer fram når du har avgjort disse.' },
  'inbox.ownPending': {
    one: '{count} av dine egne registreringer venter også: en annen tjenesteområdeleder eller en systemansvarlig avgjør den.',
    other: '{count} av dine egne registreringer venter også: en annen tjenesteområdeleder eller en systemansvarlig avgjør dem.',
  },
  'inbox.refresh': 'Oppdater',
  'inbox.show': 'Godkjenninger som venter på deg',
  'inbox.showList': 'Vis dem',
  'inbox.notApprover': 'Gevinster godkjennes av tjenesteområdelederen for enheten eller en systemansvarlig, så ingen venter på deg.',
  'benefit.ownRegistration': 'Du registrerte denne selv, så en annen tjenesteområdeleder eller en systemansvarlig avgjør den.',

  'waiting.title': 'Venter på din avgjørelse',
  'waiting.approvalDetail': 'Gevinst til godkjenning · {unit} · registrert av {name}',
  'waiting.escalatedDetail': { one: 'Forfalt i {count} dag · {owner} · {unit}', other: 'Forfalt i {count} dager · {owner} · {unit}' },
  'waiting.moreApprovals': { one: 'og {count} godkjenning til', other: 'og {count} godkjenninger til' },
  'waiting.moreEscalated': { one: 'og {count} sak til som har vært forfalt lenge, på tavla', other: 'og {count} saker til som har vært forfalt lenge, på tavla' },
};
