/**
 * Whole issues written other ways than the seed: the seed as a Word file, and a small issue with the parts the
 * seed lacks (security mark, 报 and 抄送 lines, print count, an editor's note, a date in Chinese numerals, office
 * and date on one row, fields the format has no place for).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/tmp.js';
import { docx, p } from './make-inputs.js';
import { REFERENCE, SEED, importCli, load, plain } from './model.js';

const SMALL = `内部资料　注意保存
平江信息
第 6 期
平江新区管委会办公室　　二〇二六年五月二十一日
【工作动态】
编者按：本期刊发两条信息，供参考。
新区推进老旧小区改造。今年计划改造小区12个，已开工8个。（新区建设局）
新区开展消防安全检查。共检查场所86家，整改隐患31处。
（新区应急局）
— 1 —
报：区委办公室，区政府办公室
抄送：各街道
责任编辑：王五　　共印 80 份
签发：赵六
`;

describe('other whole issues', () => {
  it('the seed as a Word file (one paragraph a line) gives the reference issue too', async () => {
    const dir = tempDir();
    const lines = readFileSync(SEED, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const file = path.join(dir, 'gusu-022.docx');
    writeFileSync(file, await docx(lines.map(p)));
    const r = await importCli(file, '-o', path.join(dir, 'out.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/第 \d+ 段/);
    expect(plain(await load(path.join(dir, 'out.yaml')))).toEqual(plain(await load(REFERENCE)));
  });

  it('a small issue with the parts the seed lacks', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pj.txt');
    writeFileSync(file, SMALL);
    const out = path.join(dir, 'pj-006.yaml');
    const r = await importCli(file, '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const m = plain(await load(out));
    expect(m).toMatchObject({
      name: '平江信息',
      securityMark: '内部资料　注意保存',
      offices: ['平江新区管委会办公室'],
      number: 6,
      date: '2026-05-21',
      distribution: [
        { label: '报', recipients: '区委办公室，区政府办公室' },
        { label: '抄送', recipients: '各街道' },
      ],
      editors: ['王五'],
      printCount: 80,
    });
    expect(m.sections).toEqual([
      {
        label: '工作动态',
        numbered: true,
        listed: true,
        style: 'items',
        items: [
          { title: '新区推进老旧小区改造', note: '本期刊发两条信息，供参考。', paragraphs: ['今年计划改造小区12个，已开工8个。'], source: '新区建设局' },
          { title: '新区开展消防安全检查', note: undefined, paragraphs: ['共检查场所86家，整改隐患31处。'], source: '新区应急局' },
        ],
      },
    ]);
    // Left out, and said where: the page number (line 10) and 签发 (line 14).
    expect(r.out).toMatch(/pj\.txt 第 10 行：页码（— 1 —），已去掉/);
    expect(r.out).toMatch(/pj\.txt 第 14 行：报尾的“签发：赵六”：格式中没有这一项，没有导入/);
  });

  it('a series file above that belongs to another bulletin is left alone: the issue gets its own beside it', async () => {
    const dir = tempDir();
    expect((await importCli(SEED, '-o', path.join(dir, 'gusu-022.yaml'))).code).toBe(0);
    const sub = path.join(dir, 'pingjiang');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const file = path.join(sub, 'pj.txt');
    writeFileSync(file, SMALL);
    const r = await importCli(file, '-o', path.join(sub, 'pj-006.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/是《姑苏信息》的，本期是《平江信息》/);
    expect(readFileSync(path.join(sub, 'pj-006.yaml'), 'utf8')).not.toMatch(/^name:/m);
    expect(readFileSync(path.join(sub, 'bulletin.series.yaml'), 'utf8')).toMatch(/^name: 平江信息$/m);
    expect((await load(path.join(sub, 'pj-006.yaml'))).series.name).toBe('平江信息');
  });
});
