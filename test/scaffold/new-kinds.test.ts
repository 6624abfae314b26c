/** `bulletin new` across the numbering variants: 总第, 增刊, yearly numbering, a year boundary. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempFiles } from '../fixtures/tmp.js';
import { run } from './run.js';

afterEach(() => vi.unstubAllEnvs());

const SERIES = `name: 工作简报\noffices: [街道办事处]\n`;
const issue = (head: string): string => `# ${head}
${head.includes('增刊') ? 'special: 增刊\n' : ''}number: ${/第 (\d+) 期/.exec(head)![1]}
${/总第 (\d+)/.test(head) ? `totalNumber: ${/总第 (\d+)/.exec(head)![1]}\n` : ''}date: 2026-12-28
note: 本期编者按。
urgency: 特急
sections:
  - style: article
    items:
      - title: 一篇文章
        body: 正文。
`;

async function next(file: string, text: string, today: string): Promise<{ data: Record<string, unknown>; text: string; out: string }> {
  const dir = tempFiles({ 'bulletin.series.yaml': SERIES, [file]: text });
  vi.stubEnv('BULLETIN_TODAY', today);
  const r = await run('new', '--from', path.join(dir, file));
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const outName = r.out.match(/已生成 (\S+?)：/)![1]!;
  const body = readFileSync(path.join(dir, path.basename(outName)), 'utf8');
  return { data: parse(body) as Record<string, unknown>, text: body, out: r.out };
}

describe('bulletin new, numbering variants', () => {
  it('总第 goes up by one across a year boundary; the one issue\'s 编者按 and urgency are not carried over', async () => {
    const { data, text, out } = await next('jb-033.yaml', issue('第 33 期（总第 192 期）'), '2027-01-04');
    expect(data.number).toBe(34);
    expect(data.totalNumber).toBe(193);
    expect(data.note).toBeUndefined();
    expect(data.urgency).toBeUndefined();
    expect(text).toContain('# 第 34 期（总第 193 期）');
    expect(out).toContain('第 34 期（总第 193 期）');
    // The article section gets an article placeholder: a title and a body, no source.
    const item = ((data.sections as { items: Record<string, unknown>[] }[])[0]!.items[0])!;
    expect(Object.keys(item)).toEqual(['title', 'body']);
  });

  it('from a 增刊 comes the next 增刊: its own number + 1, no total number moved', async () => {
    const { data, out } = await next('jb-zk-001.yaml', issue('增刊第 1 期'), '2027-01-04');
    expect(data.special).toBe('增刊');
    expect(data.number).toBe(2);
    expect(data.totalNumber).toBeUndefined();
    expect(out).toContain('增刊第 2 期');
  });

  it('a 增刊 that carries a total number keeps it as it was', async () => {
    const { data } = await next('jb-zk-001.yaml', issue('增刊第 1 期').replace('number: 1', 'number: 1\ntotalNumber: 192'), '2026-12-30');
    expect(data.number).toBe(2);
    expect(data.totalNumber).toBe(192);
  });

  it('yearly numbering starts again at 2027 年第 1 期 in a new year', async () => {
    const dir = tempFiles({ 'bulletin.series.yaml': `${SERIES}numbering: yearly\n`, 'n-048.yaml': issue('第 48 期') });
    vi.stubEnv('BULLETIN_TODAY', '2027-01-04');
    const r = await run('new', '--from', path.join(dir, 'n-048.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('2027 年第 1 期');
    expect(r.out).toContain('n-001.yaml');
  });
});
