import { expect, test } from 'vitest';
import { clearFontCache } from '../../src/fonts/cache.js';
import { resolveFonts } from '../../src/fonts/roles.js';

const settings = { fonts: { masthead: [], body: [], heading: [], kai: [], number: [] }, fontPaths: [] };

test('clearing the font cache (fonts changed on disk under --watch) drops the faces made over the old files', async () => {
  const a = await resolveFonts(settings, '/nonexistent', undefined, { systemDirs: [], packageFontsDir: null });
  const again = await resolveFonts(settings, '/nonexistent', undefined, { systemDirs: [], packageFontsDir: null });
  expect(again.fonts.body.faces[0]).toBe(a.fonts.body.faces[0]);
  clearFontCache();
  const b = await resolveFonts(settings, '/nonexistent', undefined, { systemDirs: [], packageFontsDir: null });
  expect(b.fonts.body.faces[0]).not.toBe(a.fonts.body.faces[0]);
  expect(b.fonts.body.faces[0]!.advance(0x4e2d)).toBe(1);
});
