/**
 * Runs the CommonJS bundle of the CLI (dist/bundle/cli.cjs) with V8's code cache: compiling the bundle's code was
 * the largest share of a cold start, and V8 can skip it given the code it compiled last time (`cachedData`). The
 * cache is made after a command ran, so it holds the functions that command needed (one entry per command kind),
 * and lives in the user's cache folder (folder.ts). A missing, stale or damaged entry is a miss: V8 compiles as
 * if there were no cache, and the entry is written again. The code run is the same either way, so is the output.
 *
 * Built by esbuild.config.mjs as dist/bundle/loader.cjs; bin/bulletin.js requires it (no tsc output, no bundle
 * chunks), so it is plain Node and works the same through npm's bin shims on Windows and macOS.
 */
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheFolder } from './folder.js';
import { readEntry, shortHash, writeEntry } from './store.js';

export interface CachedModule {
  exports: Record<string, unknown>;
  /** Whether V8 used the stored code (false: none stored yet, or it was stale or damaged). */
  hit: boolean;
  /** Stores the code compiled so far when the entry was missing or unusable; call it after the work is done. */
  save(): void;
}

/** The entry's file and key: the bundle's own identity (path, size, mtime) and the V8 that compiled it. */
export function codeCacheEntry(file: string, kind: string, folder: string | null = cacheFolder()): { file: string; key: string } | null {
  if (!folder) return null;
  const st = statSync(file);
  const key = [file, st.size, st.mtimeMs, kind, process.version, process.arch, process.versions.v8].join('\u0000');
  return { file: join(folder, 'v8', `${kind}-${shortHash(key)}.bin`), key };
}

/** Loads the CommonJS file `file` as `require` would, through the code cache for `kind` (e.g. the command name). */
export function requireCached(file: string, kind: string, folder: string | null = cacheFolder()): CachedModule {
  const bytes = readFileSync(file);
  // The bundle is written in ASCII (esbuild charset): latin1 reads it as UTF-8 would, without the decoding.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let entry: { file: string; key: string } | null = null;
  try {
    entry = codeCacheEntry(file, kind, folder);
  } catch {
    entry = null;
  }
  const cachedData = entry ? (readEntry(entry.file, entry.key) ?? undefined) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const hit = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as Record<string, unknown> };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    hit,
    save() {
      if (hit || !entry) return;
      try {
        if (writeEntry(entry.file, entry.key, script.createCachedData())) dropOthers(entry.file, kind);
      } catch {
        /* no cache this time */
      }
    },
  };
}

/** Entries of this kind made for earlier builds of the bundle: never read again. */
function dropOthers(keep: string, kind: string): void {
  const dir = dirname(keep);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${kind}-`) && name.endsWith('.bin') && name !== basename(keep)) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        /* another process's, or already gone */
      }
    }
  }
}
