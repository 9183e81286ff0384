import { Activity, TurnContext } from 'botbuilder';
import { GUID_PATTERN } from '../domain/ids';
import { Locale, localeFromTag } from '../domain/locale';
import { ChannelLink } from '../domain/organisation';
import { Person } from '../domain/people';
import { SeenUser } from '../services/peopleService';

/**
 * Reads what Tavla needs from a Teams activity: who, where, which tenant, which language.
 * The HTTP edge has checked the shape already; these readers still never assume a field's type,
 * because activities also arrive by other ways (tests, proactive turns).
 */

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return (text(channelData?.tenant?.id) ?? text(activity.conversation?.tenantId))?.toLowerCase();
}

/** An empty allow-list allows every tenant (local mode only; production requires one). */
export function tenantAllowed(allowed: readonly string[], tenant: string | undefined): boolean {
  return allowed.length === 0 || (tenant !== undefined && allowed.includes(tenant));
}

export function personOf(activity: Partial<Activity>): Person | undefined {
  const aadObjectId = text(activity.from?.aadObjectId);
  if (!aadObjectId || !GUID_PATTERN.test(aadObjectId)) return undefined;
  return { aadObjectId: aadObjectId.toLowerCase(), name: text(activity.from?.name) ?? '' };
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
  const clientInfo = Array.isArray(activity.entities) ? (activity.entities.find((e) => e?.type === 'clientInfo') as { locale?: unknown } | undefined) : undefined;
  const tag = text(activity.locale) ?? text(clientInfo?.locale);
  if (!tag) return undefined;
  const resolved = localeFromTag(tag, 'en');
  return resolved === 'en' && !tag.toLowerCase().startsWith('en') ? undefined : resolved;
}

export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === botId);
}
