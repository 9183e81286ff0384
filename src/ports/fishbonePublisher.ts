import { FishboneAnalysis } from '../domain/fishbone';
import { Unit } from '../domain/organisation';

/** Asks a unit's staff in their channel to add causes: the card goes through the outbox like every proactive message. */
export interface FishbonePublisher {
  /** False when the unit has no channel linked: nobody could be asked there. */
  toUnitChannel(unit: Unit, analysis: FishboneAnalysis): Promise<boolean>;
}
