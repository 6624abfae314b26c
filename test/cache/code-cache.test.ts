import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/cache/folder.js';
import { readEntry, writeEntry } from '../../src/cache/store.js';
import { codeCacheEntry, requireCached } from '../../src/cache/code-cache.js';
import { ensureDist, root } from '../build-batch/helpers.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'bulletin-cache-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('cache folder', () => {
  it('follows each system and the overrides', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'bulletin'));
    expect(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toBe(path.join('C:\\Users\\a\\AppData\\Local', 'bulletin'));
    expect(cacheFolder({ BULLETIN_CACHE_DIR: '/y', XDG_CACHE_HOME: '/x' }, 'linux')).toBe('/y');
    expect(cacheFolder({ BULLETIN_CACHE: '0', XDG_CACHE_HOME: '/x' }, 'linux')).toBeNull();
  });
});

describe('cache entries', () => {
  it('read back only with the same key and intact bytes', () => {
    const f = path.join(tmp(), 'sub', 'e.bin');
    expect(writeEntry(f, 'k1', Buffer.from('payload'))).toBe(true);
    expect(readEntry(f, 'k1')?.toString()).toBe('payload');
    expect(readEntry(f, 'k2')).toBeNull();
    const bytes = readFileSync(f);
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(f, bytes);
    expect(readEntry(f, 'k1')).toBeNull();
    writeFileSync(f, bytes.subarray(0, 10));
    expect(readEntry(f, 'k1')).toBeNull();
    expect(readEntry(path.join(f, 'missing'), 'k1')).toBeNull();
  });
});

describe('V8 code cache', () => {
  it('stores the code once, uses it next time, and treats a damaged or stale entry as a miss', () => {
    const dir = tmp();
    const file = path.join(dir, 'm.cjs');
    writeFileSync(file, 'exports.twice = (x) => x * 2; exports.file = __filename;');
    const folder = path.join(dir, 'cache');
    const first = requireCached(file, 'build', folder);
    expect(first.hit).toBe(false);
    expect((first.exports.twice as (x: number) => number)(21)).toBe(42);
    expect(first.exports.file).toBe(file);
    first.save();
    const entry = codeCacheEntry(file, 'build', folder)!;
    expect(statSync(entry.file).size).toBeGreaterThan(0);
    expect(requireCached(file, 'build', folder).hit).toBe(true);

    // Damaged: a miss, the same result, and the entry is written again.
    const bytes = readFileSync(entry.file);
    bytes[bytes.length >> 1]! ^= 0xff;
    writeFileSync(entry.file, bytes);
    const damaged = requireCached(file, 'build', folder);
    expect(damaged.hit).toBe(false);
    expect((damaged.exports.twice as (x: number) => number)(5)).toBe(10);
    damaged.save();
    expect(requireCached(file, 'build', folder).hit).toBe(true);

    // Stale: the file changed, so its key did; the new code runs, never the old.
    writeFileSync(file, 'exports.twice = (x) => x * 3;');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const stale = requireCached(file, 'build', folder);
    expect(stale.hit).toBe(false);
    expect((stale.exports.twice as (x: number) => number)(5)).toBe(15);
  });

  describe('the CLI through bin/bulletin.js', () => {
    beforeAll(() => ensureDist(), 120_000);

    const build = (cache: string, out: string) =>
      spawnSync(process.execPath, [path.join(root, 'bin/bulletin.js'), 'build', path.join(root, 'examples/gusu-022.yaml'), '-o', out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, BULLETIN_CACHE_DIR: cache },
      });

    it('writes the same PDF with no cache, a filled one and a corrupt one', () => {
      const dir = tmp();
      const cache = path.join(dir, 'cache');
      const pdfs = ['a.pdf', 'b.pdf', 'c.pdf'].map((n) => path.join(dir, n));
      expect(build(cache, pdfs[0]!).status).toBe(0);
      const entries = readdirSync(path.join(cache, 'v8'));
      expect(entries.length).toBe(1);
      expect(build(cache, pdfs[1]!).status).toBe(0);
      // Garbage in every cache file (code and shaped runs): still the same PDF, and the entry is made good again.
      for (const e of entries) writeFileSync(path.join(cache, 'v8', e), Buffer.alloc(5000, 0x5a));
      const shaped = readdirSync(path.join(cache, 'fonts'));
      expect(shaped.length).toBeGreaterThan(0);
      for (const e of shaped) writeFileSync(path.join(cache, 'fonts', e), readFileSync(path.join(cache, 'fonts', e)).subarray(0, 60));
      const r = build(cache, pdfs[2]!);
      expect(r.status, r.stderr).toBe(0);
      const [a, b, c] = pdfs.map((p) => readFileSync(p));
      expect(b!.equals(a!)).toBe(true);
      expect(c!.equals(a!)).toBe(true);
      expect(readFileSync(path.join(cache, 'v8', entries[0]!)).subarray(0, 8).toString('latin1')).toBe('BLTNCACH');
    }, 120_000);
  });
});
