// The watch path: buildIssue again and again in one process (code loaded, fonts parsed, schema compiled).
// node bench/warm.mjs FILE OUT.pdf COUNT → JSON { first, times } on stdout (milliseconds).
import { buildIssue } from '../dist/build/build-issue.js';

const [file, output, count = '10'] = process.argv.slice(2);
const times = [];
let first = 0;
for (let i = 0; i <= Number(count); i++) {
  const t = performance.now();
  const r = await buildIssue(file, { output });
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(`build failed: ${JSON.stringify(r.diagnostics[0])}`);
  if (i === 0) first = ms;
  else times.push(ms);
}
process.stdout.write(JSON.stringify({ first, times }) + '\n');
