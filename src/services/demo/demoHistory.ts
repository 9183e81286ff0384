import { quarterStart } from '../../domain/benefits';
import { LocalDate, addDays, daysBetween, localDate } from '../../domain/dates';
import { HolidayCheck, weekStart, weekdayOf } from '../../domain/schedule';
import { Person } from '../../domain/people';
import { Clock } from '../../ports/clock';
import { DEMO_PEOPLE } from '../demoOrganisation';
import { BenefitApproval } from '../benefits/benefitApproval';
import { BenefitRegistration } from '../benefits/benefitRegistration';
import { IdeaChanges } from '../ideas/ideaChanges';
import { IdeaSubmission } from '../ideas/ideaSubmission';
import { MeetingSchedules } from '../rhythm/meetingSchedules';
import { MeetingService } from '../rhythm/meetings';
import { DEMO_IDEAS, DEMO_MEETINGS, DEMO_UNITS, DemoDay, DemoIdea, MEETING_NOTES, NOT_HELD_REASONS, PersonKey, SCHEDULES_SET_DAYS_AGO, UnitKey } from './demoScript';
import { Random, seededRandom } from './random';

/** The services the history is played through: the same rules, storage and checks as real use. */
export interface DemoServices {
  readonly ideaSubmission: IdeaSubmission;
  readonly ideaChanges: IdeaChanges;
  readonly benefitRegistration: BenefitRegistration;
  readonly benefitApproval: BenefitApproval;
  readonly meetings: MeetingService;
  readonly meetingSchedules: MeetingSchedules;
}

/** The clock those services read, set to each moment of the story before it is played. */
export interface StoryClock extends Clock {
  set(at: Date): void;
}

export interface DemoHistoryOptions {
  /** Whose story: each unit's is told on its own (and may be written alongside the others). */
  readonly unit: UnitKey;
  /** The real now: the story ends just before it. */
  readonly now: Date;
  /** Today in the organisation's time zone: the seed, and what every day is counted back from. */
  readonly today: LocalDate;
  readonly timeZone: string;
  readonly isHoliday: HolidayCheck;
}

/** One thing that happened, at a moment, in the order it was told. */
interface Happening {
  readonly at: Date;
  readonly order: number;
  readonly play: () => Promise<void>;
}

const person = (key: PersonKey): Person => DEMO_PEOPLE[key];

/** The instant a local date and time ("08:30") is in the time zone (DST included). */
export function instantAt(date: LocalDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (instant: number): number => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - instant;
  };
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess));
}

/**
 * Plays one unit's part of the demo story (demoScript.ts) through the real services, each step
 * with the clock set to its moment in the past: ideas are proposed, moved along the board, given
 * owners and action items; benefits are registered and decided; the schedule is set and meetings
 * logged. Given the same date it writes the same history (a generator seeded with the date and
 * the unit); the steps run one at a time, in the order they happened, so the data obeys the same
 * rules as real use. Units share nothing in the story, so their parts can be written at once.
 */
export class DemoHistory {
  private readonly random: Random;
  private readonly happenings: Happening[] = [];
  private order = 0;

  constructor(
    private readonly services: DemoServices,
    private readonly clock: StoryClock,
    private readonly options: DemoHistoryOptions,
  ) {
    this.random = seededRandom(`tavla-demo|${options.today}|${options.unit}`);
  }

  /** Writes the unit's history; returns how many steps were played. */
  async write(): Promise<number> {
    this.tellSchedule(this.options.unit);
    DEMO_IDEAS.filter((idea) => idea.unit === this.options.unit).forEach((idea) => this.tellIdea(idea));
    this.tellMeetings(this.options.unit);
    const story = [...this.happenings].sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
    // Nothing may happen after now: steps told for today keep their order, just before it.
    const latest = this.options.now.getTime() - story.length - 1;
    for (const [i, happening] of story.entries()) {
      this.clock.set(new Date(Math.min(happening.at.getTime(), latest + i)));
      await happening.play();
    }
    this.clock.set(this.options.now);
    return story.length;
  }

  private daysAgo(day: DemoDay): number {
    const { today } = this.options;
    const lastWeek = (weekday: number) => daysBetween(addDays(weekStart(today), weekday - 8), today);
    if (typeof day === 'number') return day;
    if ('lastWeek' in day) return lastWeek(day.lastWeek);
    if ('thisWeekOr' in day) return weekdayOf(today) >= 2 ? weekdayOf(today) - 1 : lastWeek(day.thisWeekOr);
    return Math.min(day.inQuarter, daysBetween(quarterStart(today), today));
  }

  private dateOf(daysAgo: number): LocalDate {
    return addDays(this.options.today, -daysAgo);
  }

  /** A moment on that day: in working hours, or for today just after midnight (then clamped before now). */
  private moment(daysAgo: number, after?: Date): Date {
    const time = daysAgo === 0 ? '00:01' : `${String(this.random.int(8, 14)).padStart(2, '0')}:${String(this.random.int(0, 59)).padStart(2, '0')}`;
    const at = instantAt(this.dateOf(daysAgo), time, this.options.timeZone);
    return after && at <= after ? new Date(after.getTime() + 60_000) : at;
  }

  private tell(at: Date, play: () => Promise<void>): void {
    this.happenings.push({ at, order: this.order++, play });
  }

  private tellSchedule(key: UnitKey): void {
    const meeting = DEMO_MEETINGS[key];
    const unit = DEMO_UNITS[key];
    this.tell(instantAt(this.dateOf(SCHEDULES_SET_DAYS_AGO), '07:00', this.options.timeZone), async () => {
      await this.services.meetingSchedules.save(person(unit.leader), unit.id, { weekdays: [String(meeting.weekday)], time: meeting.time, pauses: [] });
    });
  }

  private tellMeetings(key: UnitKey): void {
    const meeting = DEMO_MEETINGS[key];
    const unit = DEMO_UNITS[key];
    const [from, to] = meeting.logged;
    for (let daysAgo = from; daysAgo >= to; daysAgo--) {
      const date = this.dateOf(daysAgo);
      if (weekdayOf(date) !== meeting.weekday || this.options.isHoliday(date)) continue;
      // The last fortnight's meetings were held, so last week's digest shows a living rhythm.
      const held = daysAgo <= 10 || this.random.chance(meeting.held);
      const form = held
        ? { held: 'yes', attendees: String(this.random.int(4, 11)), ...(this.random.chance(0.4) ? { notes: this.random.pick(MEETING_NOTES) } : {}) }
        : { held: 'no', reason: this.random.pick(NOT_HELD_REASONS) };
      const at = new Date(instantAt(date, meeting.time, this.options.timeZone).getTime() + 25 * 60_000);
      this.tell(at, async () => {
        await this.services.meetings.log(person(unit.leader), { unitId: unit.id, date, version: 0, form, decisionReason: '' });
      });
    }
  }

  /** An idea's steps, in its own order, each after the one before (the same day keeps the order told). */
  private tellIdea(idea: DemoIdea): void {
    const unit = DEMO_UNITS[idea.unit];
    const leader = person(unit.leader);
    const days = this.ideaDays(idea);
    let number = 0;
    let actions = 0;
    let identified: string | undefined;
    const benefitIds: string[] = [];
    const steps: { daysAgo: number; play: () => Promise<void> }[] = [];
    const step = (day: DemoDay, play: () => Promise<void>) => steps.push({ daysAgo: days(day), play });
    const target = () => ({ unitId: unit.id, number });
    const due = (daysAgo: number) => this.dateOf(days(daysAgo));

    step(idea.proposed, async () => {
      const owner = idea.owner === undefined ? idea.by : idea.owner;
      ({ idea: { number } } = await this.services.ideaSubmission.submit(person(idea.by), {
        unitId: unit.id,
        idea: { title: idea.title, type: idea.type, wastes: idea.wastes, benefitAreas: idea.areas, ...(owner ? { ownerId: person(owner).aadObjectId } : {}) },
      }));
    });
    for (const [day, to, reason] of idea.steps ?? []) step(day, async () => void (await this.services.ideaChanges.apply(leader, target(), { kind: 'move', to, ...(reason ? { reason } : {}) })));
    if (idea.assign) {
      const { owner, due: dueDay } = idea.assign;
      step(idea.assign.on, async () => void (await this.services.ideaChanges.apply(leader, target(), { kind: 'assign', ownerId: person(owner).aadObjectId, dueDate: due(dueDay) })));
    }
    for (const action of idea.actions ?? []) {
      const id = ++actions;
      step(action.added, async () => void (await this.services.ideaChanges.apply(leader, target(), { kind: 'addAction', text: action.text, ownerId: person(action.owner).aadObjectId, dueDate: due(action.due) })));
      if (action.done !== undefined) step(action.done, async () => void (await this.services.ideaChanges.apply(person(action.owner), target(), { kind: 'completeAction', actionId: id })));
    }
    for (const [i, benefit] of (idea.benefits ?? []).entries()) {
      step(benefit.on, async () => {
        const on = days(benefit.on);
        const dates = { baselineOn: this.dateOf(on + 14), targetBy: this.dateOf(on - 90), measuredOn: this.dateOf(on) };
        const registered = await this.services.benefitRegistration.register(person(benefit.by), { unitId: unit.id, ideaNumber: number }, {
          benefit: { ...benefit.input, ...dates, ownerId: person(benefit.owner).aadObjectId },
          ...(benefit.followsUp && identified ? { fromBenefitId: identified } : {}),
        });
        benefitIds[i] = registered.benefit.id;
        if (registered.benefit.stage === 'identified') identified ??= registered.benefit.id;
      });
      const decided = benefit.decided;
      if (decided) {
        step(decided.on, async () => {
          await this.services.benefitApproval.decide(person(decided.by), { unitId: unit.id, ideaNumber: number, id: benefitIds[i] }, { outcome: decided.outcome, ...(decided.comment ? { comment: decided.comment } : {}) });
        });
      }
    }

    // Told in order; played oldest day first, the order told kept within a day.
    const ordered = steps.map((s, i) => ({ ...s, i })).sort((a, b) => b.daysAgo - a.daysAgo || a.i - b.i);
    let previous: Date | undefined;
    for (const s of ordered) {
      const at = this.moment(s.daysAgo, previous && s.daysAgo === this.daysAgoOf(previous) ? previous : undefined);
      previous = at;
      this.tell(at, s.play);
    }
  }

  /**
   * Days of an idea, counted back from today. An idea told entirely in plain days, all at least
   * three weeks back, moves back by up to three days as the date's generator says: the same
   * story, a little different from one day to the next.
   */
  private ideaDays(idea: DemoIdea): (day: DemoDay) => number {
    const plain = [idea.proposed, ...(idea.steps ?? []).map(([day]) => day), ...(idea.benefits ?? []).flatMap((b) => [b.on, ...(b.decided ? [b.decided.on] : [])])];
    const numbers = [
      ...plain,
      ...(idea.assign ? [idea.assign.on, idea.assign.due] : []),
      ...(idea.actions ?? []).flatMap((a) => [a.added, a.due, ...(a.done !== undefined ? [a.done] : [])]),
    ];
    const movable = numbers.every((day) => typeof day === 'number' && day >= 21);
    const shift = movable ? this.random.int(0, 3) : 0;
    return (day) => this.daysAgo(day) + (typeof day === 'number' ? shift : 0);
  }

  private daysAgoOf(instant: Date): number {
    return daysBetween(localDate(instant, this.options.timeZone), this.options.today);
  }
}
