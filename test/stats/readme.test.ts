/** README.md's 信息采用统计 section shows what the command prints for the demo series, and names its warnings. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../fixtures/capture.js';
import { examples, repoRoot } from '../fixtures/tmp.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

it('the example table is the output of bulletin stats examples/demo', async () => {
  const r = await runCli('--lang', 'zh', 'stats', path.join(examples, 'demo'));
  expect(r.code).toBe(0);
  const section = readme.slice(readme.indexOf('## 信息采用统计'));
  const shown = /的输出[^\n]*\n[^\n]*\n\n```\n([\s\S]*?)```/.exec(section)?.[1];
  expect(shown).toBe(r.out);
});

it('bulletin stats examples/ counts the reference issue: ten units, one item each', async () => {
  const r = await runCli('--lang', 'zh', 'stats', examples, '--format', 'json');
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as { issues: number; items: number; units: { items: number; points: number }[] };
  expect([j.issues, j.items, j.units.length]).toEqual([1, 10, 10]);
  expect(j.units.every((u) => u.items === 1 && u.points === 1)).toBe(true);
});
