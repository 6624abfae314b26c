/**
 * Shaped Latin runs of a font, kept on disk between runs (the user's cache folder, src/cache). Shaping the short
 * Latin runs of an issue (digits, years, names) with fontkit was a sixth of a cold build, most of it fontkit
 * reading the font's GSUB/GPOS tables on first use; a run is a pure function of the font file and the text, so a
 * build can take it from the last build instead. The entry's key is the file's path, size and mtime and the face:
 * a changed font is a miss. A damaged or half-written entry is a miss too (store.ts), never a different run.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolder } from '../cache/folder.js';
import { readEntry, shortHash, writeEntry } from '../cache/store.js';
import type { ShapedRun } from '../typeset/types.js';

/** Runs beyond this many are not stored (a long issue full of Latin would otherwise grow the entry without end). */
const MAX_RUNS = 4000;
const VERSION = 'shaped-v1';

export interface ShapedStore {
  /** The runs read from disk (empty on a miss). */
  readonly runs: Map<string, ShapedRun>;
  /** Notes a run shaped in this process; the entry is written when the process ends. */
  add(text: string, run: ShapedRun): void;
}

const pending = new Set<() => void>();
let hooked = false;

/** Writes every store that got new runs (at process exit; tests call it directly). */
export function flushShapedStores(): void {
  for (const f of pending) f();
  pending.clear();
}

function isRun(x: unknown): x is ShapedRun {
  const r = x as ShapedRun;
  return !!r && Array.isArray(r.gids) && Array.isArray(r.advances) && Array.isArray(r.texts) && r.gids.length === r.advances.length && r.gids.length === r.texts.length;
}

/** The store of `file`'s face `postscriptName`, or null when there is no cache folder or the file cannot be stat'ed. */
export function openShapedStore(file: string, postscriptName: string, folder: string | null = cacheFolder()): ShapedStore | null {
  if (!folder) return null;
  let key: string;
  try {
    const st = statSync(file);
    key = [VERSION, file, st.size, st.mtimeMs, postscriptName].join('\u0000');
  } catch {
    return null;
  }
  const entry = join(folder, 'fonts', `shaped-${shortHash(key)}.json`);
  const runs = new Map<string, ShapedRun>();
  const payload = readEntry(entry, key);
  if (payload) {
    try {
      const obj = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      for (const [text, run] of Object.entries(obj)) {
        if (isRun(run) && run.texts.join('') === text) runs.set(text, run);
      }
    } catch {
      runs.clear(); // damaged despite its checksum: shape again
    }
  }
  const added = new Map<string, ShapedRun>();
  const write = () => {
    const all: Record<string, ShapedRun> = {};
    let n = 0;
    for (const m of [runs, added]) {
      for (const [text, run] of m) {
        if (n++ >= MAX_RUNS) break;
        all[text] = run;
      }
    }
    writeEntry(entry, key, Buffer.from(JSON.stringify(all), 'utf8'));
  };
  return {
    runs,
    add(text, run) {
      if (runs.size + added.size >= MAX_RUNS) return;
      added.set(text, run);
      pending.add(write);
      if (!hooked) {
        hooked = true;
        process.once('exit', flushShapedStores);
      }
    },
  };
}
