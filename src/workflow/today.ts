/** Today's date for `new` and `init`: BULLETIN_TODAY=YYYY-MM-DD pins it (tests, or preparing an issue ahead). */
export interface Day {
  year: number;
  month: number;
  day: number;
  iso: string;
}

export function dayOf(date: Date): Day {
  const year = date.getFullYear();
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return { year, month, day, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Parses YYYY-MM-DD strictly (a real calendar day), or undefined. */
export function parseDay(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day, iso: iso.trim() };
}

/** The local calendar day (the editor's, not UTC), unless BULLETIN_TODAY says otherwise. */
export function today(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Day | { error: string } {
  const pinned = env.BULLETIN_TODAY;
  if (pinned === undefined || pinned === '') return dayOf(now());
  return parseDay(pinned) ?? { error: pinned };
}
