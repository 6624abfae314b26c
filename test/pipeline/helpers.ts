/**
 * Reading built PDFs back with the system tools (pdftotext, pdffonts, pdfinfo, mutool) and the shared audit
 * script. A missing tool fails the test with a message that says what to install; nothing is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../fixtures/tmp.js';
import type { Issue } from '../../src/issue/model.js';

export { repoRoot };
export const examples = path.join(repoRoot, 'examples');
export const reference = path.join(examples, 'gusu-022.yaml');
/** Copies of the project's shared audit tool and the reference issue's seed, so the suite runs in any clone. */
export const auditScript = path.join(repoRoot, 'test/fixtures/audit.py');
export const auditSeed = path.join(repoRoot, 'test/fixtures/seed.json');

function tool(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: env ?? process.env });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${cmd} is not installed: run test/setup-system.sh (apt-get install -y poppler-utils mupdf-tools python3)`);
  }
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Text of the whole file (pages separated by \f), or of one page. */
export function pdftotext(pdf: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return tool('pdftotext', ['-enc', 'UTF-8', ...range, pdf, '-']);
}

export interface FontRow {
  name: string;
  type: string;
  emb: string;
  sub: string;
  uni: string;
}

export function pdffonts(pdf: string): FontRow[] {
  const lines = tool('pdffonts', [pdf]).split('\n');
  const header = lines[0]!;
  const col = (h: string) => header.indexOf(h);
  return lines
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => ({
      name: l.split(/\s+/)[0]!,
      type: l.slice(col('type'), col('encoding')).trim(),
      emb: l.slice(col('emb'), col('emb') + 3).trim(),
      sub: l.slice(col('sub'), col('sub') + 3).trim(),
      uni: l.slice(col('uni'), col('uni') + 3).trim(),
    }));
}

export function pdfinfo(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of tool('pdfinfo', ['-isodates', pdf]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** `mutool show FILE PATH…`: objects as mutool prints them. */
export function mutoolShow(pdf: string, ...paths: string[]): string {
  return tool('mutool', ['show', pdf, ...paths]);
}

export interface StextChar {
  c: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Glyph positions per page from `mutool draw -F stext`. */
export function stext(pdf: string): { width: number; height: number; chars: StextChar[] }[] {
  const xml = tool('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', pdf]);
  const pages: { width: number; height: number; chars: StextChar[] }[] = [];
  const decode = (s: string) =>
    s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const page of xml.split('<page ').slice(1)) {
    const w = Number(/width="([\d.]+)"/.exec(page)![1]);
    const h = Number(/height="([\d.]+)"/.exec(page)![1]);
    const chars: StextChar[] = [];
    for (const font of page.split('<font ').slice(1)) {
      const size = Number(/size="([\d.]+)"/.exec(font)![1]);
      for (const m of font.matchAll(/<char quad="([^"]+)" x="[^"]+" y="([^"]+)"[^>]*? c="([^"]*)"\/>/g)) {
        const q = m[1]!.split(' ').map(Number);
        chars.push({ c: decode(m[3]!), x0: q[0]!, x1: q[2]!, y: Number(m[2]), size });
      }
    }
    pages.push({ width: w, height: h, chars });
  }
  return pages;
}

export interface Audit {
  pages: number;
  page_mm: [number, number];
  body_size_pt: number;
  body_lines_per_page: number[];
  line_pitch_pt: number;
  chars_per_full_line: number;
  full_lines: number;
  ragged_lines: number;
  ragged_examples: string[];
  kinsoku_violations: number;
  kinsoku_examples: string[];
  page_numbers_ok: number;
  page_numbers_sides: string;
  masthead_colors: string[];
  fonts: string[];
  fonts_not_embedded: string[];
  fidelity?: number;
  seed_han_chars?: number;
}

/** test/fixtures/audit.py FILE --seed seed.json --json (a copy of ../shared/tools/audit.py). */
export function audit(pdf: string): Audit {
  if (!existsSync(auditScript) || !existsSync(auditSeed)) {
    throw new Error(`the audit tool is missing: expected ${auditScript} and ${auditSeed}`);
  }
  return JSON.parse(tool('python3', [auditScript, pdf, '--seed', auditSeed, '--json'])) as Audit;
}

/** A temp folder for a whole test file (beforeAll/afterAll), unlike fixtures/tmp's per-test folders. */
export function suiteDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-build-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const squeeze = (s: string) => s.replace(/\s+/g, '');
export const han = (s: string) => s.replace(/[^\u3400-\u9fff\u{20000}-\u{3134f}]/gu, '');

/** Page-number lines ("— 3 —") removed, so an item split across pages reads as one string. */
export function withoutPageNumbers(text: string): string {
  return text.replace(/^[ \t]*[—–-][ \t]*\d+[ \t]*[—–-][ \t]*$/gm, '');
}

/** The printed text of each item, as the reader sees it: title。body（source）; briefs •body（source）. */
export function itemTexts(issue: Issue): { section: string; id: string; title?: string; note: string; text: string }[] {
  return issue.sections.flatMap((section) =>
    section.items.map((item) => {
      const bullet = section.style === 'bullets' ? '•' : '';
      const note = item.note ? item.note.text : '';
      const title = item.title ? `${item.title.text}。` : '';
      const source = item.source ? `（${item.source.text}）` : '';
      return {
        section: section.label,
        id: item.id,
        ...(item.title ? { title: item.title.text } : {}),
        note,
        text: bullet + title + item.paragraphs.map((p) => p.text).join('') + source,
      };
    }),
  );
}

/**
 * Finds each needle (whitespace removed) in the haystack (whitespace removed) after the previous one; returns
 * the needles that were not found in order (empty when all were) and where the last one ended.
 */
export function inOrder(haystack: string, needles: string[], from = 0): { missing: string[]; end: number; starts: number[] } {
  const h = squeeze(haystack);
  let at = from;
  const missing: string[] = [];
  const starts: number[] = [];
  for (const n of needles.map(squeeze)) {
    const i = h.indexOf(n, at);
    if (i < 0) missing.push(n);
    else {
      starts.push(i);
      at = i + n.length;
    }
  }
  return { missing, end: at, starts };
}

/** `node bin/bulletin.js ARGS` as a child process. */
export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/bulletin.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** dist/ is built once per test run by test/global-setup.ts; this only says so clearly if it is missing. */
export function compileDist(): void {
  if (!existsSync(path.join(repoRoot, 'dist/cli/index.js'))) throw new Error('dist/ is missing: run the tests through vitest (its global setup runs npm run build)');
}

/** A stack trace (lines "    at fn (file:line:col)") or our last-resort internal-error line. */
export const STACK = /^\s+at .+[:(].*\d+:\d+\)?$|内部错误|internal error/m;
