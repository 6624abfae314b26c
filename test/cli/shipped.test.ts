/**
 * The CLI as shipped: `npm run build` compiles the schemas ahead of time, and the messages must come out the same
 * as from the sources (a nested unknown key once crashed there, because precompiled validators carry no schema).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../fixtures/tmp.js';

const root = path.resolve(import.meta.dirname, '../..');


test('a misplaced key inside an item gets its message at its place from the built CLI', () => {
  expect(existsSync(path.join(root, 'dist/issue/schema-validators.cjs'))).toBe(true);
  const dir = tempDir();
  cpSync(path.join(root, 'examples/demo'), dir, { recursive: true });
  const file = path.join(dir, 'pingjiang-006.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('        source: 区住建局', '        source: 区住建局\n        printCount: 1'));
  const r = spawnSync(process.execPath, [path.join(root, 'bin/bulletin.js'), 'check', file], { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/pingjiang-006\.yaml:17:9 {2}error {2}未知的键「printCount」：「printCount」应写在文件顶层/);
  expect(r.stdout + r.stderr).not.toContain('内部错误');
});
