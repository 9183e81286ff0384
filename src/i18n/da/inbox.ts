import { CatalogOf } from '../catalog';
import { enInbox } from '../en/inbox';

/** Dansk: lederens godkendelser, «venter på din afgørelse» og egne registreringer. */
export const daInbox: CatalogOf<typeof enInbox> = {
  'help.command.approvals': 'gevinster der venter på din godkendelse (områdechefer)',
  'inbox.title': 'Venter på din godkendelse',
  'inbox.lead': { one: '{count} realiseret gevinst venter på din afgørelse, ældste først.', other: '{count} realiserede gevinster venter på din afgørelse, ældste først.' },
  'inbox.empty': 'Ingen realiserede gevinster venter på din godkendelse.',
  'inbox.detail': '{unit} · {amount}',
  'inbox.registered': { zero: 'Registreret af {name} i dag', one: 'Registreret af {name} {date} · har ventet {count} dag', other: 'Registreret af {name} {date} · har ventet {count} dage' },
  'inbox.open': 'Åbn',
  'inbox.more': { one: 'og {count} mere: den kommer frem, når du har afgjort disse.', other: 'og {count} mere: de kommer frem, når du har afgjort disse.' },
  'inbox.ownPending': {
    one: '{count} af dine egne registreringer venter også: en anden områdechef eller en systemansvarlig afgør den.',
    other: '{count} af dine egne registreringer venter også: en anden områdechef eller en systemansvarlig afgør dem.',
  },
  'inbox.refresh': 'Opdatér',
  'inbox.show': 'Godkendelser der venter på dig',
  'inbox.showList': 'Vis dem',
  'inbox.notApprover': 'Gevinster godkendes af områdechefen for afdelingens område eller en systemansvarlig, så ingen venter på dig.',
  'benefit.ownRegistration': 'Du har selv registreret denne, så en anden områdechef eller en systemansvarlig afgør den.',

  'waiting.title': 'Venter på din afgørelse',
  'waiting.approvalDetail': 'Gevinst til godkendelse · {unit} · registreret af {name}',
  'waiting.escalatedDetail': { one: 'Overskredet med {count} dag · {owner} · {unit}', other: 'Overskredet med {count} dage · {owner} · {unit}' },
  'waiting.moreApprovals': { one: 'og {count} godkendelse mere', other: 'og {count} godkendelser mere' },
  'waiting.moreEscalated': { one: 'og {count} sag mere, der længe har været overskredet, på tavlen', other: 'og {count} sager mere, der længe har været overskredet, på tavlen' },
};
