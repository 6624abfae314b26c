/** README.md stays in step with the code: the rules table with the rules, the command table with the options. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, seriesRules } from '../../src/check/rules/index.js';
import { repoRoot } from '../fixtures/tmp.js';
import { run } from '../scaffold/run.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('README.md', () => {
  it('the rules table lists every rule once, and says "可自动修正" exactly for the rules --fix fixes', () => {
    // Rows whose first cell is one `id` (the command rows hold spaces, the fonts table no backticks).
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (.*) \|$/gm)];
    const tableIds = rows.map((m) => m[1]);
    expect(tableIds.length).toBe(new Set(tableIds).size);
    expect(new Set(tableIds)).toEqual(new Set([...rules, ...seriesRules].map((r) => r.id)));
    for (const rule of [...rules, ...seriesRules]) {
      const row = rows.find((m) => m[1] === rule.id)!;
      expect(/可自动修正|可自动删去/.test(row[2]!), rule.id).toBe(rule.fixable);
    }
  });

  it('the command table names every option of build, new, init, import, fonts and stats that --help lists', async () => {
    for (const cmd of ['build', 'new', 'init', 'import', 'fonts', 'stats']) {
      const help = (await run('--lang', 'en', cmd, '--help')).out;
      const options = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((o) => o !== '--help');
      const row = readme.split('\n').find((l) => l.startsWith(`| \`bulletin ${cmd} `))!;
      expect(row, cmd).toBeDefined();
      for (const o of options) expect(row.includes(o) || (o === '--output' && row.includes('`-o')), `${cmd} ${o}`).toBe(true);
    }
  });

  it('the exit code table has 0, 1, 2 and 70', () => {
    const codes = [...readme.matchAll(/^\| (\d+) \| /gm)].map((m) => m[1]);
    expect(codes).toEqual(['0', '1', '2', '70']);
  });
});
