import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { examples, repoRoot, tempFiles } from '../fixtures/tmp.js';
import { run } from './run.js';

afterEach(() => vi.restoreAllMocks());

describe('bulletin schema', () => {
  it('prints valid JSON equal to schemas/bulletin.schema.json', async () => {
    const r = await run('schema');
    expect(r.code).toBe(0);
    const file = readFileSync(path.join(repoRoot, 'schemas/bulletin.schema.json'), 'utf8');
    expect(JSON.parse(r.out)).toEqual(JSON.parse(file));
    expect(r.out).toBe(file);
  });

  it('--series prints a self-contained schema that validates the example series file', async () => {
    const r = await run('schema', '--series');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as Record<string, unknown>;
    const validate = new Ajv({ strict: true }).compile(schema);
    expect(validate({ name: '姑苏信息', offices: ['苏州市姑苏区党政办公室'], check: { titleMaxLength: 30 } })).toBe(true);
    expect(validate({ name: '姑苏信息', check: { titleMax: 30 } })).toBe(false);
  });

  it('--path prints where the schema lives', async () => {
    const r = await run('schema', '--path');
    expect(r.out.trim()).toBe(path.join(repoRoot, 'schemas/bulletin.schema.json'));
  });

  it('every example YAML file starts with a yaml-language-server $schema line that resolves', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const n of readdirSync(dir)) {
        const p = path.join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(n)) files.push(p);
      }
    };
    walk(examples);
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const first = readFileSync(f, 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(m, f).not.toBeNull();
      const target = path.resolve(path.dirname(f), m![1]!);
      const expected = path.basename(f) === 'bulletin.series.yaml' ? 'bulletin.series.schema.json' : 'bulletin.schema.json';
      expect(target, f).toBe(path.join(repoRoot, 'schemas', expected));
    }
  });
});

describe('series check settings', () => {
  const issue = `number: 1
date: 2026-05-21
sections:
  - label: 动态
    items:
      - title: 区发改局推动金融服务超市建设
        body: 正文一。
        source: 区发改局
`;

  it('check.titleMaxLength: 10 in the series file makes check warn on a longer title', async () => {
    const dir = tempFiles({
      'bulletin.series.yaml': 'name: 测试信息\noffices: [测试办公室]\ncheck:\n  titleMaxLength: 10\n',
      'i.yaml': issue,
    });
    const r = await run('--lang', 'en', 'check', path.join(dir, 'i.yaml'));
    expect(r.out).toContain('(title-length)');
    expect(r.out).toContain('the limit is 10');
    expect(r.code).toBe(0);
  });

  it('without it the default limit (40) applies', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': 'name: 测试信息\noffices: [测试办公室]\n', 'i.yaml': issue });
    const r = await run('--lang', 'en', 'check', path.join(dir, 'i.yaml'));
    expect(r.out).not.toContain('(title-length)');
  });

  it('an unknown key under check is a schema error', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': 'name: 测试信息\noffices: [测试办公室]\ncheck:\n  titleMax: 10\n', 'i.yaml': issue });
    const r = await run('--lang', 'en', 'check', path.join(dir, 'i.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('titleMax');
  });
});
