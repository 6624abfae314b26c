/**
 * The five font roles and the chain of faces that serves each: the configured and official faces when they are
 * found (config paths, fonts/ beside the issue or series file, this package's fonts/, the OS font folders), then
 * the free stand-ins from npm, so every character has a face (layout falls back character by character). A
 * candidate whose file cannot be read completely (integrity.ts) is skipped and reported, never used.
 */
import { packageFile } from '../io/package-paths.js';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Message } from '../diagnostics.js';
import type { FontRole, FontSettings, SeriesSettings } from '../issue/model.js';
import { FONT_ROLES } from '../issue/font-roles.js';
import type { FontChain, Fonts } from '../typeset/types.js';
import type { FontError } from './errors.js';
import { OFFICIAL, roleZh, standInFile, SYSTEM_STAND_INS } from './official.js';
import { fontFileProblem } from './integrity.js';
import { LazyFace } from './face.js';
import { fontCacheGeneration } from './cache.js';
import { FONT_EXTENSIONS, FontIndex, systemFontDirs, type FontOrigin } from './discovery.js';
import { readFaceNames } from './sfnt-names.js';

export { OFFICIAL, standInFile };

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
  /** Files found damaged while in use (the build): reported like the others and never offered again. */
  exclude?: ReadonlyMap<string, FontError>;
}

/** A font file that cannot be read completely (integrity.ts), found while resolving: skipped, and said so. */
export interface FontFileProblem {
  file: string;
  /** The roles it was a candidate for; none for a file in a fonts folder that is no font at all. */
  roles: FontRole[];
  /** Named by path in `fonts:` or `fontPaths:`: the editor asked for this very file, so a build stops. */
  configured: boolean;
  error: FontError;
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
): Promise<{ fonts: Fonts; report: RoleReport[]; problems: FontFileProblem[] }> {
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
  const problems = new Map<string, FontFileProblem>();
  /** Whether `file` is damaged; if so it is recorded against `role` and no search offers it again. */
  const damaged = (file: string, ps: string, role: FontRole, configured: boolean): boolean => {
    const error = options.exclude?.get(file) ?? fontFileProblem(file, ps || undefined);
    if (!error) return false;
    const p = problems.get(file) ?? { file, roles: [], configured: false, error };
    if (!p.roles.includes(role)) p.roles.push(role);
    p.configured ||= configured;
    problems.set(file, p);
    index.skip.add(file);
    return true;
  };
  /** The first face a search finds whose file is sound (each damaged one is skipped and the search run again). */
  const firstSound = <M extends { file: string; postscriptName: string }>(role: FontRole, search: () => M | undefined): M | undefined => {
    for (;;) {
      const m = search();
      if (!m || !damaged(m.file, m.postscriptName, role, false)) return m;
    }
  };

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
        if (!picked || damaged(abs, picked.postscriptName, role, true)) {
          if (!picked && existsSync(abs)) damaged(abs, '', role, true);
          notes.push({ zh: `${roleZh(role)}：配置的字体文件不可用：${abs}`, en: `${role}: the configured font file is not usable: ${abs}` });
          continue;
        }
        add({ file: abs, postscriptName: picked.postscriptName, source: sourceOf(abs, picked.postscriptName), origin: 'config', matched: entry });
      } else {
        const m = firstSound(role, () => index.byName(entry, ALL_LOCAL) ?? fileNameMatch(index, role, entry) ?? index.byName(entry, ['system']));
        if (m) add({ file: m.file, postscriptName: m.postscriptName, source: sourceOf(m.file, m.postscriptName), origin: m.origin, matched: entry });
        else if (!isOfficialName([entry]))
          notes.push({ zh: `${roleZh(role)}：未找到配置的字体“${entry}”`, en: `${role}: the configured font "${entry}" was not found` });
      }
    }

    // 2. The official face, if nothing official is in the chain yet.
    if (!chain.some((c) => c.source === 'official')) {
      const m = firstSound(role, () => findOfficial(index, role));
      if (m) add({ file: m.file, postscriptName: m.postscriptName, source: 'official', origin: m.origin, matched: m.matched });
    }

    // 3. Stand-ins: a better free face from the system, then the npm one that is always there.
    for (const name of SYSTEM_STAND_INS[role] ?? []) {
      const m = firstSound(role, () => index.byName(name, [...ALL_LOCAL, 'system']));
      if (m) {
        add({ file: m.file, postscriptName: m.postscriptName, source: 'stand-in', origin: m.origin, matched: name });
        break;
      }
    }
    const npmFile = standInFile(role);
    const npmPs = readFaceNames(npmFile)?.[0]?.postscriptName ?? '';
    add({ file: npmFile, postscriptName: npmPs, source: 'stand-in', origin: 'npm' });

    for (const p of problems.values()) {
      if (p.roles.includes(role)) notes.push({ zh: `${roleZh(role)}：跳过了不能使用的字体文件：${p.error.msg.zh}`, en: `${role}: skipped a font file that cannot be used: ${p.error.msg.en}` });
    }
    const primary = chain[0]!;
    if (primary.source === 'stand-in') {
      // A damaged official file was found: "not found" would send the editor looking for the wrong thing.
      const skipped = [...problems.values()].some((p) => p.roles.includes(role));
      notes.push(
        skipped
          ? { zh: `${roleZh(role)}：没有可用的${official.names[0]}（见上），使用替代字体 ${primary.postscriptName}`, en: `${role}: no usable ${official.names[0]} (see above), using the stand-in ${primary.postscriptName}` }
          : { zh: `${roleZh(role)}：未找到${official.names[0]}，使用替代字体 ${primary.postscriptName}`, en: `${role}: ${official.names[0]} not found, using the stand-in ${primary.postscriptName}` },
      );
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
  // A file in a folder of the user's (fonts/ beside the files, fontPaths) that is no font at all: said too, or the
  // editor who put simfang.ttf there hears only that 仿宋 was not found.
  for (const e of index.files()) {
    if (e.origin === 'package' || e.origin === 'system' || problems.has(e.path) || index.faceNames(e.path) !== null) continue;
    const error = fontFileProblem(e.path);
    if (error) problems.set(e.path, { file: e.path, roles: [], configured: explicitFiles.some((f) => f.path === e.path), error });
  }
  return { fonts, report, problems: [...problems.values()] };
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

/** The file of that name; a file whose names cannot be read comes back too, for the integrity check to judge. */
function fileNameMatch(index: FontIndex, role: FontRole, name: string) {
  const e = index.byFileName([name]);
  if (!e) return undefined;
  const picked = index.pickFace(e.path, [name, ...OFFICIAL[role].names]);
  return { file: e.path, postscriptName: picked?.postscriptName ?? '', origin: e.origin, matched: name };
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
    // A simfang.ttf whose names cannot be read is returned all the same: it is damaged, and must be said to be.
    const picked = index.pickFace(e.path, names);
    return { file: e.path, postscriptName: picked?.postscriptName ?? '', origin: e.origin, matched: basename(e.path) };
  }
  for (const n of names) {
    const m = index.byName(n, ['system']);
    if (m) return m;
  }
  return undefined;
}

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
