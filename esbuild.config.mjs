#!/usr/bin/env node
/**
 * `npm run build` runs this after tsc. Bundles the CLI with esbuild into dist/bundle/ (issue 6). A cold `bulletin build` spent most of its time
 * resolving and compiling ~300 module files; one bundle (plus a chunk per lazy import, so `check` and `--help`
 * still never load pdfkit) loads several times faster.
 *
 * The bundle sits two folders deep (dist/bundle/), like dist/cli/, so the sources' `new URL('../../…',
 * import.meta.url)` still find package.json and schemas/. bin/bulletin.js uses the bundle only while it is newer
 * than dist/cli/index.js (a plain `tsc` recompile otherwise wins), so it never runs stale code.
 */
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
// Built beside the live bundle and swapped in at the end, so a CLI running meanwhile never finds a chunk missing.
const live = `${root}dist/bundle`;
const outdir = `${root}dist/bundle.next`;
rmSync(outdir, { recursive: true, force: true });

// exceljs (stats --format xlsx), mammoth (import of .docx), docx (build --docx) and sharp (photos; native libvips) are loaded only when needed: they stay
// dependencies required from node_modules rather than megabytes of every package's bundle.
const external = ['exceljs', 'mammoth', 'docx', 'sharp', ...(process.env.BULLETIN_BUNDLE_EXTERNAL ?? '').split(',').filter(Boolean)];

/**
 * fontkit imports brotli (WOFF2 only) eagerly, and brotli carries a 1.3 MB dictionary that every cold start would
 * parse. Office fonts are TTF/TTC/OTF; a WOFF2 font still works: brotli is required from node_modules on first use.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'lazy-brotli' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-brotli' }, () => ({
      contents: "export default function decompress(...args) { return require('brotli/decompress.js')(...args); }",
      loader: 'js',
    }));
  },
};

const entryPoints = { cli: 'src/cli/index.ts' };
if (existsSync(`${root}src/pipeline/batch-worker.ts`)) entryPoints['batch-worker'] = 'src/pipeline/batch-worker.ts';

const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  external,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [lazyBrotli],
  // CommonJS dependencies (ajv, commander, …) call require() for Node built-ins.
  banner: { js: "import { createRequire as __bulletinCreateRequire } from 'node:module'; const require = __bulletinCreateRequire(import.meta.url);" },
});

if (process.argv.includes('--analyze')) {
  const { analyzeMetafile } = await import('esbuild');
  process.stdout.write(await analyzeMetafile(result.metafile));
}

// Compile the JSON schemas ahead of time (ajv's standalone code): building the validators at every start cost
// ~50 ms of a cold build. validate.ts uses this file only while its fingerprint matches the schema files.
{
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const validate = await import(`${root}dist/issue/validate.js`);
  const { readFileSync, writeFileSync } = await import('node:fs');
  const names = ['bulletin.schema.json', 'bulletin.series.schema.json'];
  const texts = names.map((n) => readFileSync(`${root}schemas/${n}`, 'utf8'));
  const { ajv } = validate.compileSchemas(texts);
  const code = `${standaloneCode(ajv, { issue: names[0], series: names[1] })}\nexports.fingerprint = ${JSON.stringify(validate.schemaFingerprint(texts))};\n`;
  for (const dir of ['dist/issue', 'dist/bundle.next']) writeFileSync(`${root}${dir}/schema-validators.cjs`, code);
}

{
  const { renameSync } = await import('node:fs');
  const old = `${root}dist/bundle.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(live)) renameSync(live, old);
  renameSync(outdir, live);
  rmSync(old, { recursive: true, force: true });
}
