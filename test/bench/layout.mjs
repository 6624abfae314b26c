// Composition and layout (no loading, no PDF): node bench/layout.mjs RUNS FILE… → JSON [{ file, pages, chars, times }].
import { loadIssue } from '../../dist/issue/load.js';
import { resolveFonts } from '../../dist/fonts/roles.js';
import { composeIssue } from '../../dist/compose/index.js';
import { typesetDoc } from '../../dist/typeset/layout.js';

const layoutIssue = (issue, fonts) => typesetDoc(composeIssue(issue), fonts);
import path from 'node:path';

const [runs, ...files] = process.argv.slice(2);
const out = [];
for (const file of files) {
  const loaded = await loadIssue(file);
  if (!loaded.issue) throw new Error(`cannot load ${file}`);
  const fonts = await resolveFonts(loaded.issue.series, path.dirname(file));
  let chars = 0;
  for (const s of loaded.issue.sections) for (const it of s.items) chars += JSON.stringify(it).length;
  let layout = layoutIssue(loaded.issue, fonts.fonts); // warm-up: fonts opened, code compiled
  const times = [];
  for (let i = 0; i < Number(runs); i++) {
    const t = performance.now();
    layout = layoutIssue(loaded.issue, fonts.fonts);
    times.push(performance.now() - t);
  }
  out.push({ file, pages: layout.pages.length, chars, times });
}
process.stdout.write(JSON.stringify(out) + '\n');
