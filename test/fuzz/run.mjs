// `npm run fuzz -- --cases N …` (or `-- --fonts N` for damaged fonts): compiles test/fuzz/fuzz.ts and font-fuzz.ts (and the src/ it imports) with tsc into
// node_modules/.cache/bulletin-fuzz, links the assets src/ finds beside itself (schemas/, fonts/, package.json),
// and runs it. Plain JS so that no TypeScript runner is needed; worker threads run the compiled file too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'node_modules/.cache/bulletin-fuzz');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(path.join(out, 'src'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'test/fuzz/tsconfig.json')], { stdio: 'inherit' });
mkdirSync(out, { recursive: true });
for (const name of ['schemas', 'fonts', 'package.json']) {
  const link = path.join(out, name);
  if (!existsSync(link)) symlinkSync(path.join(root, name), link);
}
// `--fonts N`: damaged font files instead of mutated issues (test/fuzz/font-fuzz.ts).
if (process.argv.includes('--fonts')) {
  const fonts = await import(pathToFileURL(path.join(out, 'test/fuzz/font-fuzz.js')).href);
  await fonts.fontCliMain(process.argv.slice(2));
} else {
  const fuzz = await import(pathToFileURL(path.join(out, 'test/fuzz/fuzz.js')).href);
  await fuzz.cliMain();
}
