/**
 * Today's date for `new`, `init`, `check` (dates in the future) and `build --strict`: BULLETIN_TODAY=YYYY-MM-DD pins
 * it (tests, or preparing an issue ahead). A value that is not a real day is an error every command prints the
 * same way (`message`), never silently the clock's day.
 */
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { parseDate } from './dates.js';
import type { IssueDate } from './model.js';

/** A calendar day (the issue model's date). */
export type Day = IssueDate;

export function dayOf(date: Date): Day {
  const year = date.getFullYear();
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return { year, month, day, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** BULLETIN_TODAY is set but is not a real day: `error` is the value, `message` says so (zh/en, one line). */
export interface TodayError {
  error: string;
  message: Message;
}

/** The local calendar day (the editor's, not UTC), unless BULLETIN_TODAY says otherwise. */
export function today(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Day | TodayError {
  const pinned = env.BULLETIN_TODAY;
  if (pinned === undefined || pinned === '') return dayOf(now());
  return (
    parseDate(pinned.trim()) ?? {
      error: pinned,
      message: msg(
        `环境变量 BULLETIN_TODAY=${pinned} 不是有效日期，应写成 YYYY-MM-DD（如 2026-05-21），或者不设置（用今天的日期）`,
        `the environment variable BULLETIN_TODAY=${pinned} is not a valid date; write YYYY-MM-DD (e.g. 2026-05-21), or unset it to use today`,
      ),
    }
  );
}

/**
 * "Today" for the editorial rules (`check`, `build --strict`): noon of the pinned day, nothing when BULLETIN_TODAY
 * is not set (the rules use the clock), or the error to print (and exit 2) when it is set to something else.
 */
export function pinnedToday(env: NodeJS.ProcessEnv = process.env): { today?: Date } | TodayError {
  if (!env.BULLETIN_TODAY) return {};
  const d = today(env);
  return 'error' in d ? d : { today: new Date(d.year, d.month - 1, d.day, 12) };
}
