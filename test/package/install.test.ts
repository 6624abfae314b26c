/**
 * The package as a CI repository gets it (issue 20), and the slowest test of the suite (several minutes): `npm pack`
 * in a copy of this checkout (the files a fresh clone has; node_modules linked for the build tools), `npm install` of
 * the tarball into an empty folder holding examples/demo as issues/, then the README's GitHub Actions `run:` lines
 * exactly as written. Then the same package as a git dependency. npm reads its cache first (--prefer-offline).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfinfo, pdftotext } from '../pipeline/helpers.js';
import { repoRoot } from '../fixtures/tmp.js';

const MINUTE = 60_000;
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment of a user's shell: none of the npm_* variables `npm test` sets, npm's cache read first. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function sh(cwd: string, command: string, args: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8', shell: args.length === 0, maxBuffer: 64 * 1024 * 1024 });
}

function ok(cwd: string, command: string, args: string[] = []): string {
  const r = sh(cwd, command, args);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The `- run:` lines of the README's workflow, in order. */
function recipe(): string[] {
  const block = /## 持续集成[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  return [...block.matchAll(/^\s*- run: (.+)$/gm)].map((m) => m[1]!.trim());
}

const PDFS = ['pingjiang-005.pdf', 'pingjiang-006.pdf'];

let work: string;
/** A copy of the checkout as a fresh clone has it, where `npm pack` runs (and builds its own dist/). */
let source: string;
let tarball: string;
/** What `npm pack --json` says of the tarball (sizes in bytes). */
let packed: { filename: string; size: number; unpackedSize: number };
/** The CI repository: package.json depending on the tarball, issues/ holding the demo series. */
let project: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'bulletin-package-'));
  source = path.join(work, 'source');
  // Tracked and not-ignored files: a fresh clone plus this checkout's uncommitted work (never dist/ or node_modules/).
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
  for (const rel of listed.split('\0').filter(Boolean)) {
    const from = path.join(repoRoot, rel);
    if (!existsSync(from) || !statSync(from).isFile()) continue; // deleted but not yet committed
    mkdirSync(path.dirname(path.join(source, rel)), { recursive: true });
    copyFileSync(from, path.join(source, rel));
  }
  expect(existsSync(path.join(source, 'dist'))).toBe(false);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(source, 'node_modules'), 'dir');

  const out = path.join(work, 'out');
  mkdirSync(out);
  const json = ok(source, 'npm', ['pack', '--json', '--pack-destination', out]);
  // The prepack/prepare build prints to stdout ahead of npm's JSON.
  packed = (JSON.parse(json.slice(json.indexOf('\n[') + 1)) as (typeof packed)[])[0]!;
  tarball = path.join(out, packed.filename);
  // The link is not a folder to git, so .gitignore's `node_modules/` would not keep it out of the git dependency below.
  rmSync(path.join(source, 'node_modules'));

  project = path.join(work, 'ci-repo');
  mkdirSync(project);
  ok(project, 'npm', ['init', '-y']);
  ok(project, 'npm', ['install', tarball]);
  cpSync(path.join(repoRoot, 'examples/demo'), path.join(project, 'issues'), { recursive: true });
}, 20 * MINUTE);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// Each step installs or builds for real: minutes on a busy machine, never a timing assertion.
describe('the package (slowest test: packs, installs, builds)', { timeout: 20 * MINUTE }, () => {
  it('the tarball holds bin/, the built dist/, schemas/, the font notes, README and LICENSE, and no sources, tests or bench', () => {
    const names = ok(work, 'tar', ['tzf', tarball]).split('\n').filter(Boolean);
    expect(names.every((n) => n.startsWith('package/'))).toBe(true);
    const files = names.map((n) => n.slice('package/'.length));
    expect(files.filter((f) => /^(src|test|bench|examples|node_modules)\//.test(f))).toEqual([]);
    for (const f of ['bin/bulletin.js', 'dist/bundle/cli.mjs', 'dist/bundle/batch-worker.mjs', 'dist/bundle/schema-validators.cjs', 'schemas/bulletin.schema.json', 'schemas/bulletin.series.schema.json', 'fonts/README.md', 'fonts/OFL-Noto.txt', 'README.md', 'LICENSE', 'package.json']) {
      expect(files, f).toContain(f);
    }
    // Every chunk the bundle imports is in the tarball (a lazy chunk left out would fail only on first use).
    const bundle = files.filter((f) => f.startsWith('dist/bundle/'));
    for (const f of bundle.filter((f) => f.endsWith('.mjs'))) {
      const text = readFileSync(path.join(source, f), 'utf8');
      for (const m of text.matchAll(/["'](\.\/chunk-[A-Z0-9]+\.mjs)["']/g)) expect(bundle, `${f} → ${m[1]}`).toContain(`dist/bundle/${m[1]!.slice(2)}`);
    }
    expect(JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')).license).toBe('MIT');
  });

  it('the README says the tarball size (within a quarter)', () => {
    const kb = Number(/`bulletin-[\d.]+\.tgz`（约 (\d+) KB/.exec(readme)![1]);
    expect(Math.abs(packed.size / 1000 - kb) / kb).toBeLessThan(0.25);
    const mb = Number(/解压后约 ([\d.]+) MB/.exec(readme)![1]);
    expect(Math.abs(packed.unpackedSize / 1e6 - mb) / mb).toBeLessThan(0.25);
  });

  it('the README\'s CI recipe runs as written in the repository that installed the tarball', () => {
    const lines = recipe();
    expect(lines).toEqual(['npm ci', 'npx bulletin check issues/ --format github', 'npx bulletin build issues/']);
    for (const line of lines) {
      const r = sh(project, line);
      expect(r.status, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
      if (line.includes('check')) {
        expect(r.stdout).not.toMatch(/^::(error|warning)/m);
        expect(r.stderr).toBe('');
      }
    }
    const issues = path.join(project, 'issues');
    expect(readdirSync(issues).filter((f) => f.endsWith('.pdf')).sort()).toEqual(PDFS);
    for (const pdf of PDFS) {
      const file = path.join(issues, pdf);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfinfo(file).Pages).toBe('2');
      expect(pdftotext(file, 1)).toContain('平江信息');
    }
  });

  it('a finding fails the check step with a GitHub annotation (the CI job goes red)', () => {
    const draft = path.join(project, 'issues', 'pingjiang-006.yaml');
    const text = readFileSync(draft, 'utf8');
    writeFileSync(draft, text.replace(/^date: .*$/m, 'date: 2026-02-30'));
    try {
      const r = sh(project, 'npx bulletin check issues/ --format github');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^::error file=issues\/pingjiang-006\.yaml,line=\d+,col=\d+/m);
    } finally {
      writeFileSync(draft, text);
    }
  });

  it('--version and schema --path answer from the installed package', () => {
    expect(ok(project, 'npx', ['bulletin', '--version']).trim()).toBe(version);
    const schema = ok(project, 'npx', ['bulletin', 'schema', '--path']).trim();
    expect(schema).toBe(path.join(project, 'node_modules/bulletin/schemas/bulletin.schema.json'));
    expect(existsSync(schema)).toBe(true);
  });

  it('init and new write a $schema line through node_modules/bulletin/ that resolves', () => {
    ok(project, 'npx', ['bulletin', 'init', 'weekly', '--prefix', 'wk']);
    mkdirSync(path.join(project, 'weekly/2027'));
    ok(project, 'npx', ['bulletin', 'new', '--from', 'weekly/wk-001.yaml', 'weekly/2027/']);
    const cases = [
      ['weekly/bulletin.series.yaml', '../node_modules/bulletin/schemas/bulletin.series.schema.json'],
      ['weekly/wk-001.yaml', '../node_modules/bulletin/schemas/bulletin.schema.json'],
      ['weekly/2027/wk-002.yaml', '../../node_modules/bulletin/schemas/bulletin.schema.json'],
    ];
    for (const [file, expected] of cases) {
      const first = readFileSync(path.join(project, file!), 'utf8').split('\n')[0];
      expect(first, file).toBe(`# yaml-language-server: $schema=${expected}`);
      expect(existsSync(path.resolve(project, path.dirname(file!), expected!)), file).toBe(true);
    }
  });

  it('as a git dependency: npm runs the prepare script, and the installed CLI builds an issue', () => {
    // The copy becomes a git repository of its own (its .gitignore keeps dist/ and node_modules/ out).
    const git = (...args: string[]) => ok(source, 'git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args]);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'package test');
    const consumer = path.join(work, 'git-consumer');
    mkdirSync(consumer);
    ok(consumer, 'npm', ['init', '-y']);
    ok(consumer, 'npm', ['install', `git+file://${source}`]);
    expect(existsSync(path.join(consumer, 'node_modules/bulletin/dist/bundle/cli.mjs'))).toBe(true);
    expect(existsSync(path.join(consumer, 'node_modules/bulletin/src'))).toBe(false);
    cpSync(path.join(repoRoot, 'examples/demo'), path.join(consumer, 'issues'), { recursive: true });
    const r = sh(consumer, 'npx bulletin build issues/pingjiang-006.yaml');
    expect(r.status, r.stderr).toBe(0);
    expect(pdfinfo(path.join(consumer, 'issues/pingjiang-006.pdf')).Pages).toBe('2');
  }, 20 * MINUTE);
});
