/**
 * Builds dist/ once, before any test file runs (`npm run build`: tsc, the esbuild bundle, the precompiled schema
 * validators). Tests that run bin/bulletin.js then see the current code, and no two test files rebuild dist/ at
 * the same time (one rebuilding while another runs the CLI made chunks vanish under it).
 *
 * The CLI's cache (V8 code, shaped runs) goes to a folder of the run's own, removed at the end: the tests leave
 * nothing in the user's cache folder, and a stale entry there cannot change what they see.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const cache = mkdtempSync(path.join(tmpdir(), 'bulletin-test-cache-'));
  process.env.BULLETIN_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
