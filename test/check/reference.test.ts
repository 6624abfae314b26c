import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadIssue } from '../../src/issue/load.js';
import { checkIssues } from '../../src/check/run.js';

const today = new Date(2026, 4, 21, 12);

describe('the reference issue', () => {
  it('passes every editorial rule with 0 findings', async () => {
    const loaded = await loadIssue(path.resolve('examples/gusu-022.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    const result = checkIssues([{ issue: loaded.issue!, sources: loaded.sources }], { today });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message.zh}`)).toEqual([]);
    expect(result.fixes).toEqual([]);
  });
});
