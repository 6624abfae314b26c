#!/usr/bin/env node
// `npm run verify:docx`: the .docx of the reference issue, converted to PDF by LibreOffice (headless) and measured by
// the audit, against what issue 17 asks: 22 lines on every full page, 28 characters a full line, a red masthead, page
// numbers alternating right and left, every character of the seed in order. Not part of `npm test`: it needs
// LibreOffice (test/setup-docx.sh installs it) and takes half a minute. With --picture it also renders page 1 of
// LibreOffice's PDF to examples/gusu-022-docx-page1.png (the README's picture). Exit 0 when every figure holds.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(path.join(tmpdir(), 'bulletin-docx-'));
const keep = process.argv.includes('--keep');

/** #rrggbb that reads as red: a strong red channel, little green and blue. */
function isRed(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return r >= 0xc0 && g <= 0x40 && b <= 0x40;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error || r.status !== 0) {
    process.stderr.write(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}\n`);
    process.exit(2);
  }
  return r.stdout;
}

try {
  const docx = path.join(out, 'gusu-022.docx');
  run('node', [path.join(root, 'bin/bulletin.js'), 'build', path.join(root, 'examples/gusu-022.yaml'), '--docx', '-o', path.join(out, 'gusu-022.pdf')], {
    env: { ...process.env, SOURCE_DATE_EPOCH: '' },
  });
  // A profile of its own, so that a LibreOffice already running (or a stale lock) does not swallow the conversion.
  const profile = `file://${path.join(out, 'lo-profile')}`;
  const lo = path.join(out, 'lo');
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, docx]);
  const pdf = path.join(lo, 'gusu-022.pdf');

  // The shared audit tool when ../shared is beside the checkout, else the copy the tests use.
  const shared = path.resolve(root, '../shared/tools');
  const [audit, seed] = existsSync(path.join(shared, 'audit.py'))
    ? [path.join(shared, 'audit.py'), path.join(shared, 'seed.json')]
    : [path.join(root, 'test/fixtures/audit.py'), path.join(root, 'test/fixtures/seed.json')];
  const a = JSON.parse(run('python3', [audit, pdf, '--seed', seed, '--json']));
  const lines = a.body_lines_per_page;
  const sides = a.page_numbers_sides;
  const checks = [
    ['every full page holds 22 lines (all but the first and the last)', lines.slice(1, -1).every((n) => n === 22), JSON.stringify(lines)],
    ['28 characters a full line of body text', a.chars_per_full_line === 28, a.chars_per_full_line],
    ['the masthead in red', a.masthead_colors.length > 0 && a.masthead_colors.every(isRed), a.masthead_colors.join(' ')],
    ['page numbers on every page, odd right and even left', a.page_numbers_ok === a.pages && [...sides].every((s, i) => s === (i % 2 ? 'L' : 'R')), `${a.page_numbers_ok}/${a.pages} ${sides}`],
    ['fidelity 1.0 against the seed', a.fidelity === 1, a.fidelity],
  ];
  console.log(`${run('soffice', ['--version']).trim()}; audit: ${path.relative(root, audit)}`);
  console.log(`pages ${a.pages}, line pitch ${a.line_pitch_pt} pt, lines per page ${JSON.stringify(lines)}, full lines ${a.full_lines}, ragged ${a.ragged_lines}, off grid ${a.off_grid_lines}, 禁则 ${a.kinsoku_violations}`);
  for (const [what, ok, got] of checks) console.log(`${ok ? '✓' : '✖'} ${what}: ${got}`);
  if (process.argv.includes('--picture')) {
    const png = path.join(root, 'examples/gusu-022-docx-page1');
    run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    console.log(`page 1 → ${path.relative(root, png)}.png`);
  }
  if (keep) {
    copyFileSync(pdf, path.join(out, 'gusu-022-libreoffice.pdf'));
    console.log(`kept in ${out}`);
  }
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
} finally {
  if (!keep) rmSync(out, { recursive: true, force: true });
}
