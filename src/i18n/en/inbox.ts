import { Message } from '../message';

/** English: a leader's inbox of approvals, "waiting for your decision", and own registrations. The reference for this part of nb and da (checked by the compiler). */
export const enInbox = {
  'help.command.approvals': 'benefit approvals waiting for you (service-area leaders)',
  'inbox.title': 'Waiting for your approval',
  'inbox.lead': { one: '{count} realized benefit waits for your decision, oldest first.', other: '{count} realized benefits wait for your decision, oldest first.' },
  'inbox.empty': 'No realized benefits are waiting for your approval.',
  'inbox.detail': '{unit} · {amount}',
  'inbox.registered': { zero: 'Registered by {name} today', one: 'Registered by {name} on {date} · waiting {count} day', other: 'Registered by {name} on {date} · waiting {count} days' },
  'inbox.open': 'Open',
  'inbox.more': { one: 'and {count} more: it comes up as you decide these.', other: 'and {count} more: they come up as you decide these.' },
  'inbox.ownPending': {
    one: '{count} registration of yours is waiting too: another service-area leader or an administrator decides it.',
    other: '{count} registrations of yours are waiting too: another service-area leader or an administrator decides them.',
  },
  'inbox.refresh': 'Refresh',
  'inbox.show': 'Approvals waiting for you',
  'inbox.showList': 'Show them',
  'inbox.notApprover': "Benefit approvals are decided by the service-area leader of the unit's area or an administrator, so none wait for you.",
  'benefit.ownRegistration': 'You registered this yourself, so another service-area leader or an administrator decides it.',

  'waiting.title': 'Waiting for your decision',
  'waiting.approvalDetail': 'Benefit to approve · {unit} · registered by {name}',
  'waiting.escalatedDetail': { one: 'Overdue {count} day · {owner} · {unit}', other: 'Overdue {count} days · {owner} · {unit}' },
  'waiting.moreApprovals': { one: 'and {count} more approval', other: 'and {count} more approvals' },
  'waiting.moreEscalated': { one: 'and {count} more long-overdue item on the board', other: 'and {count} more long-overdue items on the board' },
} as const satisfies Record<string, Message>;
