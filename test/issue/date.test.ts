/** The one date parser (src/issue/dates.ts): the date, BULLETIN_TODAY, the previous issue's date. */
import { describe, expect, it } from 'vitest';
import { impossibleDate, parseDate, readIsoDate } from '../../src/issue/dates.js';

describe('parseDate', () => {
  it('reads a real calendar day, leap years included', () => {
    expect(parseDate('2026-05-21')).toEqual({ year: 2026, month: 5, day: 21, iso: '2026-05-21' });
    expect(parseDate('2024-02-29')).toMatchObject({ month: 2, day: 29 });
    expect(parseDate('2000-02-29')).toMatchObject({ year: 2000 });
  });
  it('refuses a day that does not exist and text that is not YYYY-MM-DD', () => {
    for (const s of ['2026-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-05-00', '2026-5-21', ' 2026-05-21', '2026/05/21', '']) {
      expect(parseDate(s), s).toBeUndefined();
    }
  });
  it('says why a date is not real, in both languages', () => {
    expect(impossibleDate('2026-02-30')).toEqual({ zh: '2026 年 2 月只有 28 天', en: '2026-02 has only 28 days' });
    expect(impossibleDate('2026-13-01')?.zh).toBe('没有 13 月');
    expect(impossibleDate('2026-05-21')).toBeUndefined();
    expect(readIsoDate('21.5.2026')).toBeUndefined();
  });
});
