/** `bulletin init` with awkward options: values that need quoting, prefixes that are paths, failures half-way. */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { optionProblem } from '../../src/scaffold/init-series.js';
import { yamlScalar } from '../../src/issue/yaml-scalar.js';
import { parse } from 'yaml';
import { tempDir } from '../fixtures/tmp.js';
import { run } from './run.js';

afterEach(() => vi.unstubAllEnvs());

describe('bulletin init: --name and --office are written as YAML values', () => {
  it('a colon, a hash and a quote survive exactly; the files load and check only asks for the placeholders', async () => {
    const dir = path.join(tempDir(), 's');
    const name = '苏州: 信息 # x';
    const office = '"办公室';
    const r = await run('init', dir, '--name', name, '--office', office);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const loaded = await loadIssue(path.join(dir, 'issue-001.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.issue!.series.name).toBe(name);
    expect(loaded.issue!.series.offices).toEqual([office]);
    const check = await run('--lang', 'en', 'check', dir);
    expect(new Set([...check.out.matchAll(/ {2}\(([a-z-]+)\)$/gm)].map((m) => m[1]))).toEqual(new Set(['placeholder']));
  });

  it('yamlScalar reads back as the same string, for values YAML would otherwise take apart', () => {
    for (const v of ['苏州: 信息 # x', '"办公室', "'q", '- x', '[a]', '{a}', '123', 'null', '~', '@x', '!x', '&x', '*x', '|', '>', 'a #b', '2026-05-01', '  sp ']) {
      expect(parse(`k: ${yamlScalar(v)}`, { schema: 'core' }).k, v).toBe(v);
      expect(parse(`k:\n  - ${yamlScalar(v)}`, { schema: 'core' }).k, v).toEqual([v]);
    }
  });

  it('refuses empty or multi-line values (exit 2, nothing written)', async () => {
    const parent = tempDir();
    for (const args of [['--name', ''], ['--office', '  '], ['--name', '姑苏\n信息']]) {
      const r = await run('init', path.join(parent, 'x'), ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^bulletin init：--(name|office) /);
    }
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('bulletin init: --prefix', () => {
  it('rejects empty and path-like prefixes with exit 2 and writes nothing anywhere', async () => {
    const parent = tempDir();
    for (const prefix of ['', '../evil', 'a/b', 'a\\b', '.hidden', 'x:y', ' gusu']) {
      const r = await run('init', path.join(parent, 'dir'), '--prefix', prefix);
      expect(r.code, JSON.stringify(prefix)).toBe(2);
      expect(r.err).toContain('--prefix');
      expect(r.out).toBe('');
    }
    expect(readdirSync(parent)).toEqual([]);
    const en = await run('--lang', 'en', 'init', path.join(parent, 'dir'), '--prefix', '../evil');
    expect(en.err).toContain('--prefix is the start of a file name');
    expect(optionProblem({ prefix: 'gusu' })).toBeUndefined();
    expect(optionProblem({ prefix: '姑苏' })).toBeUndefined();
  });

  it('a failure half-way (a file name too long) leaves no folder, no parents it made and no hidden staging folder', async () => {
    const parent = tempDir();
    const long = 'x'.repeat(300);
    const r = await run('init', path.join(parent, 'a', 'b', 'dir'), '--prefix', long);
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件名太长');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('the same failure in an existing empty folder leaves it empty', async () => {
    const dir = path.join(tempDir(), 'empty');
    mkdirSync(dir);
    const r = await run('--lang', 'en', 'init', dir, '--prefix', 'y'.repeat(300));
    expect(r.code).toBe(2);
    expect(r.err).toContain('the file name is too long');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an existing empty folder is filled in place', async () => {
    const dir = path.join(tempDir(), 'empty');
    mkdirSync(dir);
    vi.stubEnv('BULLETIN_TODAY', '2026-06-01');
    const r = await run('init', dir, '--prefix', 'pingjiang');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'fonts', 'pingjiang-001.yaml']);
    expect(readFileSync(path.join(dir, 'pingjiang-001.yaml'), 'utf8')).toContain('date: 2026-06-01');
    expect(existsSync(path.join(dir, 'fonts', 'README.md'))).toBe(true);
  });
});
