/**
 * The reference issue's text (the seed) imports into the same issue as examples/gusu-022.yaml, its faithful
 * transcription: compared as normalised models, so nothing here repeats the content.
 */
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssues } from '../../src/check/run.js';
import { loadIssue } from '../../src/issue/load.js';
import { repoRoot, tempDir } from '../fixtures/tmp.js';
import { encodeGb18030 } from './make-inputs.js';
import { REFERENCE, SEED, importCli, load, plain } from './model.js';

const seedText = readFileSync(SEED, 'utf8');

describe('import of a whole issue as text', () => {
  it('gives the reference issue: every title, body, source, label, masthead and footer field', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'gusu-022.yaml');
    const r = await importCli(SEED, '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'gusu-022.yaml']);
    expect(plain(await load(out))).toEqual(plain(await load(REFERENCE)));
  });

  it('writes the project format: schema line first, bodies as | blocks, a comment at each guess naming a line that holds it', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.yaml');
    expect((await importCli(SEED, '-o', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n');
    const schema = /^# yaml-language-server: \$schema=(.+)$/.exec(lines[0]!);
    expect(schema).not.toBeNull();
    expect(path.resolve(dir, schema![1]!)).toBe(path.join(repoRoot, 'schemas/bulletin.schema.json'));
    const series = readFileSync(path.join(dir, 'bulletin.series.yaml'), 'utf8').split('\n')[0]!;
    expect(path.resolve(dir, series.split('$schema=')[1]!)).toBe(path.join(repoRoot, 'schemas/bulletin.series.schema.json'));
    const bodies = lines.filter((l) => /^\s+(- )?body:/.test(l));
    expect(bodies.length).toBe((await load(REFERENCE)).sections.reduce((n, s) => n + s.items.length, 0));
    for (const b of bodies) expect(b).toMatch(/body: \|(\s+#.*)?$/);
    // Every guess names its line; that line of the seed is where the thing guessed about is.
    const seedLines = seedText.split('\n');
    const guessed = [...text.matchAll(/#[^\n]*第 ([\d、]+) 行/g)].flatMap((m) => m[1]!.split('、').map(Number));
    expect(guessed.length).toBeGreaterThan(0);
    for (const n of guessed) expect(seedLines[n - 1]!.trim(), `line ${n}`).not.toBe('');
    // The source in half-width brackets is one of them.
    const half = seedLines.findIndex((l) => /^\(.+\)$/.test(l.trim()) && !/[A-Z]/.test(l));
    expect(text).toMatch(new RegExp(`#[^\\n]*半角括号[^\\n]*第 ${half + 1} 行`));
  });

  it('finds no more with check than the reference example does', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'gusu-022.yaml');
    expect((await importCli(SEED, '-o', out)).code).toBe(0);
    const today = new Date(2026, 4, 21, 12);
    const findings = async (file: string) => {
      const loaded = await loadIssue(file);
      return [...loaded.diagnostics, ...checkIssues([{ issue: loaded.issue!, sources: loaded.sources }], { today }).diagnostics];
    };
    expect((await findings(out)).length).toBeLessThanOrEqual((await findings(REFERENCE)).length);
  });

  it('reads the same issue saved in GBK/GB18030 (as Windows saves Chinese text), and says so', async () => {
    const dir = tempDir();
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(gbk, encodeGb18030(seedText));
    const r = await importCli(gbk, '-o', path.join(dir, 'out.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('GBK');
    expect(plain(await load(path.join(dir, 'out.yaml')))).toEqual(plain(await load(REFERENCE)));
  });

  it('drops page numbers and page breaks of text copied out of a PDF (CRLF lines, form feeds), and reports each page number', async () => {
    const dir = tempDir();
    // At every paragraph a page break cut (one that does not end a sentence), the page's number and a form feed.
    let page = 1;
    const pdfText = seedText
      .split('\n')
      .map((l, i, all) => (l.length > 100 && !/[。）)]$/.test(l) && all[i + 2] ? `${l}\r\n\r\n— ${++page} —\r\n\f` : l))
      .join('\r\n');
    expect(page).toBeGreaterThan(2);
    const file = path.join(dir, 'pdf.txt');
    writeFileSync(file, pdfText);
    const r = await importCli(file, '-o', path.join(dir, 'out.yaml'));
    expect(r.code).toBe(0);
    expect(plain(await load(path.join(dir, 'out.yaml')))).toEqual(plain(await load(REFERENCE)));
    const report = r.out.split('\n').find((l) => l.includes('页码'));
    expect(report).toBeDefined();
    for (let n = 2; n <= page; n++) expect(report).toContain(`— ${n} —`);
  });

  it('never overwrites: a second import to the same file is refused (exit 1) and leaves both files as they were', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'gusu-022.yaml');
    expect((await importCli(SEED, '-o', out)).code).toBe(0);
    writeFileSync(out, 'edited\n');
    const series = path.join(dir, 'bulletin.series.yaml');
    const seriesBefore = statSync(series).mtimeMs;
    const r = await importCli(SEED, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已经存在');
    expect(readFileSync(out, 'utf8')).toBe('edited\n');
    expect(statSync(series).mtimeMs).toBe(seriesBefore);
  });

  it('beside an existing series file: writes no new one and repeats nothing that file already says', async () => {
    const dir = tempDir();
    expect((await importCli(SEED, '-o', path.join(dir, 'a.yaml'))).code).toBe(0);
    const r = await importCli(SEED, '-o', path.join(dir, 'b.yaml'));
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml', 'bulletin.series.yaml']);
    const b = readFileSync(path.join(dir, 'b.yaml'), 'utf8');
    expect(b).not.toMatch(/^(name|offices|distribution|editors|serial):/m);
    expect(plain(await load(path.join(dir, 'b.yaml')))).toEqual(plain(await load(REFERENCE)));
  });

  it('with --series: only the settings that differ go into the issue file, with the series value in a comment', async () => {
    const dir = tempDir();
    expect((await importCli(SEED, '-o', path.join(dir, 'first.yaml'))).code).toBe(0);
    const seriesFile = path.join(dir, 'bulletin.series.yaml');
    const other = path.join(dir, 'other.series.yaml');
    writeFileSync(other, readFileSync(seriesFile, 'utf8').replace(/^editors:\n(  - .*\n)+/m, 'editors:\n  - 某某\n'));
    const sub = path.join(dir, 'sub');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const r = await importCli(SEED, '-o', path.join(sub, 'x.yaml'), '--series', other);
    expect(r.code).toBe(0);
    expect(readdirSync(sub)).toEqual(['x.yaml']);
    const x = readFileSync(path.join(sub, 'x.yaml'), 'utf8');
    expect(x).toMatch(/^series: \.\.\/other\.series\.yaml$/m);
    expect(x).toMatch(/^editors:\s+# 系列文件中为：某某$/m);
    expect(x).not.toMatch(/^(name|offices|distribution|serial):/m);
    expect(r.out).toContain('editors');
    expect(plain(await load(path.join(sub, 'x.yaml')))).toEqual(plain(await load(REFERENCE)));
  });
});
