/**
 * Mutation fuzzing of the examples: byte flips, truncation, deleted/duplicated/swapped lines, duplicated keys,
 * tabs, aliases, re-indented lines, odd values and odd characters. Each case runs load + validate + model, the
 * editorial rules and their fixes in memory; the cases that load whose index is a multiple of `buildEvery` is also built to PDF and read back
 * with pdftotext to count lost characters.
 *
 * A crash is an exception escaping, or a diagnostic that is not well formed (no line:column inside the file, or
 * the loader's "internal" catch-all, or a rule that threw). A hang is a case over `slowMs` (inline), or one the
 * worker had to be killed for (`npm run fuzz`, which runs cases in worker threads with a hard timeout).
 *
 *   npm run fuzz -- --cases 10000 [--seed N] [--build-every 4] [--workers 2] [--timeout 10000]
 *
 * Cases are a pure function of (seed, index), so a failing case can be replayed with `--only INDEX`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { fixSource } from '../../src/check/fix.js';
import { checkIssue } from '../../src/check/run.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { lostCharacters } from '../robustness/gen.js';
import { wellFormed } from '../robustness/wellformed.js';

// ---------------------------------------------------------------- the corpus

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, from test/fuzz/ or from the compiled copy in node_modules/.cache/bulletin-fuzz/test/fuzz/. */
function repoRoot(): string {
  let dir = here;
  for (let i = 0; i < 8; i++) {
    try {
      readFileSync(path.join(dir, 'examples', 'gusu-022.yaml'));
      return dir;
    } catch {
      dir = path.dirname(dir);
    }
  }
  throw new Error('examples/ not found above ' + here);
}

interface Seed {
  issue: string;
  series: string;
}

function corpus(): Seed[] {
  const ex = path.join(repoRoot(), 'examples');
  const read = (p: string) => readFileSync(path.join(ex, p), 'utf8');
  const gusu = { issue: read('gusu-022.yaml'), series: read('../test/fixtures/gusu.series.yaml') };
  const demoSeries = read('demo/bulletin.series.yaml');
  return [gusu, { issue: read('demo/pingjiang-005.yaml'), series: demoSeries }, { issue: read('demo/pingjiang-006.yaml'), series: demoSeries }];
}

// ---------------------------------------------------------------- mutations

/** mulberry32: small, fast, seedable. */
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
const choose = <T>(r: Rand, a: readonly T[]): T => a[int(r, a.length)]!;

const ODD_VALUES = ['', '[]', '{}', '~', 'null', '-1', '0', '1e309', '0x10', '.nan', 'true', '"', "'", '|', '>', '|-', '[', '{', '- ', '!!binary aGk=', '!foo x', '2026-02-30', '2026-13-01', '99999999999999999999', '&a x', '*a', '*nope', '<<: *a', '? x', '"\\uD800"', '"\\x00"', '%YAML 1.2', '---', '...', '#', '@x', '`x', '\u3000', '"\u202e"'];
const ODD_CHARS = ['\t', ':', '-', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ',', '[', ']', '{', '}', '?', ' ', '\n', '\r', '\u00a0', '\u3000', '\ufeff', '\u200b', '\u202e', '\u0301', '𠀀', '😀', '：', '，', '\u0085', '\u2028'];

const MUTATIONS: Record<string, (r: Rand, lines: string[], bytes: Buffer) => string[] | Buffer> = {
  flipBit: (r, _l, b) => {
    const c = Buffer.from(b);
    const i = int(r, c.length);
    if (c.length) c[i] = c[i]! ^ (1 << int(r, 8));
    return c;
  },
  setByte: (r, _l, b) => {
    const c = Buffer.from(b);
    if (c.length) c[int(r, c.length)] = choose(r, [0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x27, 0x3a, 0x2d, 0x23, 0x26, 0x2a, 0x7c, 0x3e, 0x5b, 0x7b, 0x80, 0xbf, 0xc0, 0xe4, 0xef, 0xff]);
    return c;
  },
  truncate: (r, _l, b) => b.subarray(0, int(r, b.length + 1)),
  deleteLine: (r, l) => l.filter((_, i) => i !== int(r, l.length)),
  deleteLines: (r, l) => {
    const at = int(r, l.length);
    return [...l.slice(0, at), ...l.slice(at + 1 + int(r, 6))];
  },
  duplicateLine: (r, l) => {
    const at = int(r, l.length);
    return [...l.slice(0, at + 1), l[at] ?? '', ...l.slice(at + 1)];
  },
  duplicateKey: (r, l) => {
    const keys = l.map((s, i) => [s, i] as const).filter(([s]) => /^\s*(- )?[A-Za-z]+:/.test(s));
    if (!keys.length) return l;
    const [s, i] = choose(r, keys);
    const copy = s.replace(/^(\s*)- /, '$1  ');
    return [...l.slice(0, i + 1), copy, ...l.slice(i + 1)];
  },
  swapLines: (r, l) => {
    const c = [...l];
    const i = int(r, c.length);
    const j = r() < 0.5 ? Math.min(c.length - 1, i + 1) : int(r, c.length);
    [c[i], c[j]] = [c[j]!, c[i]!];
    return c;
  },
  insertTab: (r, l) => {
    const c = [...l];
    const i = int(r, c.length);
    const s = c[i] ?? '';
    const at = r() < 0.6 ? 0 : int(r, s.length + 1);
    c[i] = s.slice(0, at) + '\t' + s.slice(at);
    return c;
  },
  reindent: (r, l) => {
    const c = [...l];
    const i = int(r, c.length);
    const d = choose(r, [-4, -2, -1, 1, 2, 3, 4]);
    c[i] = d > 0 ? ' '.repeat(d) + (c[i] ?? '') : (c[i] ?? '').replace(new RegExp(`^ {0,${-d}}`), '');
    return c;
  },
  oddValue: (r, l) => {
    const c = [...l];
    const keyed = c.map((s, i) => [s, i] as const).filter(([s]) => /:( |$)/.test(s));
    if (!keyed.length) return c;
    const [s, i] = choose(r, keyed);
    c[i] = s.replace(/:( .*)?$/, `: ${choose(r, ODD_VALUES)}`);
    return c;
  },
  insertChars: (r, l) => {
    const c = [...l];
    const i = int(r, c.length);
    const s = c[i] ?? '';
    const at = int(r, s.length + 1);
    c[i] = s.slice(0, at) + Array.from({ length: 1 + int(r, 3) }, () => choose(r, ODD_CHARS)).join('') + s.slice(at);
    return c;
  },
  alias: (r, l) => {
    const c = [...l];
    const keyed = c.map((s, i) => [s, i] as const).filter(([s]) => /: ./.test(s));
    if (keyed.length < 2) return c;
    const [a, i] = choose(r, keyed);
    const [b, j] = choose(r, keyed);
    c[i] = a.replace(/: /, ': &x ');
    c[j] = (c[j] ?? b).replace(/: .*$/, r() < 0.8 ? ': *x' : ': *y');
    return c;
  },
  aliasBomb: (_r, l) => [
    ...l,
    'bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]',
    'bomb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]',
    'bomb2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]',
    'bomb3: &b3 [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2]',
  ],
  nest: (r, l) => {
    const c = [...l];
    const n = 1 + int(r, 200);
    c.splice(int(r, c.length + 1), 0, `deep: ${'['.repeat(n)}${r() < 0.5 ? ']'.repeat(n) : ''}`);
    return c;
  },
  duplicateBlock: (r, l) => {
    const at = int(r, l.length);
    const len = 1 + int(r, 10);
    return [...l.slice(0, at + len), ...l.slice(at, at + len), ...l.slice(at + len)];
  },
  crlf: (_r, l) => l.map((s) => s + '\r'),
};
const NAMES = Object.keys(MUTATIONS);

export interface FuzzCase {
  index: number;
  mutations: string[];
  /** Which file was mutated (the other is the example's own). */
  target: 'issue' | 'series';
  issue: Buffer;
  series: Buffer;
}

export function makeCase(seed: number, index: number, seeds: Seed[] = corpus()): FuzzCase {
  const r = rng(seed * 1_000_003 + index);
  const s = choose(r, seeds);
  const target = r() < 0.85 ? 'issue' : 'series';
  let bytes: Buffer = Buffer.from(target === 'issue' ? s.issue : s.series, 'utf8');
  const mutations: string[] = [];
  const n = 1 + int(r, 3);
  for (let k = 0; k < n; k++) {
    const name = choose(r, NAMES);
    mutations.push(name);
    const out = MUTATIONS[name]!(r, bytes.toString('utf8').split('\n'), bytes);
    bytes = Buffer.isBuffer(out) ? out : Buffer.from(out.join('\n'), 'utf8');
  }
  return {
    index,
    mutations,
    target,
    issue: target === 'issue' ? bytes : Buffer.from(s.issue, 'utf8'),
    series: target === 'series' ? bytes : Buffer.from(s.series, 'utf8'),
  };
}

// ---------------------------------------------------------------- one case

export interface CaseResult {
  index: number;
  mutations: string[];
  ms: number;
  loaded: boolean;
  built: boolean;
  /** Why the case counts as a crash (undefined: fine). */
  crash?: string;
  lost: string[];
}

const TODAY = new Date(Date.UTC(2026, 5, 1));

/** Lines in a file as the diagnostics count them (a diagnostic may point just past the last line). */
function lineCount(bytes: Buffer): number {
  return bytes.toString('utf8').split('\n').length + 1;
}

function located(d: Diagnostic, files: Map<string, Buffer>): string | undefined {
  if (!wellFormed(d)) return `malformed diagnostic ${JSON.stringify(d)}`;
  const bytes = files.get(d.file);
  if (bytes && d.line > lineCount(bytes)) return `diagnostic past the end of the file (${d.line} > ${lineCount(bytes)}): ${JSON.stringify(d)}`;
  return undefined;
}

/** The issue's own text, in reading order, that must reach the PDF. */
function issueText(issue: Issue): string {
  const s = issue.series;
  return [
    s.name,
    ...issue.sections.flatMap((sec) => [sec.label, ...sec.items.flatMap((it) => [it.note?.text ?? '', it.title?.text ?? '', ...it.paragraphs.map((p) => p.text), it.source?.text ?? ''])]),
  ].join('');
}

export async function runCase(c: FuzzCase, dir: string, build: boolean): Promise<CaseResult> {
  const started = performance.now();
  const result: CaseResult = { index: c.index, mutations: c.mutations, ms: 0, loaded: false, built: false, lost: [] };
  const issueFile = path.join(dir, 'issue.yaml');
  const seriesFile = path.join(dir, 'bulletin.series.yaml');
  writeFileSync(issueFile, c.issue);
  writeFileSync(seriesFile, c.series);
  const files = new Map([
    [issueFile, c.issue],
    [seriesFile, c.series],
  ]);
  try {
    const loaded = await loadIssue(issueFile);
    for (const d of loaded.diagnostics) result.crash ??= located(d, files);
    if (loaded.issue && !result.crash) {
      result.loaded = true;
      const checked = checkIssue(loaded.issue, loaded.sources, { today: TODAY });
      for (const d of checked.diagnostics) result.crash ??= located(d, files);
      const source = c.issue.toString('utf8');
      fixSource(source, checked.fixes.filter((f) => f.file === issueFile));
      if (build && !result.crash) {
        const out = path.join(dir, 'issue.pdf');
        const r = await buildIssue(issueFile, { output: out, allowMissingGlyphs: true, env: { SOURCE_DATE_EPOCH: '0' } });
        for (const d of r.diagnostics) result.crash ??= located(d, files);
        if (r.ok) {
          result.built = true;
          const missing = new Set(r.diagnostics.filter((d) => d.rule === 'font-missing-glyph').map((d) => /"(.+)" \(U\+/su.exec(d.message.en)?.[1] ?? ''));
          const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
          result.lost = lostCharacters(issueText(loaded.issue), text, missing);
          rmSync(out, { force: true });
        }
      }
    }
  } catch (e) {
    result.crash = `exception: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  result.ms = performance.now() - started;
  return result;
}

// ---------------------------------------------------------------- the run

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Build the cases that load whose index is a multiple of this (0: never). */
  buildEvery: number;
  /** A case slower than this counts as a hang. */
  slowMs: number;
  /** Worker threads (0: inline, in this thread). */
  workers: number;
  /** Hard per-case timeout in worker mode: the worker is killed and the case is a hang. */
  timeoutMs: number;
  only?: number;
  log?: (line: string) => void;
}

export interface FuzzSummary {
  cases: number;
  crashes: number;
  hangs: number;
  lost: number;
  loaded: number;
  built: number;
  failures: { index: number; mutations: string[]; why: string; saved?: string }[];
  ms: number;
}

export const DEFAULTS: FuzzOptions = { cases: 300, seed: 1, buildEvery: 4, slowMs: 2000, workers: 0, timeoutMs: 10_000 };

export function summaryLine(s: FuzzSummary, seed: number): string {
  return `fuzz: cases=${s.cases} crashes=${s.crashes} hangs=${s.hangs} lost-characters=${s.lost} (loaded=${s.loaded} built=${s.built} seed=${seed} ${(s.ms / 1000).toFixed(1)}s)`;
}

function saveFailure(c: FuzzCase, why: string): string {
  const dir = path.join(tmpdir(), 'bulletin-fuzz-failures', String(c.index));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'issue.yaml'), c.issue);
  writeFileSync(path.join(dir, 'bulletin.series.yaml'), c.series);
  writeFileSync(path.join(dir, 'why.txt'), `${c.mutations.join(' ')}\n${why}\n`);
  return dir;
}

export async function runFuzz(partial: Partial<FuzzOptions> = {}): Promise<FuzzSummary> {
  const o = { ...DEFAULTS, ...partial };
  const seeds = corpus();
  const started = performance.now();
  const s: FuzzSummary = { cases: 0, crashes: 0, hangs: 0, lost: 0, loaded: 0, built: 0, failures: [], ms: 0 };
  const indices = o.only !== undefined ? [o.only] : Array.from({ length: o.cases }, (_, i) => i);
  const record = (c: FuzzCase, r: CaseResult | 'timeout') => {
    s.cases++;
    if (r === 'timeout') {
      s.hangs++;
      s.failures.push({ index: c.index, mutations: c.mutations, why: `hang: killed after ${o.timeoutMs} ms`, saved: saveFailure(c, 'hang') });
      return;
    }
    if (r.loaded) s.loaded++;
    if (r.built) s.built++;
    s.lost += r.lost.length;
    let why = r.crash;
    if (!why && r.ms > o.slowMs) {
      s.hangs++;
      why = `hang: ${Math.round(r.ms)} ms`;
    } else if (why) s.crashes++;
    if (!why && r.lost.length) why = `lost characters: ${JSON.stringify(r.lost.join(''))}`;
    if (why) s.failures.push({ index: c.index, mutations: c.mutations, why, saved: saveFailure(c, why) });
    if (o.log && s.cases % 1000 === 0) o.log(summaryLine({ ...s, ms: performance.now() - started }, o.seed));
  };
  // Deterministic per index, so the same seed builds the same cases (only those that load are built).
  const shouldBuild = (i: number) => o.buildEvery > 0 && i % o.buildEvery === 0;

  if (o.workers <= 0) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-fuzz-'));
    try {
      for (const i of indices) {
        const c = makeCase(o.seed, i, seeds);
        record(c, await runCase(c, dir, shouldBuild(i)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    let next = 0;
    const lane = async (): Promise<void> => {
      let worker: Worker | undefined;
      const spawn = () => new Worker(fileURLToPath(import.meta.url), { workerData: { seed: o.seed } });
      try {
        while (next < indices.length) {
          const i = indices[next++]!;
          worker ??= spawn();
          const w = worker;
          const r = await new Promise<CaseResult | 'timeout'>((resolve, reject) => {
            const timer = setTimeout(() => resolve('timeout'), o.timeoutMs);
            const done = (v: CaseResult) => {
              clearTimeout(timer);
              w.off('error', fail);
              resolve(v);
            };
            const fail = (e: Error) => {
              clearTimeout(timer);
              w.off('message', done);
              reject(e);
            };
            w.once('message', done);
            w.once('error', fail);
            w.postMessage({ index: i, build: shouldBuild(i) });
          }).catch((e: Error): CaseResult => {
            worker = undefined;
            return { index: i, mutations: [], ms: 0, loaded: false, built: false, lost: [], crash: `worker died: ${e.stack ?? e.message}` };
          });
          if (r === 'timeout') {
            await w.terminate();
            worker = undefined;
          }
          record(makeCase(o.seed, i, seeds), r);
        }
      } finally {
        await worker?.terminate();
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.workers, indices.length) }, lane));
  }
  s.ms = performance.now() - started;
  return s;
}

// ---------------------------------------------------------------- entry points

function workerMain(): void {
  const seeds = corpus();
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-fuzz-w-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  parentPort!.on('message', (m: { index: number; build: boolean }) => {
    const c = makeCase((workerData as { seed: number }).seed, m.index, seeds);
    void runCase(c, dir, m.build).then((r) => parentPort!.postMessage(r));
  });
}

function parseArgs(argv: string[]): Partial<FuzzOptions> {
  const o: Partial<FuzzOptions> = { workers: 2 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    const num = () => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${argv[i]} needs a number`);
      i++;
      return n;
    };
    switch (argv[i]) {
      case '--cases': o.cases = num(); break;
      case '--seed': o.seed = num(); break;
      case '--build-every': o.buildEvery = num(); break;
      case '--workers': o.workers = num(); break;
      case '--timeout': o.timeoutMs = num(); break;
      case '--slow': o.slowMs = num(); break;
      case '--only': o.only = num(); break;
      default: throw new Error(`unknown option ${argv[i]} (use --cases N --seed N --build-every N --workers N --timeout MS --slow MS --only INDEX)`);
    }
  }
  return o;
}

/** `npm run fuzz` (test/fuzz/run.mjs compiles this file and calls it). */
export async function cliMain(): Promise<void> {
  const opts = { ...DEFAULTS, ...parseArgs(process.argv.slice(2)), log: (l: string) => process.stderr.write(l + '\n') };
  const s = await runFuzz(opts);
  for (const f of s.failures.slice(0, 20)) process.stderr.write(`case ${f.index} [${f.mutations.join(' ')}]: ${f.why.split('\n').slice(0, 6).join('\n  ')}\n  saved in ${f.saved}\n`);
  process.stdout.write(summaryLine(s, opts.seed) + '\n');
  process.exitCode = s.crashes + s.hangs + s.lost > 0 ? 1 : 0;
}

if (!isMainThread && (workerData as { seed?: number } | null)?.seed !== undefined) workerMain();
