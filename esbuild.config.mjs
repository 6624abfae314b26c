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

/**
 * unicode-properties and linebreak unpack their Unicode tables at import with tiny-inflate, a deflate written in
 * JavaScript (a tenth of fontkit's import on a cold start); node:zlib inflates the same raw deflate natively.
 * Same bytes out, same contract: inflate(source, dest) fills dest and returns the part written.
 */
const nativeInflate = {
  name: 'native-inflate',
  setup(b) {
    b.onResolve({ filter: /^tiny-inflate$/ }, (args) => ({ path: args.path, namespace: 'native-inflate' }));
    b.onLoad({ filter: /.*/, namespace: 'native-inflate' }, () => ({
      contents:
        "const { inflateRawSync } = require('node:zlib');\n" +
        'module.exports = function inflate(source, dest) {\n' +
        '  const out = inflateRawSync(source);\n' +
        '  const n = Math.min(out.length, dest.length);\n' +
        '  dest.set(n === out.length ? out : out.subarray(0, n));\n' +
        '  return n < dest.length ? dest.slice(0, n) : dest;\n' +
        '};\n',
      loader: 'js',
    }));
  },
};

/**
 * pdfkit imports AES from @noble/ciphers for encrypted PDFs, and its module builds its tables at import (≈ 20 ms of
 * every cold build); bulletin never encrypts. pdfkit's import gets functions that evaluate the module on first
 * call (a require() inside the bundle, which esbuild evaluates lazily); nothing else changes.
 */
const lazyAes = {
  name: 'lazy-aes',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: 'lazy-aes', pluginData: args.resolveDir } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-aes' }, (args) => ({
      contents:
        `export function cbc(...a) { return require(${JSON.stringify(args.path)}).cbc(...a); }\n` +
        `export function ecb(...a) { return require(${JSON.stringify(args.path)}).ecb(...a); }\n`,
      loader: 'js',
      resolveDir: args.pluginData,
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
  plugins: [lazyBrotli, nativeInflate, lazyAes],
  // CommonJS dependencies (ajv, commander, …) call require() for Node built-ins.
  banner: { js: "import { createRequire as __bulletinCreateRequire } from 'node:module'; const require = __bulletinCreateRequire(import.meta.url);" },
});

/**
 * The same CLI as one CommonJS file, which bin/bulletin.js runs through V8's code cache (src/cache/code-cache.ts,
 * built as loader.mjs): ES modules get no code cache on Node 20, and compiling was the largest share of a cold
 * start. Lazy imports stay lazy (esbuild defers a module's evaluation to its first import()), so `check` still never
 * evaluates pdfkit. The ESM bundle above stays for the batch worker and as the fallback.
 */
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/index.ts'],
  outfile: `${outdir}/cli.cjs`,
  charset: 'ascii',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyBrotli, nativeInflate, lazyAes],
  // import() of the lazy externals becomes require(): vm.Script code has no module loader for import().
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__bulletinModuleUrl' },
  banner: { js: "var __bulletinModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
/**
 * ASCII only, so the loader reads it as latin1, several times faster than decoding 2 MB of UTF-8. esbuild's ascii
 * charset escapes strings but leaves regular expressions and comments as written; \u escapes mean the same there
 * (an astral character as its surrogate pair, which a /u expression reads as one code point). Only a template's raw
 * form (String.raw, tagged templates) would differ: the build fails if the bundle ever uses String.raw.
 */
{
  const { readFileSync, writeFileSync } = await import('node:fs');
  const file = `${outdir}/cli.cjs`;
  const text = readFileSync(file, 'utf8');
  if (text.includes('String.raw`')) throw new Error('cli.cjs uses String.raw: escaping its non-ASCII text would change it');
  const u = (n) => `\\u${n.toString(16).padStart(4, '0')}`;
  writeFileSync(file, text.replace(/[^\x00-\x7f]/gu, (c) => [...c].map((ch) => ch.split('').map((unit) => u(unit.charCodeAt(0))).join('')).join('')));
}

await build({
  absWorkingDir: root,
  entryPoints: { loader: 'src/cache/code-cache.ts' },
  outdir,
  bundle: true,
  // CommonJS: bin/bulletin.js require()s it, synchronously (import() waits on the thread pool for the file).
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
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
