#!/usr/bin/env node
/**
 * `npm run bench [-- --runs N] [--quick] [--out FILE] [--no-build] [--anchor FILE]`: whole-process timings of
 * bulletin against Typst and `node -e 0` measured in the same run, a table on stdout and JSON in
 * test/bench/results.json. Absolute times do not travel between machines; ratios measured in one run do, so every
 * target is a ratio. Each measure: one warm-up, then N runs (default 7), interleaved (A B C A B C …) so that load
 * from elsewhere falls on all of them alike; median, min and max.
 *
 * The Typst anchor is ../shared/tools/anchors/typst-seed.js (the reference content typeset by
 * @myriaddreamin/typst-ts-node-compiler, a dev dependency; fonts through fc-match: run test/bench/setup-system.sh).
 * Without it (a clone on its own, CI) the Typst columns print "—".
 *
 * --quick (CI): small batch and synthetic issues; it checks that the script works, not the targets.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(value('--runs', '7')));
const QUICK = flag('--quick');
const OUT = path.resolve(value('--out', path.join(root, 'test/bench/results.json')));
const BATCH = Number(value('--batch', QUICK ? '4' : '100'));
const SIZES = (value('--sizes', QUICK ? '2,4' : '25,50,100,200')).split(',').map(Number);
const SYNTH = Number(value('--pages', QUICK ? '4' : '100'));

const node = process.execPath;
const bin = path.join(root, 'bin/bulletin.js');
const reference = path.join(root, 'examples/gusu-022.yaml');
const tmp = mkdtempSync(path.join(tmpdir(), 'bulletin-bench-'));
const log = (s) => process.stderr.write(s + '\n');
const ANCHOR = path.resolve(value('--anchor', path.join(root, '../shared/tools/anchors/typst-seed.js')));

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

/** Several whole processes, one warm-up each, then `runs` rounds of one run of each in turn: { key: stats }. */
function timeInterleaved(measures, runs = RUNS) {
  log(`timing ${measures.map((m) => m.label).join(', ')} (interleaved)…`);
  for (const m of measures) run(m.cmd, m.argv, m.opts);
  const xs = Object.fromEntries(measures.map((m) => [m.key, []]));
  for (let i = 0; i < runs; i++) for (const m of measures) xs[m.key].push(run(m.cmd, m.argv, m.opts).ms);
  return Object.fromEntries(measures.map((m) => [m.key, stats(xs[m.key])]));
}

/** The Typst anchor, when it is there and runs (compiler package and fontconfig with Noto CJK installed). */
const anchorEnv = { ...process.env, NODE_PATH: [path.join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter) };
const typst = (() => {
  if (!existsSync(ANCHOR)) {
    log(`no Typst anchor at ${ANCHOR}: Typst columns print "—"`);
    return null;
  }
  const probe = run(node, [ANCHOR, path.join(tmp, 'typst.pdf')], { env: anchorEnv, allowFail: true });
  if (probe.r.status !== 0) {
    log(`the Typst anchor did not run (${(probe.r.stderr || '').trim().split('\n').find((l) => /Error|error/.test(l)) ?? probe.r.status}); ` +
      'install the dev dependencies and run test/bench/setup-system.sh (fontconfig, fonts-noto-cjk). Typst columns print "—"');
    return null;
  }
  return { cmd: node, argv: [ANCHOR, path.join(tmp, 'typst.pdf')], opts: { env: anchorEnv } };
})();

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

const results = {
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? '', node: process.version, loadavg: loadavg() },
  runs: RUNS,
  quick: QUICK,
  typstAnchor: typst ? ANCHOR : null,
};

const refPdf = path.join(tmp, 'reference.pdf');
const checkPdf = path.join(tmp, 'check.pdf');
// A cache folder of the bench's own: the first (warm-up) build fills it as a user's first build would.
const cacheEnv = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), LOCALAPPDATA: path.join(tmp, 'cache') };
const cold = timeInterleaved([
  { key: 'nodeEmpty', label: 'node -e 0', cmd: node, argv: ['-e', '0'] },
  ...(typst ? [{ key: 'typstCold', label: 'Typst cold', ...typst }] : []),
  { key: 'coldBuild', label: 'cold bulletin build', cmd: node, argv: [bin, 'build', reference, '-o', refPdf], opts: { env: cacheEnv } },
  { key: 'coldCheck', label: 'cold bulletin check', cmd: node, argv: [bin, 'check', reference], opts: { env: cacheEnv } },
]);
results.baselines = { nodeEmpty: cold.nodeEmpty, typstCold: cold.typstCold ?? null };
results.coldBuild = cold.coldBuild;
results.coldCheck = cold.coldCheck;
// The very first build on a machine (no cache folder yet): not a target, shown so the cache's share is visible.
{
  const xs = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const env = { ...cacheEnv, XDG_CACHE_HOME: path.join(tmp, `cache-empty-${i}`), LOCALAPPDATA: path.join(tmp, `cache-empty-${i}`) };
    xs.push(run(node, [bin, 'build', reference, '-o', checkPdf], { env }).ms);
  }
  results.firstBuildEmptyCache = stats(xs);
}
results.referencePdfBytes = statSync(refPdf).size;
results.typstPdfBytes = typst ? statSync(path.join(tmp, 'typst.pdf')).size : null;

// Warm: a rebuild in one process after an edit, the way the anchor's --warm does it (the first build, then COUNT
// edited copies, the median of those). A B A B rounds, the median of each round's median.
{
  const count = QUICK ? 3 : 20;
  const rounds = QUICK ? 1 : 3;
  log('timing warm rebuilds (interleaved with Typst warm recompiles)…');
  const ours = [];
  const theirs = [];
  let early = [];
  let first = [];
  for (let i = 0; i < rounds; i++) {
    const w = JSON.parse(run(node, [path.join(root, 'test/bench/warm.mjs'), reference, path.join(tmp, 'warm.pdf'), String(count)]).r.stdout);
    ours.push(stats(w.times).median);
    early = early.concat(w.early);
    first.push(w.first);
    if (typst) {
      const t = run(node, [ANCHOR, path.join(tmp, 'typst-warm.pdf'), '--warm', String(count)], { env: anchorEnv });
      theirs.push(JSON.parse(t.r.stdout.trim().split('\n').pop()).warmMedianMs);
    }
  }
  results.warmRebuild = { ...stats(ours), rebuildsPerRound: count, firstInProcess: stats(first), firstSaves: stats(early) };
  results.baselines.typstWarm = typst ? stats(theirs) : null;
}

results.batch = { files: BATCH, jobs: availableParallelism(), ...timeProcess(`batch of ${BATCH}`, node, [bin, 'build', batchDir], QUICK ? RUNS : Math.min(RUNS, 3)) };

{
  const file = synthetic(SYNTH);
  const whole = timeProcess(`synthetic ${SYNTH}-page build`, node, [bin, 'build', file, '-o', path.join(tmp, 'synthetic.pdf')], Math.min(RUNS, 3));
  results.synthetic = { targetPages: SYNTH, ...whole };
}

log('timing layout alone…');
{
  const files = SIZES.map(synthetic);
  const out = JSON.parse(run(node, [path.join(root, 'test/bench/layout.mjs'), String(RUNS), ...files]).r.stdout);
  results.layout = out.map((o, i) => {
    const s = stats(o.times);
    return { targetPages: SIZES[i], pages: o.pages, chars: o.chars, ...s, usPerChar: (s.median * 1000) / o.chars };
  });
  const per = results.layout.map((l) => l.usPerChar);
  // Linear (or better): the cost per character of the largest issue is at most 1.5 times the smallest one's.
  // (Fixed costs make small issues dearer per character, so the ratio usually falls below 1.)
  const growth = per[per.length - 1] / per[0];
  results.layoutLinear = { ratio: growth, linear: growth <= 1.5 };
}

log('measuring peak memory…');
{
  const samples = [];
  const viaTime = existsSync('/usr/bin/time');
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    if (viaTime) {
      const { r } = run('/usr/bin/time', ['-v', node, bin, 'build', reference, '-o', refPdf], { env: cacheEnv });
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
      if (m) samples.push(Number(m[1]) / 1024);
    } else {
      const script = `process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'));process.argv=[process.argv[0],${JSON.stringify(bin)},'build',${JSON.stringify(reference)},'-o',${JSON.stringify(refPdf)}];await import(${JSON.stringify(bin)});`;
      const { r } = run(node, ['--input-type=module', '-e', script], { env: cacheEnv });
      const m = /MAXRSS (\d+)/.exec(r.stderr);
      if (m) samples.push(Number(m[1]) / 1024);
    }
  }
  results.peakMemoryMB = { ...stats(samples), method: viaTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

/* ---- targets, table, JSON ---- */

const n0 = results.baselines.nodeEmpty.median;
const tc = results.baselines.typstCold?.median ?? null;
const tw = results.baselines.typstWarm?.median ?? null;
const ratio = (a, b) => (b === null || b === undefined ? null : a / b);
// [name, value (null: no anchor), limit (null: quick run, not checked)]
const T = [
  ['cold build ÷ Typst cold', ratio(results.coldBuild.median, tc), 1.0],
  ['cold check ÷ Typst cold', ratio(results.coldCheck.median, tc), 0.5],
  ['warm rebuild ÷ Typst warm recompile', ratio(results.warmRebuild.median, tw), 1.0],
  [`batch of ${BATCH} ÷ one cold build`, results.batch.median / results.coldBuild.median, QUICK ? null : 40],
  ['peak memory (MB)', results.peakMemoryMB.max, 150],
  ['reference PDF (KB)', results.referencePdfBytes / 1024, 300],
  ['layout µs/char, largest issue ÷ smallest', results.layoutLinear.ratio, 1.5],
];
results.targets = T.map(([name, value, target]) => ({ name, value, target, met: value === null || target === null ? null : value <= target }));

const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 20 ? 1 : 0)} ms`);
const x = (v, digits = 2) => (v === null ? '—' : `${v.toFixed(digits)}×`);
const dash = '| — | — | — | — |';
const row = (name, s, typstBase) =>
  s ? `| ${name} | ${f(s.median)} | ${f(s.min)} – ${f(s.max)} | ${x(s.median / n0, 1)} | ${typstBase === undefined ? '' : x(ratio(s.median, typstBase))} |` : `| ${name} ${dash}`;
const load = results.machine.loadavg.map((l) => l.toFixed(2)).join(' ');
const lines = [
  `bulletin bench — ${results.machine.cores} cores, ${results.machine.cpu}, node ${results.machine.node}, load ${load}, ` +
    `${RUNS} interleaved runs after a warm-up${QUICK ? ' (quick)' : ''}; Typst: ${typst ? path.relative(root, ANCHOR) : '— (no anchor)'}`,
  '',
  '| measure | median | min – max | ÷ node -e 0 | ÷ Typst (same kind) |',
  '| --- | --- | --- | --- | --- |',
  row('`node -e 0` (baseline)', results.baselines.nodeEmpty),
  row('Typst cold compile (anchor, whole process)', results.baselines.typstCold),
  row(`Typst warm recompile after an edit (median of ${results.warmRebuild.rebuildsPerRound}, in one process)`, results.baselines.typstWarm),
  row('cold `bulletin build` (reference, 9 pages)', results.coldBuild, tc),
  row('cold `bulletin check` (reference)', results.coldCheck, tc),
  row('  first build on the machine (empty cache folder)', results.firstBuildEmptyCache, tc),
  row(`warm rebuild after an edit (median of ${results.warmRebuild.rebuildsPerRound}, in one process: the --watch path)`, results.warmRebuild, tw),
  row('  … the first build in that process', results.warmRebuild.firstInProcess),
  row(`batch of ${BATCH} issues (${results.batch.jobs} worker threads)`, results.batch),
  row(`synthetic ${SYNTH}-page issue, whole build`, results.synthetic),
  ...results.layout.map((l) => row(`layout only, ${l.pages} pages (${l.chars} chars, ${l.usPerChar.toFixed(2)} µs/char)`, l)),
  '',
  `peak memory (cold build, ${results.peakMemoryMB.method}): ${results.peakMemoryMB.max.toFixed(0)} MB · reference PDF: ${(results.referencePdfBytes / 1024).toFixed(0)} KB` +
    (results.typstPdfBytes ? ` (Typst's: ${(results.typstPdfBytes / 1024).toFixed(0)} KB)` : ''),
  '',
  '| target | measured | limit | met |',
  '| --- | --- | --- | --- |',
  ...results.targets.map((t) => `| ${t.name} | ${t.value === null ? '—' : t.value.toFixed(t.value < 10 ? 2 : 0)} | ${t.target ?? '(quick: not checked)'} | ${t.met === null ? '—' : t.met ? 'yes' : 'NO'} |`),
];
process.stdout.write(lines.join('\n') + '\n');
writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
log(`wrote ${path.relative(process.cwd(), OUT) || OUT}`);
rmSync(tmp, { recursive: true, force: true });
