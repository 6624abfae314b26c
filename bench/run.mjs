#!/usr/bin/env node
/**
 * `npm run bench [-- --runs N] [--quick] [--out FILE] [--no-build]`: whole-process timings of bulletin against
 * baselines measured in the same run (so ratios hold on a noisy machine), a table on stdout and JSON in
 * bench/results.json. Each measure: one warm-up, then N runs (default 5); median, min and max.
 *
 * --quick (CI): small batch and synthetic issues; it checks that the script works, not the targets.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(value('--runs', '5')));
const QUICK = flag('--quick');
const OUT = path.resolve(value('--out', path.join(root, 'bench/results.json')));
const BATCH = Number(value('--batch', QUICK ? '4' : '100'));
const SIZES = (value('--sizes', QUICK ? '2,4' : '25,50,100,200')).split(',').map(Number);
const SYNTH = Number(value('--pages', QUICK ? '4' : '100'));

const node = process.execPath;
const bin = path.join(root, 'bin/bulletin.js');
const reference = path.join(root, 'examples/gusu-022.yaml');
const tmp = mkdtempSync(path.join(tmpdir(), 'bulletin-bench-'));
const log = (s) => process.stderr.write(s + '\n');

if (!flag('--no-build')) {
  log('building (npm run build)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}

function run(cmd, argv, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { ms, r };
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
}

/** One warm-up, then RUNS timed runs of a whole process. */
function timeProcess(label, cmd, argv, runs = RUNS) {
  log(`timing ${label}…`);
  run(cmd, argv);
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(run(cmd, argv).ms);
  return stats(xs);
}

/* ---- inputs: the batch (copies with different numbers) and synthetic long issues ---- */

const refText = readFileSync(reference, 'utf8');
/** A fresh folder (the reference issue carries its own series settings). */
function withSeries(dir) {
  rmSync(dir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', dir]);
  return dir;
}
const batchDir = withSeries(path.join(tmp, 'batch'));
for (let i = 1; i <= BATCH; i++) {
  writeFileSync(path.join(batchDir, `issue-${String(i).padStart(3, '0')}.yaml`), refText.replace(/^number: \d+/m, `number: ${i}`));
}

/** The reference issue with its news items repeated until it fills about `pages` pages (9 pages ≈ 13,000 characters). */
const refDoc = YAML.parse(refText);
function synthetic(pages) {
  const dir = withSeries(path.join(tmp, `synthetic-${pages}`));
  const doc = structuredClone(refDoc);
  const items = refDoc.sections[0].items;
  const want = Math.max(1, Math.round((pages / 9) * (refDoc.sections.reduce((n, s) => n + s.items.length, 0))));
  doc.sections = [{ ...refDoc.sections[0], items: Array.from({ length: want }, (_, i) => ({ ...items[i % items.length] })) }];
  const file = path.join(dir, `synthetic-${pages}.yaml`);
  writeFileSync(file, YAML.stringify(doc, { lineWidth: 0 }));
  return file;
}

/* ---- measures ---- */

const results = { date: new Date().toISOString(), machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? '', node: process.version }, runs: RUNS, quick: QUICK };

results.baselines = {
  nodeEmpty: timeProcess('node -e 0', node, ['-e', '0']),
  pdfkitText: timeProcess('pdfkit doc.text() baseline', node, [path.join(root, 'bench/pdfkit-baseline.mjs'), reference, path.join(tmp, 'pdfkit.pdf')]),
};
const refPdf = path.join(tmp, 'reference.pdf');
results.coldBuild = timeProcess('cold bulletin build', node, [bin, 'build', reference, '-o', refPdf]);
results.coldCheck = timeProcess('cold bulletin check', node, [bin, 'check', reference], Math.min(RUNS, 3));
results.referencePdfBytes = statSync(refPdf).size;
results.pdfkitBaselineBytes = statSync(path.join(tmp, 'pdfkit.pdf')).size;

log('timing warm rebuilds…');
{
  const count = Math.max(RUNS, QUICK ? 3 : 20);
  const w = JSON.parse(run(node, [path.join(root, 'bench/warm.mjs'), reference, path.join(tmp, 'warm.pdf'), String(count)]).r.stdout);
  results.warmRebuild = { ...stats(w.times), firstInProcess: w.first, firstSaves: stats(w.early) };
}

results.batch = { files: BATCH, jobs: availableParallelism(), ...timeProcess(`batch of ${BATCH}`, node, [bin, 'build', batchDir], QUICK ? RUNS : Math.min(RUNS, 5)) };

{
  const file = synthetic(SYNTH);
  const whole = timeProcess(`synthetic ${SYNTH}-page build`, node, [bin, 'build', file, '-o', path.join(tmp, 'synthetic.pdf')], Math.min(RUNS, 5));
  results.synthetic = { targetPages: SYNTH, ...whole };
}

log('timing layout alone…');
{
  const files = SIZES.map(synthetic);
  const out = JSON.parse(run(node, [path.join(root, 'bench/layout.mjs'), String(RUNS), ...files]).r.stdout);
  results.layout = out.map((o, i) => {
    const s = stats(o.times);
    return { targetPages: SIZES[i], pages: o.pages, chars: o.chars, ...s, usPerChar: (s.median * 1000) / o.chars };
  });
  const per = results.layout.map((l) => l.usPerChar);
  // Linear (or better): the cost per character of the largest issue is at most 1.5 times the smallest one's.
  // (Fixed costs make small issues dearer per character, so the ratio usually falls below 1.)
  const growth = per[per.length - 1] / per[0];
  results.layoutLinear = { ratio: growth, linear: growth <= 1.5 };
  const hundred = results.layout.find((l) => l.targetPages === 100) ?? results.layout[results.layout.length - 1];
  results.layout100 = hundred;
}

log('measuring peak memory…');
{
  const samples = [];
  const viaTime = existsSync('/usr/bin/time');
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    if (viaTime) {
      const { r } = run('/usr/bin/time', ['-v', node, bin, 'build', reference, '-o', refPdf]);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
      if (m) samples.push(Number(m[1]) / 1024);
    } else {
      const script = `process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'));process.argv=[process.argv[0],${JSON.stringify(bin)},'build',${JSON.stringify(reference)},'-o',${JSON.stringify(refPdf)}];await import(${JSON.stringify(bin)});`;
      const { r } = run(node, ['--input-type=module', '-e', script]);
      const m = /MAXRSS (\d+)/.exec(r.stderr);
      if (m) samples.push(Number(m[1]) / 1024);
    }
  }
  results.peakMemoryMB = { ...stats(samples), method: viaTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

/* ---- targets, table, JSON ---- */

const T = [
  ['cold build (median, s)', results.coldBuild.median / 1000, 0.3],
  ['warm rebuild (median, ms)', results.warmRebuild.median, 15],
  [`batch of ${BATCH} (median, s)`, results.batch.median / 1000, QUICK ? Infinity : 10],
  ['layout of 100 pages (median, s)', results.layout100.median / 1000, QUICK ? Infinity : 2],
  ['peak memory (MB)', results.peakMemoryMB.max, 150],
  ['reference PDF (KB)', results.referencePdfBytes / 1024, 300],
];
results.targets = T.map(([name, value, target]) => ({ name, value, target: Number.isFinite(target) ? target : null, met: value <= target }));
results.targets.push({ name: 'layout linear in text size', value: results.layoutLinear.ratio, target: 1.5, met: results.layoutLinear.linear });

const n0 = results.baselines.nodeEmpty.median;
const pk = results.baselines.pdfkitText.median;
const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 20 ? 1 : 0)} ms`);
const row = (name, s, ratios = true) =>
  `| ${name} | ${f(s.median)} | ${f(s.min)} – ${f(s.max)} | ${ratios ? (s.median / n0).toFixed(1) + '×' : ''} | ${ratios ? (s.median / pk).toFixed(2) + '×' : ''} |`;
const lines = [
  `bulletin bench — ${results.machine.cores} cores, ${results.machine.cpu}, node ${results.machine.node}, ${RUNS} runs after a warm-up${QUICK ? ' (quick)' : ''}`,
  '',
  '| measure | median | min – max | ÷ node -e 0 | ÷ pdfkit text() |',
  '| --- | --- | --- | --- | --- |',
  row('node -e 0 (baseline)', results.baselines.nodeEmpty),
  row('pdfkit doc.text() script (baseline)', results.baselines.pdfkitText),
  row('cold `bulletin build` (reference, 9 pages)', results.coldBuild),
  row('cold `bulletin check` (reference)', results.coldCheck),
  row('warm rebuild in one process, after an edit (watch path)', results.warmRebuild, false),
  row('  … its first 10 rebuilds (JIT still warming up)', results.warmRebuild.firstSaves, false),
  row(`batch of ${BATCH} issues (${results.batch.jobs} worker threads)`, results.batch),
  row(`synthetic ${SYNTH}-page issue, whole build`, results.synthetic),
  ...results.layout.map((l) => row(`layout only, ${l.pages} pages (${l.chars} chars, ${l.usPerChar.toFixed(2)} µs/char)`, l, false)),
  '',
  `peak memory (cold build, ${results.peakMemoryMB.method}): ${results.peakMemoryMB.max.toFixed(0)} MB · reference PDF: ${(results.referencePdfBytes / 1024).toFixed(0)} KB (pdfkit baseline: ${(results.pdfkitBaselineBytes / 1024).toFixed(0)} KB) · layout µs/char, largest issue ÷ smallest: ${results.layoutLinear.ratio.toFixed(2)}`,
  '',
  '| target | measured | limit | met |',
  '| --- | --- | --- | --- |',
  ...results.targets.map((t) => `| ${t.name} | ${t.value.toFixed(t.value < 10 ? 2 : 0)} | ${t.target ?? '(quick: not checked)'} | ${t.target === null ? '–' : t.met ? 'yes' : 'NO'} |`),
];
process.stdout.write(lines.join('\n') + '\n');
writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
log(`wrote ${path.relative(process.cwd(), OUT) || OUT}`);
rmSync(tmp, { recursive: true, force: true });
