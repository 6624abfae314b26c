/**
 * The five font roles and the chain of faces that serves each: the configured and official faces when they are
 * found (config paths, fonts/ beside the issue or series file, this package's fonts/, the OS font folders), then
 * the free stand-ins from npm, so every character has a face (layout falls back character by character).
 */
import { packageFile } from '../io/package-paths.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message } from '../diagnostics.js';
import type { FontRole, FontSettings, SeriesSettings } from '../issue/model.js';
import { FONT_ROLES, ROLE_ZH } from '../issue/font-roles.js';
import type { FontChain, Fonts } from '../typeset/types.js';
import { FontError } from './errors.js';
import { LazyFace } from './face.js';
import { fontCacheGeneration } from './cache.js';
import { FONT_EXTENSIONS, FontIndex, systemFontDirs, type FontOrigin } from './discovery.js';
import { readFaceNames } from './sfnt-names.js';


/** The faces GB/T 9704 and office practice call for, by the names inside the files and the usual file names. */
export const OFFICIAL: Record<FontRole, { names: string[]; files: string[] }> = {
  masthead: {
    names: ['方正小标宋简体', '方正小标宋_GBK', '方正小标宋', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', 'FZXBSJW--GB1-0'],
    files: ['FZXBSJW.TTF', 'FZXBSK.TTF', '方正小标宋简体.ttf', '方正小标宋_GBK.ttf'],
  },
  body: {
    names: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'SimFang', '华文仿宋', 'STFangsong'],
    files: ['FangSong_GB2312.ttf', '仿宋_GB2312.ttf', 'simfang.ttf', 'STFANGSO.TTF'],
  },
  heading: {
    names: ['黑体', 'SimHei', '华文黑体', 'STHeiti', 'Heiti SC'],
    files: ['simhei.ttf', 'STHeiti Medium.ttc', 'STHeiti Light.ttc'],
  },
  kai: {
    names: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'SimKai', '华文楷体', 'STKaiti', 'Kaiti SC'],
    files: ['KaiTi_GB2312.ttf', '楷体_GB2312.ttf', 'simkai.ttf', 'STKAITI.TTF'],
  },
  number: {
    names: ['宋体', 'SimSun', '华文宋体', 'STSong', 'Songti SC'],
    files: ['simsun.ttc', 'simsun.ttf', 'STSONG.TTF'],
  },
};

/** Free faces better than the npm stand-in when a system has them (Debian fonts-lxgw-wenkai, fonts-arphic-ukai). */
const SYSTEM_STAND_INS: Partial<Record<FontRole, string[]>> = {
  kai: ['LXGW WenKai', '霞鹜文楷', 'AR PL UKai CN'],
};

/** The npm stand-ins (OFL; fonts/OFL-Noto.txt): package, folder and file. */
const NPM_STAND_INS: Record<FontRole, { pkg: string; path: string; label: string }> = {
  masthead: { pkg: '@expo-google-fonts/noto-serif-sc', path: '900Black/NotoSerifSC_900Black.ttf', label: 'Noto Serif SC Black' },
  body: { pkg: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC Regular' },
  heading: { pkg: '@expo-google-fonts/noto-sans-sc', path: '500Medium/NotoSansSC_500Medium.ttf', label: 'Noto Sans SC Medium' },
  // No free simplified 楷体 is on npm: the serif stands in (typesetting.md §4).
  kai: { pkg: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC Regular' },
  number: { pkg: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC Regular' },
};

export type FaceSource = 'configured' | 'official' | 'stand-in';

export interface RoleFace {
  file: string;
  postscriptName: string;
  source: FaceSource;
  /** Where the file was found; 'npm' for the bundled stand-ins. */
  origin: FontOrigin | 'npm';
  /** The configured or official name that matched, if any. */
  matched?: string;
}

export interface RoleReport {
  role: FontRole;
  /** The face that serves the role (the first of its chain). */
  file: string;
  postscriptName: string;
  official: boolean;
  standIn: boolean;
  /** The whole fallback chain, in order. */
  chain: RoleFace[];
  /** Things worth telling the user: configured fonts not found, stand-ins in use. */
  notes: Message[];
}

export interface ResolveOptions {
  /** Override the OS font folders (tests pass [] for a hermetic run). */
  systemDirs?: string[];
  /** Override this package's own fonts/ folder (null: do not search it). */
  packageFontsDir?: string | null;
}

/** Absolute path of a role's npm stand-in file. */
export function standInFile(role: FontRole): string {
  const s = NPM_STAND_INS[role];
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve(`${s.pkg}/package.json`));
  } catch (e) {
    throw new FontError(
      'font-standin-missing',
      s.pkg,
      { zh: `找不到备用字体 ${s.label}（${s.pkg}）：请先运行 npm ci`, en: `the stand-in font ${s.label} (${s.pkg}) is missing: run npm ci` },
      { cause: e },
    );
  }
  const file = join(dir, s.path);
  if (!existsSync(file)) {
    throw new FontError('font-standin-missing', file, {
      zh: `找不到备用字体文件 ${file}：请重新运行 npm ci`,
      en: `the stand-in font file ${file} is missing: run npm ci again`,
    });
  }
  return file;
}

function looksLikePath(entry: string): boolean {
  return /[\\/]/.test(entry) || FONT_EXTENSIONS.has(entry.slice(entry.lastIndexOf('.')).toLowerCase());
}

const ALL_LOCAL: FontOrigin[] = ['config', 'issue', 'series', 'package'];

/**
 * Resolves the five roles to font chains.
 *
 * - `settings.fonts[role]`: candidates in order, each a family name (仿宋_GB2312) or a path (relative to the
 *   series file's folder, else the issue's). `settings.fontPaths`: extra files or folders (absolute).
 * - Searched: config paths, `fonts/` beside the issue, `fonts/` beside the series file, bulletin's own `fonts/`,
 *   then the OS font folders.
 * - Each chain: configured faces found, then the first official face found, then free stand-ins. Faces are lazy:
 *   a file is read only when layout first asks it about a character.
 */
export async function resolveFonts(
  settings: Pick<SeriesSettings, 'fonts' | 'fontPaths'> & Partial<Pick<SeriesSettings, 'seriesFile'>>,
  issueDir: string,
  seriesDir?: string,
  options: ResolveOptions = {},
): Promise<{ fonts: Fonts; report: RoleReport[] }> {
  const sDir = seriesDir ?? (settings.seriesFile ? dirname(settings.seriesFile) : undefined);
  const baseDir = sDir ?? issueDir;

  const explicitFiles: { path: string; origin: FontOrigin }[] = [];
  const locations: { dir: string; origin: FontOrigin }[] = [];
  for (const p of settings.fontPaths ?? []) {
    const abs = isAbsolute(p) ? p : resolve(baseDir, p);
    let dir = false;
    try {
      dir = statSync(abs).isDirectory();
    } catch {
      /* reported below if a role names it */
    }
    if (dir) locations.push({ dir: abs, origin: 'config' });
    else explicitFiles.push({ path: abs, origin: 'config' });
  }
  locations.push({ dir: join(issueDir, 'fonts'), origin: 'issue' });
  if (sDir && resolve(sDir) !== resolve(issueDir)) locations.push({ dir: join(sDir, 'fonts'), origin: 'series' });
  const pkgFonts = options.packageFontsDir === undefined ? packageFile('fonts') : options.packageFontsDir;
  if (pkgFonts) locations.push({ dir: pkgFonts, origin: 'package' });
  for (const d of options.systemDirs ?? systemFontDirs()) locations.push({ dir: d, origin: 'system' });

  const index = new FontIndex({ locations, files: explicitFiles });
  const fonts = {} as Fonts;
  const report: RoleReport[] = [];

  for (const role of FONT_ROLES) {
    const official = OFFICIAL[role];
    const isOfficialName = (names: string[]) => names.some((n) => official.names.some((o) => sameName(n, o)));
    const chain: RoleFace[] = [];
    const notes: Message[] = [];
    const add = (f: RoleFace) => {
      if (!chain.some((c) => c.file === f.file && c.postscriptName === f.postscriptName)) chain.push(f);
    };
    const sourceOf = (file: string, ps: string): FaceSource => {
      const names = index.faceNames(file)?.find((f) => f.postscriptName === ps)?.names ?? [];
      return isOfficialName(names) ? 'official' : 'configured';
    };

    // 1. What the series file asks for.
    const configured = (settings.fonts as FontSettings | undefined)?.[role] ?? [];
    for (const entry of configured) {
      if (looksLikePath(entry)) {
        const abs = isAbsolute(entry) ? entry : resolve(baseDir, entry);
        const picked = existsSync(abs) ? index.pickFace(abs, [...configured, ...official.names]) : undefined;
        if (!picked) {
          notes.push({ zh: `${roleZh(role)}：配置的字体文件不可用：${abs}`, en: `${role}: the configured font file is not usable: ${abs}` });
          continue;
        }
        add({ file: abs, postscriptName: picked.postscriptName, source: sourceOf(abs, picked.postscriptName), origin: 'config', matched: entry });
      } else {
        const m = index.byName(entry, ALL_LOCAL) ?? fileNameMatch(index, role, entry) ?? index.byName(entry, ['system']);
        if (m) add({ file: m.file, postscriptName: m.postscriptName, source: sourceOf(m.file, m.postscriptName), origin: m.origin, matched: entry });
        else if (!isOfficialName([entry]))
          notes.push({ zh: `${roleZh(role)}：未找到配置的字体“${entry}”`, en: `${role}: the configured font "${entry}" was not found` });
      }
    }

    // 2. The official face, if nothing official is in the chain yet.
    if (!chain.some((c) => c.source === 'official')) {
      const m = findOfficial(index, role);
      if (m) add({ file: m.file, postscriptName: m.postscriptName, source: 'official', origin: m.origin, matched: m.matched });
    }

    // 3. Stand-ins: a better free face from the system, then the npm one that is always there.
    for (const name of SYSTEM_STAND_INS[role] ?? []) {
      const m = index.byName(name, [...ALL_LOCAL, 'system']);
      if (m) {
        add({ file: m.file, postscriptName: m.postscriptName, source: 'stand-in', origin: m.origin, matched: name });
        break;
      }
    }
    const npmFile = standInFile(role);
    const npmPs = readFaceNames(npmFile)?.[0]?.postscriptName ?? '';
    add({ file: npmFile, postscriptName: npmPs, source: 'stand-in', origin: 'npm' });

    const primary = chain[0]!;
    if (primary.source === 'stand-in') {
      notes.push({
        zh: `${roleZh(role)}：未找到${official.names[0]}，使用替代字体 ${primary.postscriptName}`,
        en: `${role}: ${official.names[0]} not found, using the stand-in ${primary.postscriptName}`,
      });
    }
    fonts[role] = { role, faces: chain.map((c) => faceFor(c.file, c.postscriptName)) } satisfies FontChain;
    report.push({
      role,
      file: primary.file,
      postscriptName: primary.postscriptName,
      official: primary.source === 'official',
      standIn: primary.source === 'stand-in',
      chain,
      notes,
    });
  }
  return { fonts, report };
}

/** One LazyFace per (file, name) for the whole process, so chains that share a file share its caches. */
const lazyFaces = new Map<string, LazyFace>();
let lazyGeneration = fontCacheGeneration();
function faceFor(file: string, ps: string): LazyFace {
  const key = `${file}#${ps}`;
  // After clearFontCache (fonts changed on disk in --watch), faces are made afresh over the new files.
  if (lazyGeneration !== fontCacheGeneration()) {
    lazyFaces.clear();
    lazyGeneration = fontCacheGeneration();
  }
  let f = lazyFaces.get(key);
  if (!f) lazyFaces.set(key, (f = new LazyFace(file, ps)));
  return f;
}

function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[\s_\-]+/g, '');
  return n(a) === n(b);
}

function fileNameMatch(index: FontIndex, role: FontRole, name: string) {
  const e = index.byFileName([name]);
  if (!e) return undefined;
  const picked = index.pickFace(e.path, [name, ...OFFICIAL[role].names]);
  return picked ? { file: e.path, postscriptName: picked.postscriptName, origin: e.origin, matched: name } : undefined;
}

/** The official face: by name in local folders, by usual file name anywhere, by name in system folders. */
function findOfficial(index: FontIndex, role: FontRole) {
  const { names, files } = OFFICIAL[role];
  for (const n of names) {
    const m = index.byName(n, ALL_LOCAL);
    if (m) return m;
  }
  const e = index.byFileName(files);
  if (e) {
    const picked = index.pickFace(e.path, names);
    if (picked) return { file: e.path, postscriptName: picked.postscriptName, origin: e.origin, matched: basename(e.path) };
  }
  for (const n of names) {
    const m = index.byName(n, ['system']);
    if (m) return m;
  }
  return undefined;
}

const roleZh = (role: FontRole): string => ROLE_ZH[role];

/** What serves a role, in words — the official face, a configured one, or a stand-in — for every command. */
export function faceKind(r: Pick<RoleReport, 'official' | 'standIn'>): Message {
  return r.official ? { zh: '正式字体', en: 'official' } : r.standIn ? { zh: '替代字体', en: 'stand-in' } : { zh: '配置的字体', en: 'configured' };
}

/**
 * One line per role for the PDF metadata and --verbose, e.g.
 * { body: 'NotoSerifSC-Regular (stand-in) NotoSerifSC_400Regular.ttf' }. File names only, not folders: the PDF
 * should not carry the user's paths, and should be the same on every machine with the same fonts.
 */
export function describeRoles(report: RoleReport[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of report) {
    out[r.role] = `${r.postscriptName} (${faceKind(r).en}) ${basename(r.file)}`;
  }
  return out;
}
