import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { applyFixes } from '../../src/check/fix.js';
import { tempDir } from '../fixtures/tmp.js';

test('--fix writes through a symlinked issue file to the real one, and keeps the link', async () => {
  const dir = tempDir();
  const real = path.join(dir, 'real.yaml');
  const link = path.join(dir, 'issue.yaml');
  writeFileSync(real, 'name: 平江信息\nnote: 城市更新,事关群众\n');
  symlinkSync(real, link);
  const out = await applyFixes([{ file: link, path: ['note'], textOffset: 0, text: '城市更新,事关群众', edits: [{ start: 4, end: 5, text: '，' }], rule: 'punct-halfwidth' }]);
  expect(out[0]).toMatchObject({ changed: true });
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readFileSync(real, 'utf8')).toContain('城市更新，事关群众');
});
