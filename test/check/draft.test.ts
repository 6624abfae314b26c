/**
 * The reference issue with 21 seeded mistakes (fixtures/draft): each is reported at its line:column under
 * its rule id, nothing else is reported, and `--fix` leaves exactly the mistakes a machine cannot fix.
 * Expected positions are found by searching the fixture's text, independently of the loader's source map.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadIssue } from '../../src/issue/load.js';
import { checkIssues } from '../../src/check/run.js';
import { applyFixes } from '../../src/check/fix.js';
import { runCheck } from '../../src/cli/check.js';

const FIXTURE_DIR = path.resolve('test/check/fixtures/draft');
const DRAFT = path.join(FIXTURE_DIR, 'gusu-022-draft.yaml');
const today = new Date(2026, 4, 25, 12);
/** Stands in for fonts without CJK Extension B: every astral character is missing. */
const coverage = (_role: string, text: string) => [...text.matchAll(/[\u{10000}-\u{10FFFF}]/gu)].map((m) => m.index);

interface Seeded {
  rule: string;
  /** A unique string in the fixture (or its `nth` occurrence) and the offset of the reported character in it. */
  needle: string;
  at: number;
  nth?: number;
  fixable: boolean;
  severity?: 'error' | 'warning';
}

const SEEDED: Seeded[] = [
  { rule: 'date-future', needle: '2026-05-31', at: 0, fixable: false },
  { rule: 'punct-halfwidth', needle: '强引领,明方向', at: 3, fixable: true },
  { rule: 'fullwidth-alnum', needle: '立项１２个', at: 2, fixable: true },
  { rule: 'punct-repeated', needle: '智能，，大数据', at: 2, fixable: true },
  { rule: 'fullwidth-alnum', needle: 'ＯＰＣ', at: 0, fixable: true },
  { rule: 'source-unknown', needle: '区发该局', at: 0, fixable: false, severity: 'warning' },
  { rule: 'title-sentence', needle: '家庭医生服务。筑牢', at: 6, fixable: false },
  // number-spacing is a warning by default; the draft's series file raises it to error.
  { rule: 'number-spacing', needle: '覆盖 10家', at: 5, fixable: false, severity: 'error' },
  { rule: 'title-sentence', needle: '食品安全防护网。\n', at: 7, fixable: true },
  { rule: 'space-in-han', needle: '外卖 配送', at: 2, fixable: true },
  { rule: 'paragraph-end', needle: '后续处置措施\n', at: 5, fixable: false },
  { rule: 'source-missing', needle: '金阊街道“三聚焦”', at: 0, fixable: false },
  { rule: 'bracket-balance', needle: '“新地标’', at: 4, fixable: false },
  { rule: 'title-length', needle: '白洋湾街道多维发力营造“爱读书、读好书、善读书”良好氛围全面推进', at: 40, fixable: false, severity: 'warning' },
  { rule: 'ordinal-sequence', needle: '四是凝聚多方合力', at: 0, fixable: false },
  { rule: 'font-coverage', needle: '𪚥', at: 0, fixable: false },
  { rule: 'punct-halfwidth', needle: '(第一期)', at: 0, fixable: true },
  { rule: 'punct-halfwidth', needle: '"逐梦杯"', at: 0, fixable: true },
  { rule: 'paragraph-end', needle: '向心力，', at: 3, fixable: false },
  { rule: 'title-duplicate', needle: 'title: 区发改局推动金融服务超市姑苏站建设取得较好成效', nth: 1, at: 7, fixable: false },
  { rule: 'bracket-balance', needle: '《人才服务', at: 0, fixable: false },
];

/** What the file must look like after --fix: the fixable mistakes undone, everything else byte for byte. */
const FIXED: [string, string][] = [
  ['强引领,明方向', '强引领，明方向'],
  ['立项１２个', '立项12个'],
  ['智能，，大数据', '智能，大数据'],
  ['“ＯＰＣ+认股权”', '“OPC+认股权”'],
  ['食品安全防护网。\n', '食品安全防护网\n'],
  ['外卖 配送', '外卖配送'],
  ['(第一期)', '（第一期）'],
  ['"逐梦杯"', '“逐梦杯”'],
];

function positionOf(text: string, s: Seeded): string {
  let index = -1;
  for (let k = 0; k <= (s.nth ?? 0); k++) {
    index = text.indexOf(s.needle, index + 1);
    expect(index, `needle ${s.needle}`).toBeGreaterThanOrEqual(0);
  }
  if (s.nth === undefined) expect(text.indexOf(s.needle, index + 1), `needle ${s.needle} is unique`).toBe(-1);
  const offset = index + s.at;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(0, offset).split('\n').length;
  return `${line}:${offset - lineStart + 1}`;
}

async function check(file: string) {
  const loaded = await loadIssue(file);
  expect(loaded.diagnostics).toEqual([]);
  return checkIssues([{ issue: loaded.issue!, sources: loaded.sources }], { today, coverage });
}

const tmpDirs: string[] = [];
async function copyFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulletin-draft-'));
  tmpDirs.push(dir);
  await cp(FIXTURE_DIR, dir, { recursive: true });
  return path.join(dir, path.basename(DRAFT));
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(tmpDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('a draft with 21 seeded mistakes', () => {
  it('reports every one at its line:column under the right rule id, and nothing else', async () => {
    const text = await readFile(DRAFT, 'utf8');
    const { diagnostics } = await check(DRAFT);
    const got = diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.severity}`).sort();
    const want = SEEDED.map((s) => `${s.rule} ${positionOf(text, s)} ${s.severity ?? 'error'}`).sort();
    expect(got).toEqual(want);
    expect(new Set(SEEDED.map((s) => s.rule)).size).toBeGreaterThanOrEqual(15);
    expect(diagnostics.every((d) => d.file === DRAFT && d.message.zh && d.message.en)).toBe(true);
  });

  it('names the missing character and its code point', async () => {
    const { diagnostics } = await check(DRAFT);
    const font = diagnostics.find((d) => d.rule === 'font-coverage')!;
    expect(font.message.zh).toContain('𪚥');
    expect(font.message.en).toContain('U+2A6A5');
  });

  it('after --fix reports only the unfixable ones; the file keeps comments and layout; a second --fix changes nothing', async () => {
    const file = await copyFixture();
    const before = await readFile(file, 'utf8');
    const first = await check(file);
    const outcome = await applyFixes(first.fixes);
    expect(outcome).toMatchObject([{ file, changed: true, skipped: 0 }]);

    const after = await readFile(file, 'utf8');
    let expected = before;
    for (const [from, to] of FIXED) expected = expected.replace(from, to);
    expect(after).toBe(expected);

    const second = await check(file);
    const left = second.diagnostics.map((d) => d.rule).sort();
    expect(left).toEqual(SEEDED.filter((s) => !s.fixable).map((s) => s.rule).sort());
    expect(second.fixes).toEqual([]);
    expect(await applyFixes(second.fixes)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(expected);
  });

  it('bulletin check --fix --format github prints annotations for what is left and exits 1', async () => {
    const file = await copyFixture();
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const code = await runCheck([file], { lang: 'en', format: 'github', fix: true });
    vi.restoreAllMocks();
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines.every((l) => /^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::.+\([a-z-]+\)$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('::warning ') && l.includes('title=source-unknown'))).toBe(true);
    expect(out).not.toContain('punct-halfwidth');
    expect(out).toContain('title=ordinal-sequence');
  });
});
