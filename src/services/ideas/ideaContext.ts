import { Access } from '../../domain/access';
import { LocalDate, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { PersonName } from '../../domain/ideas';
import { IdeaStanding, canView, standingOf } from '../../domain/ideaRules';
import { OrganisationSnapshot, Unit, findUnit, peopleOfUnit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { displayName } from '../../domain/text';
import { Clock } from '../../ports/clock';
import { IdGenerator } from '../../ports/ids';
import { PeopleRepository } from '../../ports/peopleRepository';
import { OrganisationDirectory } from '../organisationDirectory';

/** What every idea use case needs to know about the acting person and the unit, computed once. */
export interface UnitContext {
  readonly org: OrganisationSnapshot;
  readonly access: Access;
  readonly unit: Unit;
  readonly today: LocalDate;
  readonly people: PersonName[];
  readonly me: PersonName;
}

export class IdeaContexts {
  constructor(
    readonly directory: OrganisationDirectory,
    private readonly people: PeopleRepository,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  async forUnit(person: Person & { teamsId?: string }, unitId: string): Promise<UnitContext> {
    const { access, org } = await this.directory.accessOf(person);
    const unit = findUnit(org, unitId);
    if (!unit) throw new DomainError('notFound');
    return {
      org,
      access,
      unit,
      today: localDate(this.clock.now(), org.settings.timeZone),
      people: peopleOfUnit(unit, org.aliases),
      // The name is stored on everything this person changes: cleaned like every other text.
      me: { id: person.aadObjectId, name: displayName(person.name), ...(person.teamsId ? { teamsId: person.teamsId } : {}) },
    };
  }

  /** Standing of the person to the unit's board; refuses someone with no business there. */
  viewer(context: UnitContext, idea?: Parameters<typeof standingOf>[2]): IdeaStanding {
    const standing = standingOf(context.access, context.unit, idea);
    if (!canView(standing)) throw new DomainError('forbidden');
    return standing;
  }

  /** Adds the Teams user id to a chosen person, so their copy of the card can refresh itself. */
  async withTeamsId(person: PersonName | undefined): Promise<PersonName | undefined> {
    if (!person || person.teamsId) return person;
    const record = await this.people.get(person.id);
    return record?.teamsUserId ? { ...person, teamsId: record.teamsUserId } : person;
  }

  change(context: UnitContext) {
    return { id: this.ids.next(), by: context.me, at: this.clock.now().toISOString() };
  }
}
