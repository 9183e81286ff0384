import { CardData } from './cardData';
import { CardForm, listedForm } from './cardForm';

/** The channel set-up card: link the channel to a unit, or create a new unit for it. */
export interface SetupCommand {
  readonly unitId: string;
  readonly name?: string;
  readonly serviceAreaId?: string;
}

export const setupOf = (data: CardData): SetupCommand => ({ unitId: data.token('unitId') ?? '', name: data.text('name'), serviceAreaId: data.text('serviceAreaId') });

export const SETUP_FORM: CardForm = listedForm({
  unitId: { label: 'setup.unitLabel' },
  name: { label: 'setup.nameLabel' },
  serviceAreaId: { label: 'setup.areaLabel' },
});
