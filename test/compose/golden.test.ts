/**
 * Golden BulletinDocs of the examples: composition is tested without fonts, against JSON files reviewed by a person
 * (test/compose/golden/*.json). A change to the composition shows as a diff of those files; after reviewing it,
 * `UPDATE_GOLDEN=1 npx vitest run test/compose/golden.test.ts` writes them again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/index.js';
import { loadIssue } from '../../src/issue/load.js';
import { repoRoot } from '../fixtures/tmp.js';

const EXAMPLES = ['examples/gusu-022.yaml', 'examples/demo/pingjiang-005.yaml', 'examples/demo/pingjiang-006.yaml'];
const GOLDEN = path.join(repoRoot, 'test/compose/golden');

/** The document as JSON, with file paths relative to the repository so the files hold in any clone. */
function asJson(doc: unknown): string {
  return `${JSON.stringify(doc, (key, value) => (key === 'file' && typeof value === 'string' ? path.relative(repoRoot, value).split(path.sep).join('/') : value), 2)}\n`;
}

describe('golden BulletinDocs of the examples', () => {
  for (const example of EXAMPLES) {
    it(example, async () => {
      const loaded = await loadIssue(path.join(repoRoot, example));
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const json = asJson(composeIssue(loaded.issue!));
      const golden = path.join(GOLDEN, `${path.basename(example, '.yaml')}.json`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, json);
      expect(json).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
