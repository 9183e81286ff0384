import { approvalReminderDue, followUpsDue } from '../../domain/benefitRules';
import { localDate } from '../../domain/dates';
import { Benefit } from '../../domain/benefits';
import { storyOf } from '../../domain/benefitStory';
import { Idea } from '../../domain/ideas';
import { Unit } from '../../domain/organisation';
import { BenefitRepository } from '../../ports/benefitRepository';
import { Clock } from '../../ports/clock';
import { IdGenerator } from '../../ports/ids';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { OrganisationDirectory } from '../organisationDirectory';
import { BenefitRegistration } from './benefitRegistration';

const SYSTEM = { id: 'tavla', name: 'Tavla' };

/**
 * The benefit follow-ups that keep gains from being forgotten: approvals pending for a week go to
 * the TOLs again (at most weekly), and the owner of each benefit plan is asked to measure its
 * indicator at the organisation's intervals after the idea is done (a measurement, not a new
 * registration: the card opens the measurement form of that plan). The reminder is recorded before it is sent, so a crash can
 * lose one reminder but never repeat it; the scheduler runs these once a day.
 */
export class BenefitReminders {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly directory: OrganisationDirectory,
    private readonly registration: BenefitRegistration,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly logger: Logger,
  ) {}

  async resendPendingApprovals(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (const { unit, benefits, ideas } of await this.everyUnit()) {
      for (const benefit of benefits.filter((b) => approvalReminderDue(b, now))) {
        const claimed = await this.claim(benefit, (current) => (approvalReminderDue(current, now) ? { ...current, approvalRequestedAt: now.toISOString() } : undefined));
        const idea = ideas.get(benefit.ideaNumber);
        if (claimed && idea) sent += await this.registration.askForApproval(claimed, idea, unit, true);
      }
    }
    return sent;
  }

  async sendFollowUps(): Promise<number> {
    const org = await this.directory.snapshot();
    const today = localDate(this.clock.now(), org.settings.timeZone);
    const doneOn = (idea: Idea | undefined) => (idea?.doneAt ? localDate(new Date(idea.doneAt), org.settings.timeZone) : undefined);
    let sent = 0;
    for (const { unit, benefits, ideas } of await this.everyUnit()) {
      for (const benefit of benefits) {
        const idea = ideas.get(benefit.ideaNumber);
        const intervals = org.settings.followUpMonths;
        const allSent = (sent: readonly number[]) => intervals.every((months) => sent.includes(months));
        if (benefit.stage === 'identified' && !benefit.followUpsClosed && allSent(benefit.followUpsSent)) {
          // Every follow-up went out before (or under an older version): it leaves the live set.
          await this.claim(benefit, (current) => (current.followUpsClosed ? undefined : { ...current, followUpsClosed: true }));
          continue;
        }
        const due = followUpsDue(benefit, doneOn(idea), today, intervals);
        if (!due.length || !idea) continue;
        const months = Math.max(...due);
        const claimed = await this.claim(benefit, (current) => {
          const stillDue = followUpsDue(current, doneOn(idea), today, intervals);
          if (!stillDue.length) return undefined;
          const followUpsSent = [...current.followUpsSent, ...stillDue];
          return { ...current, followUpsSent, ...(allSent(followUpsSent) ? { followUpsClosed: true } : {}) };
        });
        if (!claimed) continue;
        try {
          const story = storyOf(claimed, await this.benefits.forIdea(unit.id, idea.number).catch(() => [claimed]));
          await this.notifier.toPerson(claimed.owner.id, { kind: 'followUpDue', benefit: claimed, story, idea, unit, months });
          sent++;
        } catch (error) {
          this.logger.warn({ unitId: unit.id, err: String(error) }, 'could not send a follow-up reminder');
        }
      }
    }
    return sent;
  }

  /** Records the reminder under the ETag; undefined when it is no longer due (someone else sent it). */
  private async claim(benefit: Benefit, next: (current: Benefit) => Benefit | undefined): Promise<Benefit | undefined> {
    let claimed: Benefit | undefined;
    const id = this.ids.next();
    const at = this.clock.now().toISOString();
    await this.benefits.update(
      { unitId: benefit.unitId, ideaNumber: benefit.ideaNumber, id: benefit.id },
      (current) => {
        const changed = next(current);
        claimed = changed ? { ...changed, version: current.version + 1, updatedAt: at, lastChangeId: id } : undefined;
        return claimed ?? current;
      },
      () => ({ at, by: SYSTEM, what: 'benefitReminder', detail: '' }),
    );
    return claimed;
  }

  /**
   * Each unit's live registrations (decisions waiting, follow-ups not over) and the ideas they belong
   * to: one query per unit, then a point read per idea concerned. Bounded by live work.
   */
  private async everyUnit(): Promise<{ unit: Unit; benefits: Benefit[]; ideas: Map<number, Idea> }[]> {
    const org = await this.directory.snapshot();
    return Promise.all(
      org.units.map(async (unit) => {
        const benefits = await this.benefits.live(unit.id);
        const numbers = [...new Set(benefits.map((b) => b.ideaNumber))];
        const ideas = await Promise.all(numbers.map((number) => this.ideas.get(unit.id, number)));
        return { unit, benefits, ideas: new Map(ideas.flatMap((idea) => (idea ? [[idea.number, idea] as const] : []))) };
      }),
    );
  }
}
