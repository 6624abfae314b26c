/**
 * Finding font files: where to look, and matching a wanted face (a family name such as 仿宋 or a file name such
 * as simfang.ttf) against what is there. Kept cheap because it runs on every build: folders are listed once,
 * files are matched by file name first, and name tables are read (a few KB each, see sfnt-names.ts) only when a
 * name is asked for. No font is parsed here.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { normaliseName, readFaceNames, type FaceNames } from './sfnt-names.js';

export type FontOrigin = 'config' | 'issue' | 'series' | 'package' | 'system';

export interface FontFileEntry {
  /** Absolute path. */
  path: string;
  origin: FontOrigin;
}

export interface FaceMatch {
  file: string;
  postscriptName: string;
  origin: FontOrigin;
  /** The wanted name or file name that matched. */
  matched: string;
}

export const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.otc']);

/** System font folders of this platform, in search order (the user's own first). */
export function systemFontDirs(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const dirs: string[] = [];
    if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    dirs.push(join(windir, 'Fonts'));
    return dirs;
  }
  if (platform === 'darwin') return [join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts'];
  const dirs = [join(home, '.local', 'share', 'fonts'), join(home, '.fonts')];
  if (env.XDG_DATA_HOME) dirs.unshift(join(env.XDG_DATA_HOME, 'fonts'));
  dirs.push('/usr/local/share/fonts', '/usr/share/fonts');
  return dirs;
}

/** A CJK face covering even GB2312 is megabytes; smaller system files are Latin fonts not worth opening. */
const MIN_SYSTEM_CJK_BYTES = 512 * 1024;
const MAX_DEPTH = 5;

function listFonts(dir: string, depth: number, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // missing or unreadable folder: nothing there
  }
  // Sorted, so the same folders always give the same choice.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH && !e.name.startsWith('.')) listFonts(p, depth + 1, out);
    } else if ((e.isFile() || e.isSymbolicLink()) && FONT_EXTENSIONS.has(extname(e.name).toLowerCase())) {
      out.push(p);
    }
  }
}

/** Normalised names per face, computed once per face. */
const normalised = new WeakMap<FaceNames, Set<string>>();
function matches(face: FaceNames, wanted: string): boolean {
  let set = normalised.get(face);
  if (!set) normalised.set(face, (set = new Set(face.names.map(normaliseName))));
  return set.has(normaliseName(wanted));
}

export interface FontIndexOptions {
  /** Folders to search, in order. Each is listed (recursively) on first use. */
  locations: { dir: string; origin: FontOrigin }[];
  /** Single files given explicitly (config), searched before any folder. */
  files?: FontFileEntry[];
}

/**
 * The font files of a set of locations. Local origins (config, issue, series, package) are small folders chosen
 * by the user: all their files' names are read. System folders can hold thousands of files: they are matched by
 * file name, and their name tables read only when a family name is not found anywhere else.
 */
export class FontIndex {
  private readonly locations: { dir: string; origin: FontOrigin }[];
  private readonly explicit: FontFileEntry[];
  private listed: FontFileEntry[] | null = null;
  private byBase: Map<string, FontFileEntry> | null = null;
  private readonly names = new Map<string, FaceNames[] | null>();
  private readonly sizes = new Map<string, boolean>();
  /** Files found damaged: no search returns them, so the next candidate comes up instead. */
  readonly skip = new Set<string>();

  constructor(options: FontIndexOptions) {
    this.locations = options.locations.map((l) => ({ dir: resolve(l.dir), origin: l.origin }));
    this.explicit = (options.files ?? []).map((f) => ({ path: resolve(f.path), origin: f.origin }));
  }

  /** All font files, explicit ones first, then each location's in order (deduplicated). */
  files(): FontFileEntry[] {
    if (this.listed) return this.listed;
    const seen = new Set<string>();
    const out: FontFileEntry[] = [];
    const add = (e: FontFileEntry) => {
      if (seen.has(e.path)) return;
      seen.add(e.path);
      out.push(e);
    };
    for (const f of this.explicit) add(f);
    for (const loc of this.locations) {
      const paths: string[] = [];
      listFonts(loc.dir, 0, paths);
      for (const p of paths) add({ path: p, origin: loc.origin });
    }
    this.listed = out;
    return out;
  }

  /** The faces and names of a file (cached; null when it is not a font). */
  faceNames(file: string): FaceNames[] | null {
    let n = this.names.get(file);
    if (n === undefined) {
      n = namesOf(file);
      this.names.set(file, n);
    }
    return n;
  }

  /** The first file whose name (case-insensitive) is one of `fileNames`. */
  byFileName(fileNames: string[], origins?: FontOrigin[]): FontFileEntry | undefined {
    if (!this.byBase) {
      this.byBase = new Map();
      for (const e of this.files()) {
        const b = basename(e.path).toLowerCase();
        if (!this.byBase.has(b)) this.byBase.set(b, e);
      }
    }
    for (const name of fileNames) {
      let e = this.byBase.get(name.toLowerCase());
      // A damaged file must not hide another of the same name further down the search order.
      if (e && this.skip.has(e.path)) e = this.files().find((f) => basename(f.path).toLowerCase() === name.toLowerCase() && !this.skip.has(f.path));
      if (e && (!origins || origins.includes(e.origin))) return e;
    }
    return undefined;
  }

  /**
   * The face named `wanted` (family, full or PostScript name, any language) in the given origins. A family name
   * that several weights share (Noto Serif CJK SC: Regular, Bold …, installed side by side) picks the regular
   * one — the weight nearest 400 among the faces of that name in the first match's folder, the first of equals;
   * a weight is asked for by its full or PostScript name (Noto Serif CJK SC Bold), which only that face has.
   */
  byName(wanted: string, origins: FontOrigin[]): FaceMatch | undefined {
    let best: { match: FaceMatch; weight: number } | undefined;
    for (const e of this.files()) {
      if (!origins.includes(e.origin) || this.skip.has(e.path)) continue;
      if (best && (e.origin !== best.match.origin || dirname(e.path) !== dirname(best.match.file))) continue;
      if (e.origin === 'system' && !this.bigEnough(e.path)) continue;
      const faces = this.faceNames(e.path);
      for (const face of faces ?? []) {
        if (!matches(face, wanted)) continue;
        const weight = face.weight ?? REGULAR;
        if (!best || Math.abs(weight - REGULAR) < Math.abs(best.weight - REGULAR)) {
          best = { match: { file: e.path, postscriptName: face.postscriptName, origin: e.origin, matched: wanted }, weight };
        }
      }
    }
    return best?.match;
  }

  private bigEnough(file: string): boolean {
    let ok = this.sizes.get(file);
    if (ok === undefined) this.sizes.set(file, (ok = bigEnough(file)));
    return ok;
  }

  /** In a file (possibly a collection), the face named one of `wanted`, else the first face. */
  pickFace(file: string, wanted: string[]): { postscriptName: string; matched?: string } | undefined {
    const faces = this.faceNames(file);
    if (!faces || faces.length === 0) return undefined;
    for (const w of wanted) {
      const f = faces.find((x) => matches(x, w));
      if (f) return { postscriptName: f.postscriptName, matched: w };
    }
    return { postscriptName: faces[0]!.postscriptName };
  }
}

/** usWeightClass of a regular (Book, Normal) face. */
const REGULAR = 400;

function bigEnough(file: string): boolean {
  try {
    return statSync(file).size >= MIN_SYSTEM_CJK_BYTES;
  } catch {
    return false;
  }
}

/**
 * Face names by file for the whole process, while the file's size and mtime stay the same: a watcher or a batch
 * makes a new FontIndex per build, and reading the name tables of the fonts it searches was most of finding fonts.
 */
const namesByFile = new Map<string, { size: number; mtimeMs: number; names: FaceNames[] | null }>();

function namesOf(file: string): FaceNames[] | null {
  let st: { size: number; mtimeMs: number };
  try {
    st = statSync(file);
  } catch {
    return readFaceNames(file);
  }
  const known = namesByFile.get(file);
  if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known.names;
  const names = readFaceNames(file);
  namesByFile.set(file, { size: st.size, mtimeMs: st.mtimeMs, names });
  return names;
}
