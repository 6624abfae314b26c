#!/usr/bin/env node
// Builds every example issue (examples/*.yaml, examples/demo/*.yaml) with the built CLI (run `npm run build`
// first) and either keeps the PDFs (`save DIR`) or compares them byte for byte with ones kept before
// (`compare DIR`): a refactoring that must not change the output shows it does not.
//   node scripts/same-pdfs.mjs save /tmp/before && <change> && npm run build && node scripts/same-pdfs.mjs compare /tmp/before
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [mode, dir] = process.argv.slice(2);
if (!['save', 'compare'].includes(mode ?? '') || !dir) {
  process.stderr.write('usage: node scripts/same-pdfs.mjs save|compare DIR\n');
  process.exit(2);
}
const issues = ['examples', 'examples/demo'].flatMap((d) =>
  readdirSync(path.join(root, d))
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes('series'))
    .map((f) => path.join(d, f)),
);
const out = mode === 'save' ? path.resolve(dir) : mkdtempSync(path.join(tmpdir(), 'same-pdfs-'));
mkdirSync(out, { recursive: true });
let differ = 0;
for (const issue of issues) {
  const name = issue.replace(/[\\/]/g, '_').replace(/\.ya?ml$/, '.pdf');
  execFileSync(process.execPath, [path.join(root, 'bin/bulletin.js'), 'build', issue, '-o', path.join(out, name)], { cwd: root, stdio: 'pipe' });
  if (mode === 'compare') {
    const before = path.join(path.resolve(dir), name);
    const same = existsSync(before) && readFileSync(before).equals(readFileSync(path.join(out, name)));
    if (!same) differ++;
    process.stdout.write(`${same ? 'same   ' : 'DIFFERS'} ${issue}\n`);
  } else process.stdout.write(`saved  ${issue} → ${path.join(out, name)}\n`);
}
process.exit(differ ? 1 : 0);
