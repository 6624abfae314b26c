// The watch path: an editor saves, bulletin rebuilds, in one process (code loaded, fonts parsed, schemas compiled,
// and the layout cache the watcher keeps). Measured the way the Typst anchor's --warm measures its recompiles: one
// build, then COUNT edited copies, each timed; the edit is the same kind as the anchor's (the issue number changes:
// 100, 101, …). node bench/warm.mjs FILE OUT.pdf COUNT → JSON { first, early, times } on stdout (milliseconds): the
// first build in the process, the first 10 rebuilds (the JIT still compiling) and all COUNT rebuilds.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIssue } from '../../dist/pipeline/build-issue.js';
import { LayoutCache } from '../../dist/typeset/layout-cache.js';

const [file, output, count = '10'] = process.argv.slice(2);
const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-warm-'));
const series = path.join(path.dirname(path.resolve(file)), 'bulletin.series.yaml');
if (existsSync(series)) copyFileSync(series, path.join(dir, 'bulletin.series.yaml'));
const issue = path.join(dir, path.basename(file));
const text = readFileSync(file, 'utf8');
if (!/^number: \d+/m.test(text)) throw new Error(`${file}: no top-level "number:" to edit`);
const edit = (i) => (i === 0 ? text : text.replace(/^number: \d+/m, `number: ${99 + i}`));

const layoutCache = new LayoutCache();
const times = [];
let first = 0;
try {
  for (let i = 0; i <= Number(count); i++) {
    writeFileSync(issue, edit(i));
    const t = performance.now();
    const r = await buildIssue(issue, { output, layoutCache });
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(`build failed: ${JSON.stringify(r.diagnostics[0])}`);
    if (i === 0) first = ms;
    else times.push(ms);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify({ first, early: times.slice(0, 10), times }) + '\n');
