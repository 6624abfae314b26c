/**
 * `bulletin build --watch FILE`: builds once, then again whenever the issue, its series file or a font it uses
 * changes (or a font is dropped into the fonts/ folder beside the issue). Code, fonts and the compiled schema stay
 * loaded between builds, so a rebuild costs only the work itself. A failed rebuild writes nothing, so the last
 * good PDF stays on disk (writes are atomic and happen only on success).
 *
 * Folders are watched rather than files: editors that save by renaming a new file over the old one would
 * otherwise leave a watcher on a deleted inode.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { clearFontCache } from '../fonts/cache.js';
import { LayoutCache } from '../typeset/layout-cache.js';
import { ImageCache } from './images.js';
import { buildIssue, writtenFiles, type BuildOptions, type BuildResult } from './build-issue.js';
import { translator } from '../i18n/lang.js';
import { displayPath } from '../io/display-path.js';

export interface WatchOptions extends BuildOptions {
  /** Quiet time after the last change before rebuilding (ms). */
  debounceMs?: number;
  /** Called after every build (the first one too), with its time in milliseconds. */
  onBuild(result: BuildResult, ms: number, reason: string | null): void;
  /** Called when a build throws (a bug, not a finding). */
  onCrash?(error: unknown): void;
}

export interface Watcher {
  /** Resolves after the first build. */
  ready: Promise<void>;
  /** The files being watched now. */
  files(): string[];
  close(): void;
}

export function watchIssue(file: string, options: WatchOptions): Watcher {
  const abs = path.resolve(file);
  const debounceMs = options.debounceMs ?? 80;
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>([abs]);
  let fontFiles = new Set<string>();
  /** The folders whose fonts/ the resolver searches: the issue's, and the series file's. */
  let homes = new Set<string>([path.dirname(abs)]);
  let timer: NodeJS.Timeout | null = null;
  let building = false;
  let again: string | null = null;
  let fontsChanged = false;
  let closed = false;
  // Paragraphs an edit did not touch are not set again; fonts changing on disk start it afresh.
  let layoutCache = new LayoutCache();
  const imageCache = new ImageCache();

  const run = async (reason: string | null): Promise<void> => {
    if (building) {
      again = reason;
      return;
    }
    building = true;
    try {
      if (fontsChanged) {
        clearFontCache();
        layoutCache = new LayoutCache();
        fontsChanged = false;
      }
      const started = performance.now();
      const result = await buildIssue(abs, { ...options, layoutCache, imageCache });
      const ms = performance.now() - started;
      if (result.inputs?.length) {
        // A failed build may have stopped before reading some input (a broken series file, a font): keep watching
        // what the last builds read, or mending it would go unnoticed.
        inputs = result.ok ? new Set(result.inputs) : new Set([...inputs, ...result.inputs]);
        // What else it read are fonts, but for the series file and the photos and CSV files the issue names.
        fontFiles = new Set([...inputs].filter((f) => f !== abs && !/\.(ya?ml|csv|jpe?g|png)$/i.test(f)));
        homes = new Set([path.dirname(abs), ...[...inputs].filter((f) => /\.ya?ml$/i.test(f)).map((f) => path.dirname(f))]);
      }
      rewatch();
      if (!closed) options.onBuild(result, ms, reason);
    } catch (e) {
      options.onCrash?.(e);
    } finally {
      building = false;
    }
    if (again !== null && !closed) {
      const r = again;
      again = null;
      await run(r);
    }
  };

  const fontDirs = () => new Set([...homes].map((h) => path.join(h, 'fonts')));

  const changed = (dir: string, name: string | Buffer | null) => {
    if (closed) return;
    const full = name ? path.join(dir, name.toString()) : null;
    // A fonts/ folder changed, or was made (or removed) beside the issue or its series file.
    const isFontDir = fontDirs().has(dir) || (full !== null && fontDirs().has(full));
    if (!isFontDir && (full === null || !inputs.has(full))) return;
    if (isFontDir || (full && fontFiles.has(full))) fontsChanged = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run(full ? displayPath(full) : dir);
    }, debounceMs);
  };

  const rewatch = () => {
    if (closed) return;
    const dirs = new Set([...inputs, ...homes].map((f) => (homes.has(f) ? f : path.dirname(f))));
    for (const d of fontDirs()) if (existsSync(d)) dirs.add(d);
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, name) => changed(dir, name));
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
        // A fonts/ folder watched only from now on may have got its files since the build began: once more.
        if (fontDirs().has(dir) && started) changed(dir, null);
      } catch {
        /* a folder that vanished: watched again after the next build */
      }
    }
  };

  let started = false;
  const ready = run(null).then(() => {
    started = true;
  });
  return {
    ready,
    files: () => [...inputs],
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/**
 * The CLI side of `build --watch`: a line per build with its time, the findings in the stylish format, and a
 * note that the last good PDF was kept when a rebuild failed. Runs until the process is interrupted.
 */
export async function runWatch(file: string, options: BuildOptions, lang: 'zh' | 'en'): Promise<number> {
  const t = translator(lang);
  const { formatFindings, internalErrorLine } = await import('../check/formats/findings.js');
  let lastGood: string | null = null;
  const w = watchIssue(file, {
    ...options,
    onBuild(r, ms, reason) {
      const when = new Date().toTimeString().slice(0, 8);
      const why = reason ? t(`（${reason} 有改动）`, ` (${reason} changed)`) : '';
      process.stderr.write(formatFindings(r.diagnostics, lang));
      const took = ms.toFixed(ms < 100 ? 1 : 0);
      if (r.ok) {
        lastGood = r.output!;
        const out = writtenFiles(r).map((f) => displayPath(f)).join(t('、', ', '));
        process.stdout.write(t(`[${when}] ✓ ${displayPath(r.file)} → ${out}（${r.pages} 页，${took} 毫秒）${why}\n`, `[${when}] ✓ ${displayPath(r.file)} → ${out} (${r.pages} pages, ${took} ms)${why}\n`));
      } else {
        const kept = lastGood ? t(`，保留上次的 ${displayPath(lastGood)}`, `; kept the last good ${displayPath(lastGood)}`) : '';
        process.stdout.write(t(`[${when}] ✖ ${displayPath(r.file)}：未生成 PDF${kept}（${took} 毫秒）${why}\n`, `[${when}] ✖ ${displayPath(r.file)}: no PDF written${kept} (${took} ms)${why}\n`));
      }
      process.stdout.write(t('正在监视改动（Ctrl+C 结束）…\n', 'watching for changes (Ctrl+C to stop)…\n'));
    },
    onCrash(e) {
      process.stderr.write(internalErrorLine(e, lang));
    },
  });
  await w.ready;
  return new Promise<number>((resolve) => {
    const stop = () => {
      w.close();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
