import { composeServices } from './composition';
import { localDate } from './domain/dates';
import { Logger } from './ports/logger';
import { silentNotifier } from './ports/notifier';
import { publicHolidays } from './scheduler/holidays';
import { DemoHistory, StoryClock } from './services/demo/demoHistory';
import { DEMO_UNITS, UnitKey } from './services/demo/demoScript';
import { TableStore } from './storage/tableStore';

/**
 * Writes the local demo's history into a store that has just been given the demo organisation,
 * through a service set of its own: a clock the story moves through the past, a notifier that
 * tells nobody (this all happened already), and change ids that are the same on every run.
 */
export async function seedDemoHistory(store: TableStore, options: { readonly now: Date; readonly logger: Logger }): Promise<number> {
  let at = options.now;
  const clock: StoryClock = { now: () => at, set: (next) => (at = next) };
  let id = 0;
  // Only the story changes the organisation (schedules, which refresh it), so it is read once, not on every jump of the clock.
  const { services } = composeServices(store, { clock, ids: { next: () => `demo-${++id}` }, logger: options.logger, notifier: () => silentNotifier, organisationCacheMs: Number.POSITIVE_INFINITY });
  const { settings } = await services.directory.snapshot();
  const story = { now: options.now, today: localDate(options.now, settings.timeZone), timeZone: settings.timeZone, isHoliday: publicHolidays(settings.country) };
  let steps = 0;
  // One unit after another: storage answers one request at a time, and writing the units side by side made it slower.
  for (const unit of Object.keys(DEMO_UNITS) as UnitKey[]) steps += await new DemoHistory(services, clock, { ...story, unit }).write();
  return steps;
}
