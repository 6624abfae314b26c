/**
 * Builds dist/ once, before any test file runs (`npm run build`: tsc, the esbuild bundle, the precompiled schema
 * validators). Tests that run bin/bulletin.js then see the current code, and no two test files rebuild dist/ at
 * the same time (one rebuilding while another runs the CLI made chunks vanish under it).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
