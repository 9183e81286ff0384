import { TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import { PersonRecord } from '../ports/peopleRepository';
import { tenantOf } from './activityInfo';
import { TeamsDirectory } from './deps';

const PAGE_SIZE = 500;
/** A safety stop for very large teams; the unit member list is capped far below this anyway. */
const MAX_PAGES = 20;

function toRecord(member: TeamsChannelAccount, context: TurnContext): PersonRecord | undefined {
  if (!member.aadObjectId) return undefined;
  const upn = member.userPrincipalName ?? member.email;
  const tenantId = tenantOf(context.activity);
  return {
    aadObjectId: member.aadObjectId.toLowerCase(),
    name: member.name ?? '',
    teamsUserId: member.id,
    serviceUrl: context.activity.serviceUrl,
    ...(upn ? { upn: upn.toLowerCase() } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
}

/** The real roster, read through the Bot Connector (TeamsInfo). */
export const teamsRosterDirectory: TeamsDirectory = {
  async senderUpn(context) {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.userPrincipalName ?? member.email ?? undefined;
  },
  async teamRoster(context) {
    const records: PersonRecord[] = [];
    let continuationToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
      records.push(...result.members.flatMap((m) => toRecord(m, context) ?? []));
      continuationToken = result.continuationToken;
      if (!continuationToken) break;
    }
    return records;
  },
};
