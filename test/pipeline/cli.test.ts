/**
 * `node bin/bulletin.js build` as users run it (dist/ compiled first, as `npm ci` does through `prepare`):
 * the reference example, --verbose, and a failing build, with exit codes and no stack traces.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, compileDist, examples, pdfinfo, reference, runBin, STACK, suiteDir } from './helpers.js';

let tmp: ReturnType<typeof suiteDir>;

beforeAll(() => {
  tmp = suiteDir();
  compileDist();
}, 120_000);

afterAll(() => tmp?.remove());

describe('node bin/bulletin.js build', () => {
  it('builds the reference example with --verbose: exit 0, one line per font role, the audit figures hold', () => {
    const out = path.join(tmp.dir, 'g.pdf');
    const r = runBin(['--lang', 'en', 'build', reference, '-o', out, '--verbose'], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const role of ['masthead', 'body', 'heading', 'kai', 'number']) expect(r.out).toMatch(new RegExp(`^\\s+${role}\\s+\\S+ \\(`, 'm'));
    expect(r.out).toMatch(/✓ .*gusu-022\.yaml → .*g\.pdf \(\d+ pages, \d+ ms\)/);
    expect(pdfinfo(out).Title).toBe('姑苏信息 第 22 期');
    const a = audit(out);
    expect(a).toMatchObject({ fidelity: 1, kinsoku_violations: 0, ragged_lines: 0, chars_per_full_line: 28, fonts_not_embedded: [] });
    expect(a.page_numbers_ok).toBe(a.pages);
  });

  it('the same build run twice, and in-process, gives the same bytes', async () => {
    const a = path.join(tmp.dir, 'a.pdf');
    const b = path.join(tmp.dir, 'b.pdf');
    expect(runBin(['build', reference, '-o', a], { env: { SOURCE_DATE_EPOCH: '' } }).code).toBe(0);
    expect(runBin(['build', reference, '-o', b], { env: { SOURCE_DATE_EPOCH: '' } }).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const { buildIssue } = await import('../../src/pipeline/build-issue.js');
    const c = path.join(tmp.dir, 'c.pdf');
    expect((await buildIssue(reference, { output: c, env: {} })).ok).toBe(true);
    expect(readFileSync(c).equals(readFileSync(a))).toBe(true);
  });

  it('a missing glyph: exit 1, the character, code point and place on stderr, no stack trace, the earlier PDF kept', () => {
    const dir = path.join(tmp.dir, 'broken');
    const file = path.join(dir, 'gusu-022.yaml');
    mkdirSync(dir);
    copyFileSync(path.join(examples, '../test/fixtures/gusu.series.yaml'), path.join(dir, 'bulletin.series.yaml'));
    copyFileSync(reference, file);
    expect(runBin(['build', file]).code).toBe(0);
    const pdf = path.join(dir, 'gusu-022.pdf');
    const good = readFileSync(pdf);
    writeFileSync(file, readFileSync(reference, 'utf8').replace('区发改局推动金融服务', '区发改局推动😀金融服务'));
    const r = runBin(['--lang', 'en', 'build', file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^gusu-022\.yaml:\d+:\d+ {2}error {2}no available font has the character "😀" \(U\+1F600\)/m);
    expect(r.out).toContain('no PDF written');
    expect(r.err + r.out).not.toMatch(STACK);
    expect(readFileSync(pdf).equals(good)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'gusu-022.pdf', 'gusu-022.yaml']);
  });

  it('-o onto the input: exit 2, a message, the input untouched', () => {
    const r = runBin(['--lang', 'en', 'build', reference, '-o', reference]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the output would overwrite an input file');
    expect(r.err + r.out).not.toMatch(STACK);
    expect(readFileSync(reference, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('a folder as output: exit 2, nothing written', () => {
    const r = runBin(['--lang', 'en', 'build', reference, '-o', tmp.dir]);
    expect(r.code).toBe(2);
    expect(r.err + r.out).not.toMatch(STACK);
    expect(existsSync(path.join(tmp.dir, 'gusu-022.pdf'))).toBe(false);
  });
});
