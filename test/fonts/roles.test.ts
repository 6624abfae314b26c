import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontCacheStats } from '../../src/fonts/cache.js';
import { FontIndex, systemFontDirs } from '../../src/fonts/discovery.js';
import { LazyFace } from '../../src/fonts/face.js';
import { describeRoles, faceKind, resolveFonts } from '../../src/fonts/roles.js';
import { readFaceNames } from '../../src/fonts/sfnt-names.js';
import type { FontSettings } from '../../src/issue/model.js';
import { cleanTemp, makeTtc, tempDir, NOTO_SANS_MEDIUM, NOTO_SERIF, NOTO_SERIF_BLACK } from './helpers.js';

afterAll(cleanTemp);

const noFonts: FontSettings = { masthead: [], body: [], heading: [], kai: [], number: [] };
const hermetic = { systemDirs: [] as string[], packageFontsDir: null };

function issueFolder(): string {
  const dir = tempDir('bulletin-issue-');
  writeFileSync(join(dir, 'issue.yaml'), 'number: 22\n');
  return dir;
}

describe('name tables', () => {
  it('reads family names without parsing the font', () => {
    const [face] = readFaceNames(NOTO_SANS_MEDIUM)!;
    expect(face!.postscriptName).toBe('NotoSansSC-Medium');
    expect(face!.names).toContain('Noto Sans SC');
    expect(readFaceNames(join(tmpdir(), 'does-not-exist.ttf'))).toBeNull();
  });

  it('reads every face of a collection', () => {
    const dir = tempDir('bulletin-ttc-');
    writeFileSync(join(dir, 'pair.ttc'), makeTtc([NOTO_SERIF, NOTO_SANS_MEDIUM]));
    const faces = readFaceNames(join(dir, 'pair.ttc'))!;
    expect(faces.map((f) => f.postscriptName)).toEqual(['NotoSerifSC-Regular', 'NotoSansSC-Medium']);
  });

  it('lists the OS font folders of each platform', () => {
    expect(systemFontDirs('win32', { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'C:\\Users\\a').join('|')).toContain('Fonts');
    expect(systemFontDirs('darwin', {}, '/Users/a')).toEqual(['/Users/a/Library/Fonts', '/Library/Fonts', '/System/Library/Fonts']);
    expect(systemFontDirs('linux', {}, '/home/a')).toContain('/usr/share/fonts');
  });
});

describe('resolveFonts', () => {
  it('falls back to the npm stand-ins and says so', async () => {
    const dir = issueFolder();
    const reads = fontCacheStats().fileReads;
    const { fonts, report } = await resolveFonts({ fonts: noFonts, fontPaths: [] }, dir, undefined, hermetic);
    expect(report.map((r) => r.role)).toEqual(['masthead', 'body', 'heading', 'kai', 'number']);
    for (const r of report) {
      expect(r.standIn).toBe(true);
      expect(r.notes.length).toBeGreaterThan(0);
    }
    expect(report.find((r) => r.role === 'masthead')!.postscriptName).toBe('NotoSerifSC-Black');
    expect(report.find((r) => r.role === 'heading')!.postscriptName).toBe('NotoSansSC-Medium');
    expect(report.find((r) => r.role === 'body')!.postscriptName).toBe('NotoSerifSC-Regular');
    expect(fonts.kai.faces[0]!.name).toBe('NotoSerifSC-Regular');
    // Resolving reads name tables only: no font file is read whole until layout asks.
    expect(fontCacheStats().fileReads).toBe(reads);
    expect(describeRoles(report).body).toBe('NotoSerifSC-Regular (stand-in) NotoSerifSC_400Regular.ttf');
    // The same file serves body, kai and number through one face object.
    expect(fonts.body.faces[0]).toBe(fonts.kai.faces[0]);
  });

  it('finds a configured family in a fonts/ folder beside the issue', async () => {
    const dir = issueFolder();
    mkdirSync(join(dir, 'fonts'));
    symlinkSync(NOTO_SANS_MEDIUM, join(dir, 'fonts', 'SomeSans.ttf'));
    const { fonts, report } = await resolveFonts({ fonts: { ...noFonts, body: ['Noto Sans SC'] }, fontPaths: [] }, dir, undefined, hermetic);
    const body = report.find((r) => r.role === 'body')!;
    expect(body.file).toBe(join(dir, 'fonts', 'SomeSans.ttf'));
    expect(body.chain[0]!.source).toBe('configured');
    expect(body.chain[0]!.origin).toBe('issue');
    expect(body.standIn).toBe(false);
    // The stand-in stays behind it as the fallback.
    expect(body.chain.at(-1)!.origin).toBe('npm');
    expect(fonts.body.faces.length).toBe(2);
    expect(fonts.body.faces[0]!.hasChar(0x4e2d)).toBe(true);
  });

  it('recognises an official face by its usual file name, beside the series file', async () => {
    const dir = issueFolder();
    const series = tempDir('bulletin-series-');
    mkdirSync(join(series, 'fonts'));
    symlinkSync(NOTO_SERIF_BLACK, join(series, 'fonts', 'FZXBSJW.TTF'));
    const { report } = await resolveFonts({ fonts: noFonts, fontPaths: [] }, dir, series, hermetic);
    const m = report.find((r) => r.role === 'masthead')!;
    expect(m.official).toBe(true);
    expect(m.chain[0]!.origin).toBe('series');
    expect(m.notes).toEqual([]);
  });

  it('takes explicit paths from the config and reports the ones that are missing', async () => {
    const dir = issueFolder();
    const { report } = await resolveFonts(
      { fonts: { ...noFonts, heading: [NOTO_SANS_MEDIUM], kai: ['fonts/missing-kai.ttf', '不存在的字体'] }, fontPaths: [] },
      dir,
      undefined,
      hermetic,
    );
    const heading = report.find((r) => r.role === 'heading')!;
    expect(heading.chain[0]!.origin).toBe('config');
    expect(heading.chain.length).toBe(1); // the configured file is the stand-in itself: no duplicate
    const kai = report.find((r) => r.role === 'kai')!;
    expect(kai.notes.map((n) => n.en).join('\n')).toMatch(/missing-kai\.ttf/);
    expect(kai.notes.map((n) => n.zh).join('\n')).toMatch(/不存在的字体/);
  });

  it('finds files in fontPaths folders', async () => {
    const dir = issueFolder();
    const extra = tempDir('bulletin-extra-');
    symlinkSync(NOTO_SERIF_BLACK, join(extra, 'black.ttf'));
    const { report } = await resolveFonts({ fonts: { ...noFonts, number: ['Noto Serif SC Black'] }, fontPaths: [extra] }, dir, undefined, hermetic);
    expect(report.find((r) => r.role === 'number')!.file).toBe(join(extra, 'black.ttf'));
  });

  it('returns lazy faces that open on first use', async () => {
    const { fonts } = await resolveFonts({ fonts: noFonts, fontPaths: [] }, issueFolder(), undefined, hermetic);
    const face = fonts.masthead.faces[0] as LazyFace;
    expect(face).toBeInstanceOf(LazyFace);
    expect(face.advance(0x4e2d)).toBe(1);
    expect(face.opened).toBe(true);
  });
});

describe('FontIndex', () => {
  it('ignores non-font files and matches names in any language', () => {
    const dir = tempDir('bulletin-index-');
    writeFileSync(join(dir, 'README.md'), '# fonts');
    writeFileSync(join(dir, 'broken.ttf'), 'not a font');
    symlinkSync(NOTO_SERIF, join(dir, 'a.ttf'));
    const index = new FontIndex({ locations: [{ dir, origin: 'issue' }] });
    expect(index.files().map((f) => f.path.split('/').pop())).toEqual(['a.ttf', 'broken.ttf']);
    expect(index.byName('noto serif sc', ['issue'])?.postscriptName).toBe('NotoSerifSC-Regular');
    expect(index.byName('Noto Sans SC', ['issue'])).toBeUndefined();
    expect(index.byFileName(['A.TTF'])?.path).toBe(join(dir, 'a.ttf'));
  });
});

describe('faceKind', () => {
  it('names what serves a role in one wording for every command', () => {
    expect(faceKind({ official: true, standIn: false })).toEqual({ zh: '正式字体', en: 'official' });
    expect(faceKind({ official: false, standIn: true })).toEqual({ zh: '替代字体', en: 'stand-in' });
    expect(faceKind({ official: false, standIn: false })).toEqual({ zh: '配置的字体', en: 'configured' });
  });
});
