/** Checking a folder of consecutive issues: numbering gaps, date order and items carried over. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { runCheck } from '../../src/cli/check.js';

const DIR = path.resolve('test/check/fixtures/folder');

afterEach(() => vi.restoreAllMocks());

async function check(inputs: string[]): Promise<{ code: number; rows: { file: string; line: number; column: number; rule: string; severity: string }[] }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await runCheck(inputs, { lang: 'en', format: 'json' });
  vi.restoreAllMocks();
  const parsed = JSON.parse(out) as unknown;
  const rows = (Array.isArray(parsed) ? parsed : (parsed as { diagnostics: unknown[] }).diagnostics) as { file: string; line: number; column: number; rule: string; severity: string }[];
  return { code, rows: rows.map((r) => ({ file: path.basename(r.file), line: r.line, column: r.column, rule: r.rule, severity: r.severity })) };
}

describe('a folder of consecutive issues', () => {
  it('reports the gap in numbering at the later file, a date not after the previous issue, and a carried-over item', async () => {
    const { code, rows } = await check([DIR]);
    expect(code).toBe(1);
    expect(rows).toEqual([
      { file: 'gusu-021.yaml', line: 12, column: 16, rule: 'item-repeated', severity: 'error' },
      { file: 'gusu-023.yaml', line: 1, column: 9, rule: 'issue-number-sequence', severity: 'error' },
      { file: 'gusu-023.yaml', line: 2, column: 13, rule: 'year-number-sequence', severity: 'error' },
      { file: 'gusu-023.yaml', line: 3, column: 7, rule: 'date-order', severity: 'error' },
    ]);
  });

  it('files given in any order are sorted by number; two consecutive issues are clean', async () => {
    const { code, rows } = await check([path.join(DIR, 'gusu-021.yaml'), path.join(DIR, 'gusu-020.yaml')]);
    expect(rows.map((r) => r.rule)).toEqual(['item-repeated']);
    expect(code).toBe(1);
    expect((await check([path.join(DIR, 'gusu-020.yaml')])).rows).toEqual([]);
  });
});
