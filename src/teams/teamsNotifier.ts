import { CardFactory, CloudAdapter, ConversationReference, MessageFactory, TurnContext } from 'botbuilder';
import { Notification, Notifier } from '../ports/notifier';
import { PeopleRepository } from '../ports/peopleRepository';
import { Unit } from '../domain/organisation';
import { OrganisationDirectory } from '../services/organisationDirectory';
import { notificationCard } from '../cards/notificationCards';

/**
 * Sends notifications straight through the Bot Connector: into a unit's linked channel, or 1:1
 * (opening the personal chat when the bot has none with the person yet).
 */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
  ) {}

  async toUnitChannel(unit: Unit, notification: Notification): Promise<void> {
    if (!unit.channel) return;
    const org = await this.directory.snapshot();
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: unit.channel.serviceUrl,
      conversation: { id: unit.channel.conversationId, isGroup: true, conversationType: 'channel', tenantId: unit.channel.tenantId, name: '' },
    };
    const card = notificationCard(org.settings.language, notification, org.settings);
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    });
  }

  async toPerson(aadObjectId: string, notification: Notification): Promise<void> {
    const [person, org] = await Promise.all([this.people.get(aadObjectId), this.directory.snapshot()]);
    if (!person?.serviceUrl) return;
    const card = notificationCard(person.locale ?? org.settings.language, notification, org.settings);
    const send = async (context: TurnContext) => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    };
    if (person.personalConversationId) {
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: person.serviceUrl,
        conversation: { id: person.personalConversationId, isGroup: false, conversationType: 'personal', tenantId: person.tenantId ?? '', name: '' },
      };
      await this.adapter.continueConversationAsync(this.botAppId, reference, send);
      return;
    }
    if (!person.teamsUserId) return;
    await this.adapter.createConversationAsync(
      this.botAppId,
      'msteams',
      person.serviceUrl,
      '',
      {
        isGroup: false,
        members: [{ id: person.teamsUserId, name: person.name }],
        tenantId: person.tenantId ?? '',
        channelData: { tenant: { id: person.tenantId } },
        bot: { id: this.botAppId, name: 'Tavla' },
      },
      send,
    );
  }
}
