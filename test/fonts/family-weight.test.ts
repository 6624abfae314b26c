import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FontIndex } from '../../src/fonts/discovery.js';
import { readFaceNames } from '../../src/fonts/sfnt-names.js';
import { cleanTemp, makeTtc, tempDir, NOTO_SERIF, NOTO_SERIF_BLACK } from './helpers.js';
import { writeFileSync } from 'node:fs';

afterAll(cleanTemp);

describe('a family name with several weights installed', () => {
  it('reads each face weight from OS/2', () => {
    expect(readFaceNames(NOTO_SERIF)?.[0]?.weight).toBe(400);
    expect(readFaceNames(NOTO_SERIF_BLACK)?.[0]?.weight).toBe(900);
  });

  it('picks the regular face even when a heavier file comes first', () => {
    const dir = tempDir('bulletin-weight-');
    // "a-" sorts before "b-": before the fix the first file found (the Black) set the whole body.
    symlinkSync(NOTO_SERIF_BLACK, join(dir, 'a-NotoSerifSC-Black.ttf'));
    symlinkSync(NOTO_SERIF, join(dir, 'b-NotoSerifSC-Regular.ttf'));
    const index = new FontIndex({ locations: [{ dir, origin: 'issue' }] });
    expect(index.byName('Noto Serif SC', ['issue'])?.postscriptName).toBe('NotoSerifSC-Regular');
    // A weight is asked for by the face's own full or PostScript name.
    expect(index.byName('NotoSerifSC-Black', ['issue'])?.postscriptName).toBe('NotoSerifSC-Black');
    expect(index.byName('Noto Serif SC Black', ['issue'])?.postscriptName).toBe('NotoSerifSC-Black');
  });

  it('picks the regular face inside a collection that lists the bold first', () => {
    const dir = tempDir('bulletin-weight-ttc-');
    writeFileSync(join(dir, 'NotoSerif.ttc'), makeTtc([NOTO_SERIF_BLACK, NOTO_SERIF]));
    const index = new FontIndex({ locations: [{ dir, origin: 'issue' }] });
    expect(index.byName('Noto Serif SC', ['issue'])?.postscriptName).toBe('NotoSerifSC-Regular');
  });
});
