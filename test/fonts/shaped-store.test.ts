import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flushShapedStores, openShapedStore } from '../../src/fonts/shaped-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('shaped runs kept between processes', () => {
  it('come back for the same font file, not for a changed or damaged one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-shaped-'));
    dirs.push(dir);
    const font = path.join(dir, 'f.ttf');
    writeFileSync(font, 'not really a font, only its identity matters here');
    const folder = path.join(dir, 'cache');
    const run = { gids: [10, 11], advances: [0.5, 0.25], texts: ['2', '0'] };
    openShapedStore(font, 'F', folder)!.add('20', run);
    flushShapedStores();
    expect(openShapedStore(font, 'F', folder)!.runs.get('20')).toEqual(run);
    expect(openShapedStore(font, 'Other', folder)!.runs.size).toBe(0);

    // Damaged entry: a miss.
    const entry = path.join(folder, 'fonts', readdirSync(path.join(folder, 'fonts'))[0]!);
    const good = readFileSync(entry);
    writeFileSync(entry, Buffer.concat([good.subarray(0, good.length - 3), Buffer.from('xyz')]));
    expect(openShapedStore(font, 'F', folder)!.runs.size).toBe(0);
    writeFileSync(entry, good);
    expect(openShapedStore(font, 'F', folder)!.runs.size).toBe(1);

    // The font changed (mtime): a miss.
    copyFileSync(font, `${font}.bak`);
    utimesSync(font, new Date(), new Date(Date.now() + 10_000));
    expect(openShapedStore(font, 'F', folder)!.runs.size).toBe(0);
  });
});
