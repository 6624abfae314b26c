/**
 * Fuzzing of font files (issue 11, item 2): a real TrueType font (the npm stand-in Noto Serif SC) damaged by byte
 * flips (anywhere, or in the tables before the outlines), truncation, bad table offsets and lengths, renamed or
 * zeroed tables, wrong glyph counts, or replaced by random bytes — then put where an editor would put it: dropped
 * in fonts/ as simfang.ttf (the resolver finds it), or named by path in the series file's `fonts:`.
 *
 * Each case runs `bulletin fonts`, `bulletin check` and `bulletin build` on a small issue, in-process, and fails
 * when any exits 70 or prints a stack trace, when build exits with anything but 0 or 1, when `fonts` or `check`
 * names the file as unusable and `build` does not, or when build's exit code does not follow from it (a damaged
 * file found in fonts/: skipped with a warning, exit 0; one named by path: exit 1).
 *
 *   npm run fuzz -- --fonts 500 [--seed N]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/index.js';
import { clearFontCache } from '../../src/fonts/cache.js';

const require = createRequire(import.meta.url);
const NOTO = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

/** A stack trace, or the CLI's last-resort internal-error line. */
const STACK = /^\s+at .+[:(].*\d+:\d+\)?$|内部错误|internal error/m;

const ISSUE = `number: 1
date: 2026-05-21
sections:
  - label: 动态
    items:
      - title: 区发改局召开一季度重点项目推进会
        body: 会议通报了 1—2 月全区重点项目建设情况，AED 覆盖 10 家单位，满意度 90% 以上。
        source: 区发改局
`;
const SERIES = `name: 测试信息
offices: [测试办公室]
`;

/** mulberry32, as in fuzz.ts: cases are a pure function of (seed, index). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);

interface Table {
  rec: number;
  tag: string;
  offset: number;
  length: number;
}
/** The table records that fit in the file, their tables clipped to it (a file already cut short has fewer). */
function tablesOf(b: Buffer): Table[] {
  const n = b.length >= 6 ? b.readUInt16BE(4) : 0;
  const out: Table[] = [];
  for (let i = 0; i < n && 12 + 16 * (i + 1) <= b.length; i++) {
    const rec = 12 + 16 * i;
    const offset = Math.min(b.readUInt32BE(rec + 8), b.length);
    out.push({ rec, tag: b.toString('latin1', rec, rec + 4), offset, length: Math.min(b.readUInt32BE(rec + 12), b.length - offset) });
  }
  return out;
}

const MUTATIONS: Record<string, (r: Rand, b: Buffer) => Buffer> = {
  flipAnywhere: (r, b) => {
    for (let k = 1 + int(r, 200); k > 0; k--) b[int(r, b.length)] = int(r, 256);
    return b;
  },
  flipTables: (r, b) => {
    // Everything before the outlines: directory, cmap, hmtx, loca, OS/2, name… (glyf is the last table here).
    const end = Math.min(b.length, tablesOf(b).find((t) => t.tag === 'glyf')?.offset ?? b.length);
    for (let k = 1 + int(r, 20); k > 0; k--) b[int(r, end)] = int(r, 256);
    return b;
  },
  flipOneTable: (r, b) => {
    const ts = tablesOf(b).filter((t) => t.tag !== 'glyf' && t.length > 0);
    const t = ts[int(r, ts.length)];
    if (!t) return b;
    for (let k = 1 + int(r, 8); k > 0; k--) b[t.offset + int(r, t.length)] = int(r, 256);
    return b;
  },
  truncate: (r, b) => b.subarray(0, r() < 0.2 ? int(r, 64) : int(r, b.length)),
  badOffset: (r, b) => {
    const ts = tablesOf(b);
    const t = ts[int(r, ts.length)];
    if (!t) return b;
    const field = r() < 0.5 ? 8 : 12;
    const v = r() < 0.5 ? int(r, 2 ** 32) : Math.max(0, b.readUInt32BE(t.rec + field) + int(r, 2001) - 1000);
    b.writeUInt32BE(v >>> 0, t.rec + field);
    return b;
  },
  renameTable: (r, b) => {
    const ts = tablesOf(b);
    if (ts.length) b.write('xxxx', ts[int(r, ts.length)]!.rec, 'latin1');
    return b;
  },
  zeroTable: (r, b) => {
    const ts = tablesOf(b).filter((t) => t.tag !== 'glyf');
    const t = ts[int(r, ts.length)];
    if (t) b.fill(0, t.offset, t.offset + t.length);
    return b;
  },
  glyphCount: (r, b) => {
    const t = tablesOf(b).find((x) => x.tag === (r() < 0.5 ? 'maxp' : 'hhea'));
    const at = t ? t.offset + (t.tag === 'maxp' ? 4 : 34) : -1;
    if (t && at + 2 <= b.length) b.writeUInt16BE(int(r, 65536), at);
    return b;
  },
  randomBytes: (r) => {
    const b = Buffer.alloc(16 + int(r, 8192));
    for (let i = 0; i < b.length; i++) b[i] = int(r, 256);
    if (r() < 0.5) b.writeUInt32BE(0x00010000, 0); // looks like TrueType at first sight
    return b;
  },
};
const NAMES = Object.keys(MUTATIONS);

export interface FontCase {
  index: number;
  mutations: string[];
  /** `found`: fonts/simfang.ttf beside the issue; `configured`: named by path in the series `fonts:`. */
  placement: 'found' | 'configured';
  bytes: Buffer;
}

let original: Buffer | undefined;
export function makeFontCase(seed: number, index: number): FontCase {
  original ??= readFileSync(NOTO);
  const r = rng(seed * 7_919 + index * 104_729 + 1);
  let bytes: Buffer = Buffer.from(original);
  const mutations: string[] = [];
  for (let k = 1 + int(r, 2); k > 0; k--) {
    const name = NAMES[int(r, NAMES.length)]!;
    mutations.push(name);
    bytes = MUTATIONS[name]!(r, bytes);
  }
  return { index, mutations, placement: r() < 0.6 ? 'found' : 'configured', bytes };
}

interface Run {
  code: number;
  out: string;
}

/** `bulletin ARGS…` in this process, with what it prints captured (works in vitest and in the plain fuzz runner). */
async function cli(args: string[]): Promise<Run> {
  let out = '';
  const write = (chunk: string | Uint8Array) => ((out += String(chunk)), true);
  const o = process.stdout.write;
  const e = process.stderr.write;
  process.stdout.write = write as typeof process.stdout.write;
  process.stderr.write = write as typeof process.stderr.write;
  try {
    return { code: await main(['node', 'bulletin', '--lang', 'en', ...args]), out };
  } catch (err) {
    return { code: 70, out: `${out}\nthrown: ${err instanceof Error ? err.stack : String(err)}` };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

export interface FontCaseResult {
  index: number;
  mutations: string[];
  placement: FontCase['placement'];
  codes: { fonts: number; check: number; build: number };
  /** Which commands named the font file as unusable. */
  named: { fonts: boolean; check: boolean; build: boolean };
  /** Why the case fails (undefined: fine). */
  failure?: string;
}

export async function runFontCase(c: FontCase, root: string): Promise<FontCaseResult> {
  const dir = path.join(root, `case-${c.index}`);
  mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  const fontName = c.placement === 'found' ? 'simfang.ttf' : 'damaged.ttf';
  writeFileSync(path.join(dir, 'fonts', fontName), c.bytes);
  writeFileSync(path.join(dir, 'bulletin.series.yaml'), SERIES + (c.placement === 'configured' ? 'fonts:\n  body: [fonts/damaged.ttf]\n' : ''));
  const issue = path.join(dir, 'issue.yaml');
  writeFileSync(issue, ISSUE);
  // Every case starts from nothing: the cache must not answer for an earlier case's file.
  clearFontCache();
  const fonts = await cli(['fonts', issue]);
  const check = await cli(['check', issue]);
  const build = await cli(['build', issue, '-o', path.join(dir, 'out.pdf')]);
  const names = (r: Run) => r.out.includes(fontName) && /not a usable font file|cannot be used|not usable/.test(r.out);
  const result: FontCaseResult = {
    index: c.index,
    mutations: c.mutations,
    placement: c.placement,
    codes: { fonts: fonts.code, check: check.code, build: build.code },
    named: { fonts: names(fonts), check: names(check), build: names(build) },
  };
  const why: string[] = [];
  for (const [cmd, r] of [['fonts', fonts], ['check', check], ['build', build]] as const) {
    if (r.code === 70 || STACK.test(r.out)) why.push(`${cmd} crashed (exit ${r.code}): ${r.out.slice(0, 600)}`);
  }
  if (![0, 1].includes(build.code)) why.push(`build exit ${build.code}: ${build.out.slice(0, 400)}`);
  if ((result.named.fonts || result.named.check) && !result.named.build) why.push(`fonts/check name the file but build does not: ${build.out.slice(0, 400)}`);
  if (result.named.build && build.code !== (c.placement === 'configured' ? 1 : 0)) why.push(`build named the file but exited ${build.code}: ${build.out.slice(0, 400)}`);
  if (why.length) result.failure = why.join('\n');
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export interface FontFuzzSummary {
  cases: number;
  failures: FontCaseResult[];
  /** Cases in which the damage was found up front (named by fonts and check too) or only by build. */
  named: { upFront: number; buildOnly: number; none: number };
  ms: number;
}

export async function runFontFuzz(o: { cases: number; seed: number; log?: (line: string) => void }): Promise<FontFuzzSummary> {
  const started = performance.now();
  const root = mkdtempSync(path.join(tmpdir(), 'bulletin-font-fuzz-'));
  const s: FontFuzzSummary = { cases: 0, failures: [], named: { upFront: 0, buildOnly: 0, none: 0 }, ms: 0 };
  try {
    for (let i = 0; i < o.cases; i++) {
      const r = await runFontCase(makeFontCase(o.seed, i), root);
      s.cases++;
      if (r.failure) s.failures.push(r);
      if (r.named.fonts && r.named.check) s.named.upFront++;
      else if (r.named.build) s.named.buildOnly++;
      else s.named.none++;
      if (o.log && s.cases % 50 === 0) o.log(fontSummaryLine({ ...s, ms: performance.now() - started }, o.seed));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    clearFontCache();
  }
  s.ms = performance.now() - started;
  return s;
}

export function fontSummaryLine(s: FontFuzzSummary, seed: number): string {
  return `font-fuzz: cases=${s.cases} failures=${s.failures.length} damaged-found-up-front=${s.named.upFront} found-by-build-only=${s.named.buildOnly} not-found=${s.named.none} (seed=${seed} ${(s.ms / 1000).toFixed(1)}s)`;
}

/** `npm run fuzz -- --fonts N [--seed N]` (test/fuzz/run.mjs). */
export async function fontCliMain(argv: string[]): Promise<void> {
  const at = (flag: string, dflt: number) => {
    const i = argv.indexOf(flag);
    const n = i >= 0 ? Number(argv[i + 1]) : dflt;
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
    return n;
  };
  const seed = at('--seed', 1);
  const s = await runFontFuzz({ cases: at('--fonts', 100), seed, log: (l) => process.stderr.write(l + '\n') });
  for (const f of s.failures.slice(0, 20)) process.stderr.write(`case ${f.index} [${f.mutations.join(' ')}, ${f.placement}]: ${f.failure}\n`);
  process.stdout.write(fontSummaryLine(s, seed) + '\n');
  process.exitCode = s.failures.length > 0 ? 1 : 0;
}
