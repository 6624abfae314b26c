import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** A temp folder with the example series file and `n` copies of the reference issue, numbered 1…n. */
export function issuesDir(n: number): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-batch-'));
  copyFileSync(path.join(root, 'test/fixtures/gusu.series.yaml'), path.join(dir, 'bulletin.series.yaml'));
  // Without `series: false`, so the series file beside the copies is theirs (and watched).
  const text = readFileSync(path.join(root, 'examples/gusu-022.yaml'), 'utf8').replace(/^series: false.*\n/m, '');
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const f = path.join(dir, `issue-${i}.yaml`);
    writeFileSync(f, text.replace(/^number: \d+/m, `number: ${i}`));
    files.push(f);
  }
  return { dir, files };
}

/** dist/ (bundle included) is built once per test run by test/global-setup.ts; this only checks it is there. */
export function ensureDist(): void {
  if (!existsSync(path.join(root, 'dist/bundle/cli.mjs'))) throw new Error('dist/bundle is missing: run the tests through vitest (its global setup runs npm run build)');
}
