import { pauseInputs } from '../../cards/formInputs';
import { MAX_PAUSES, PAUSE_ORDER, PauseInput, ScheduleInput, pauseField } from '../../domain/scheduleForm';
import { TextKey, t } from '../../i18n';
import { CardData } from './cardData';
import { CardForm } from './cardForm';

/** The schedule form: its card data as a typed schedule, and its problems back next to their inputs. */

const ROWS = Array.from({ length: MAX_PAUSES }, (_, i) => i + 1);
const ENDS = ['from', 'to'] as const satisfies readonly (keyof PauseInput)[];

/** The form's inputs, kept as typed when it comes back with problems. */
export const SCHEDULE_INPUTS = ['weekdays', 'time', ...ROWS.flatMap((n) => ENDS.map((end) => pauseInputs(n)[end]))];

export function scheduleOf(data: CardData): ScheduleInput {
  return {
    weekdays: data.list('weekdays'),
    time: data.text('time'),
    pauses: ROWS.map((n) => ({ from: data.text(pauseInputs(n).from), to: data.text(pauseInputs(n).to) })),
  };
}

function pauseEnd(field: string): { n: number; end: keyof PauseInput } | undefined {
  for (const n of ROWS) {
    const end = ENDS.find((e) => pauseField(n, e) === field);
    if (end) return { n, end };
  }
  return undefined;
}

const LABELS: Readonly<Record<string, TextKey>> = { weekdays: 'schedule.weekdaysLabel', time: 'schedule.timeLabel' };

/** "Time is required.", or "Pause 2 ends before it starts." next to the pause's end. */
export const SCHEDULE_FORM: CardForm = {
  slot: (field) => {
    const pause = pauseEnd(field);
    return pause ? pauseInputs(pause.n)[pause.end] : field;
  },
  label: (locale, field) => {
    const pause = pauseEnd(field);
    if (pause) return t(locale, pause.end === 'from' ? 'schedule.pauseFromLabel' : 'schedule.pauseToLabel', { n: pause.n });
    return LABELS[field] ? t(locale, LABELS[field]) : field;
  },
  message: (locale, issue) => (issue.params?.rule === PAUSE_ORDER ? t(locale, 'schedule.pauseOrder', { n: Number(issue.params.n) }) : undefined),
};
