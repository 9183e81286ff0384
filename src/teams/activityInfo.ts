import { Activity, TurnContext } from 'botbuilder';
import { Locale, localeFromTag } from '../domain/locale';
import { ChannelLink } from '../domain/organisation';
import { Person } from '../domain/people';
import { SeenUser } from '../services/peopleService';

/** Reads what Tavla needs from a Teams activity: who, where, which tenant, which language. */

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return (channelData?.tenant?.id ?? activity.conversation?.tenantId)?.toLowerCase();
}

export function personOf(activity: Partial<Activity>): Person | undefined {
  const aadObjectId = activity.from?.aadObjectId;
  if (!aadObjectId) return undefined;
  return { aadObjectId: aadObjectId.toLowerCase(), name: activity.from?.name ?? '' };
}

export function isPersonalChat(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

export function isChannel(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'channel';
}

export function seenUserOf(activity: Partial<Activity>, locale: Locale | undefined): SeenUser | undefined {
  const person = personOf(activity);
  if (!person || !activity.from?.id || !activity.serviceUrl) return undefined;
  const tenantId = tenantOf(activity);
  return {
    ...person,
    teamsUserId: activity.from.id,
    serviceUrl: activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(locale ? { locale } : {}),
    ...(isPersonalChat(activity) && activity.conversation?.id ? { personalConversationId: activity.conversation.id } : {}),
  };
}

/** The channel a message or card came from, as a link a unit can keep for proactive posts. */
export function channelLinkOf(activity: Partial<Activity>): ChannelLink | undefined {
  if (!isChannel(activity) || !activity.conversation?.id || !activity.serviceUrl) return undefined;
  const channelData = activity.channelData as { team?: { id?: string }; channel?: { id?: string; name?: string } } | undefined;
  const conversationId = activity.conversation.id.split(';')[0];
  return {
    conversationId,
    teamId: channelData?.team?.id ?? conversationId,
    tenantId: tenantOf(activity) ?? '',
    serviceUrl: activity.serviceUrl,
    ...(channelData?.channel?.name ? { channelName: channelData.channel.name } : {}),
  };
}

/** The user's Teams language when it is one we speak, else undefined. */
export function teamsLocaleOf(activity: Partial<Activity>): Locale | undefined {
  const tag = activity.locale ?? (activity.entities?.find((e) => e.type === 'clientInfo') as { locale?: string } | undefined)?.locale;
  if (!tag) return undefined;
  const resolved = localeFromTag(tag, 'en');
  return resolved === 'en' && !tag.toLowerCase().startsWith('en') ? undefined : resolved;
}

export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === botId);
}
