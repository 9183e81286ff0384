import { Activity, ActivityTypes, ChannelAccount } from 'botbuilder';
import { DEMO_PEOPLE, DemoPerson } from '../../src/services/demoOrganisation';

/** Activities shaped like the ones Teams sends, for driving the real Application in tests. */

export const TENANT_ID = '11111111-2222-4333-8444-555555555555';
export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
export const BOT: ChannelAccount = { id: '28:tavla-bot', name: 'Tavla' };
export const TEAM_ID = '19:team-general@thread.tacv2';
export const CHANNEL_ID = '19:board-channel@thread.tacv2';

export type Person = Pick<DemoPerson, 'aadObjectId' | 'name'>;
export type Where = 'personal' | 'channel' | 'groupChat';

export interface ActivityOptions {
  readonly from?: Person;
  readonly locale?: string;
  readonly where?: Where;
  /** The channel's conversation id when `where` is channel. */
  readonly channelId?: string;
  readonly tenantId?: string;
}

const teamsUserId = (person: Person) => `29:${person.aadObjectId}`;

function conversationFor(options: ActivityOptions, from: Person): Partial<Activity> {
  const where = options.where ?? 'personal';
  const tenantId = options.tenantId ?? TENANT_ID;
  if (where === 'channel') {
    const channelId = options.channelId ?? CHANNEL_ID;
    return {
      conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId, name: '' },
      channelData: { tenant: { id: tenantId }, team: { id: TEAM_ID, name: 'Hjemmetjenesten' }, channel: { id: channelId, name: 'Forbedring' } },
    };
  }
  if (where === 'groupChat') {
    return { conversation: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId, name: '' }, channelData: { tenant: { id: tenantId } } };
  }
  return {
    conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', isGroup: false, tenantId, name: '' },
    channelData: { tenant: { id: tenantId } },
  };
}

function base(options: ActivityOptions): Partial<Activity> {
  const from = options.from ?? DEMO_PEOPLE.ola;
  return {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: teamsUserId(from), name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    locale: options.locale ?? 'nb-NO',
    ...conversationFor(options, from),
  };
}

export function message(text: string, options: ActivityOptions = {}): Partial<Activity> {
  return { ...base(options), type: ActivityTypes.Message, text };
}

/** An Action.Execute press on a card message `replyToId`, with the card's inputs in `data`. */
export function cardAction(verb: string, data: Record<string, unknown>, options: ActivityOptions & { replyToId?: string } = {}): Partial<Activity> {
  return {
    ...base(options),
    type: ActivityTypes.Invoke,
    name: 'adaptiveCard/action',
    replyToId: options.replyToId ?? 'card-message-1',
    value: { action: { type: 'Action.Execute', verb, data: { ...data } }, trigger: 'manual' },
  };
}

/** The app was installed; Teams sends this with the user's locale. */
export function appInstalled(options: ActivityOptions = {}): Partial<Activity> {
  return { ...base(options), type: ActivityTypes.InstallationUpdate, action: 'add' };
}

/** The bot was added to a team, a group chat, or a user's personal scope. */
export function botAdded(options: ActivityOptions = {}): Partial<Activity> {
  return { ...base(options), type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] };
}

/** "Save as improvement idea" chosen on a Teams message: Teams asks for the dialog to open. */
export function messageActionOpened(commandId: string, messageHtml: string, options: ActivityOptions & { linkToMessage?: string } = {}): Partial<Activity> {
  return {
    ...base(options),
    type: ActivityTypes.Invoke,
    name: 'composeExtension/fetchTask',
    value: {
      commandId,
      commandContext: 'message',
      messagePayload: { body: { contentType: 'html', content: messageHtml }, linkToMessage: options.linkToMessage ?? 'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000000' },
    },
  };
}

/** The dialog's form was submitted. */
export function messageActionSubmitted(commandId: string, data: Record<string, unknown>, options: ActivityOptions = {}): Partial<Activity> {
  return { ...base(options), type: ActivityTypes.Invoke, name: 'composeExtension/submitAction', value: { commandId, commandContext: 'message', data } };
}
