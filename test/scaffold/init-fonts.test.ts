import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { examples, tempDir } from '../fixtures/tmp.js';
import { run } from './run.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('bulletin init', () => {
  it('creates a series file, a first issue and fonts/README.md that load without schema errors', async () => {
    const dir = path.join(tempDir(), 'new-series');
    vi.stubEnv('BULLETIN_TODAY', '2026-06-01');
    const r = await run('init', dir, '--name', '平江信息', '--office', '平江新区管委会办公室');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['bulletin.series.yaml', 'issue-001.yaml', 'fonts/README.md']) expect(existsSync(path.join(dir, f)), f).toBe(true);
    expect(readFileSync(path.join(dir, 'fonts/README.md'), 'utf8')).toMatch(/方正小标宋简体[\s\S]*仿宋_GB2312[\s\S]*黑体[\s\S]*楷体_GB2312/);
    const loaded = await loadIssue(path.join(dir, 'issue-001.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.issue!.series.name).toBe('平江信息');
    expect(loaded.issue!.date.iso).toBe('2026-06-01');
    for (const f of ['bulletin.series.yaml', 'issue-001.yaml']) {
      expect(readFileSync(path.join(dir, f), 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/bulletin(\.series)?\.schema\.json$/);
    }
  });

  it('check reports only the places to fill in', async () => {
    const dir = path.join(tempDir(), 's');
    await run('init', dir);
    const r = await run('--lang', 'en', 'check', dir);
    expect(r.code).toBe(1);
    const rules = new Set([...r.out.matchAll(/ {2}\(([a-z-]+)\)$/gm)].map((m) => m[1]));
    expect(rules).toEqual(new Set(['placeholder']));
    expect(r.out).toContain('bulletin name');
    expect(r.out).toContain('bulletin.series.yaml');
  });

  it('refuses a non-empty folder and leaves it alone', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const r = await run('init', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不是空文件夹');
    expect(existsSync(path.join(dir, 'bulletin.series.yaml'))).toBe(false);
  });
});

describe('bulletin fonts', () => {
  it('lists the five roles with their Chinese names and files', async () => {
    const r = await run('fonts', path.join(examples, 'gusu-022.yaml'));
    expect(r.code).toBe(0);
    for (const role of ['报头（masthead）', '正文（body）', '标题（heading）', '楷体（kai）', '页码（number）']) expect(r.out).toContain(role);
    expect(r.out).toMatch(/\.(ttf|otf|ttc)/i);
    expect(r.out).toContain('每个字都有字体可用');
  });

  it('in English, and names a character no font has', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'i.yaml'),
      'name: 测试信息\noffices: [测试办公室]\nnumber: 1\ndate: 2026-05-21\nsections:\n  - label: 动态\n    items:\n      - title: 标题\n        body: 正文\u{10FFFD}。\n        source: 区发改局\n',
    );
    const r = await run('--lang', 'en', 'fonts', path.join(dir, 'i.yaml'));
    for (const role of ['masthead', 'body', 'heading', 'kai', 'number']) expect(r.out).toMatch(new RegExp(`^${role} \\(`, 'm'));
    expect(r.out).toContain('U+10FFFD');
    expect(r.code).toBe(1);
  });
});

describe('help and version', () => {
  it('every command has Chinese help with examples and exit codes, and English with --lang en', async () => {
    for (const cmd of ['check', 'build', 'new', 'init', 'fonts', 'schema']) {
      const zh = await run(cmd, '--help');
      expect(zh.code, cmd).toBe(0);
      expect(zh.out, cmd).toContain('示例：');
      expect(zh.out, cmd).toContain('退出码');
      const en = await run('--lang', 'en', cmd, '--help');
      expect(en.out, cmd).toContain('Examples:');
      expect(en.out, cmd).toContain('Exit codes');
    }
  });

  it('--version prints the package version', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
