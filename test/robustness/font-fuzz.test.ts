/** CI's share of the font fuzzing (test/fuzz/font-fuzz.ts; `npm run fuzz -- --fonts N` runs a longer one). */
import { describe, expect, it } from 'vitest';
import { fontSummaryLine, runFontFuzz } from '../fuzz/font-fuzz.js';

describe('damaged font files (small run)', () => {
  it('12 cases: fonts, check and build never exit 70 and agree on which file is damaged', async () => {
    const s = await runFontFuzz({ cases: 12, seed: 7 });
    const line = fontSummaryLine(s, 7);
    expect(s.failures.map((f) => `case ${f.index} [${f.mutations.join(' ')}, ${f.placement}]: ${f.failure!.slice(0, 800)}`), line).toEqual([]);
    expect(s.cases).toBe(12);
    // Not a vacuous run: some of the damage was found and named up front.
    expect(s.named.upFront, line).toBeGreaterThan(2);
  }, 120_000);
});
