// The watch path: an editor saves, bulletin rebuilds, in one process (code loaded, fonts parsed, schemas compiled,
// and the layout cache the watcher keeps). Each rebuild follows a real edit: one number in one paragraph changes.
// node bench/warm.mjs FILE OUT.pdf COUNT → JSON { first, early, times } on stdout (milliseconds): the first build in
// the process, the next WARMUP rebuilds (the JIT still compiling: what the first saves of a session cost), and COUNT
// rebuilds after those (a session that has been running a while).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIssue } from '../dist/pipeline/build-issue.js';
import { LayoutCache } from '../dist/typeset/layout-cache.js';

const [file, output, count = '10'] = process.argv.slice(2);
const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-warm-'));
const series = path.join(path.dirname(path.resolve(file)), 'bulletin.series.yaml');
if (existsSync(series)) copyFileSync(series, path.join(dir, 'bulletin.series.yaml'));
const issue = path.join(dir, path.basename(file));
const text = readFileSync(file, 'utf8');
// The edit: the first number in the body text (after `sections:`), counted up each time.
const body = text.indexOf('sections:');
const at = body + text.slice(body).search(/\d{2,}/);
const edit = (i) => text.slice(0, at) + String(Number(text.slice(at).match(/^\d+/)[0]) + i) + text.slice(at).replace(/^\d+/, '');

const WARMUP = 10;
const layoutCache = new LayoutCache();
const times = [];
const early = [];
let first = 0;
try {
  for (let i = 0; i <= Number(count) + WARMUP; i++) {
    writeFileSync(issue, edit(i));
    const t = performance.now();
    const r = await buildIssue(issue, { output, layoutCache });
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(`build failed: ${JSON.stringify(r.diagnostics[0])}`);
    if (i === 0) first = ms;
    else if (i <= WARMUP) early.push(ms);
    else times.push(ms);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify({ first, early, times }) + '\n');
