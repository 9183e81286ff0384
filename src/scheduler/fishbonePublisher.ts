import { fishboneCard } from '../cards/fishboneCards';
import { FishboneAnalysis } from '../domain/fishbone';
import { Unit } from '../domain/organisation';
import { FishbonePublisher } from '../ports/fishbonePublisher';
import { Outbox } from '../ports/outbox';
import { OrganisationDirectory } from '../services/organisationDirectory';

/**
 * Posts an analysis's card in the unit's channel through the outbox, in the organisation's
 * language, once per analysis: the staff answer "What stops us?" on it.
 */
export class OutboxFishbonePublisher implements FishbonePublisher {
  constructor(
    private readonly outbox: Outbox,
    private readonly directory: OrganisationDirectory,
  ) {}

  async toUnitChannel(unit: Unit, analysis: FishboneAnalysis): Promise<boolean> {
    if (!unit.channel) return false;
    const { settings } = await this.directory.snapshot();
    // The shared card: everyone may add causes; concluding is done from a facilitator's own card.
    const card = fishboneCard(settings.language, { unit, settings, analysis, today: analysis.startedOn, people: [], canAdd: true, canFacilitate: false });
    await this.outbox.enqueue([
      {
        key: `fishbone|${unit.id}|${analysis.id}`,
        job: 'fishbone',
        target: { kind: 'channel', conversationId: unit.channel.conversationId, serviceUrl: unit.channel.serviceUrl, tenantId: unit.channel.tenantId },
        card,
      },
    ]);
    return true;
  }
}
