/**
 * Photos and tables in an item's body (issue 14): sizes read from the files (EXIF orientation turns a sideways phone
 * photo upright), rows from YAML or a GBK CSV file, and every mistake at its file:line:column in Chinese.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { ISSUE_HEAD, repoRoot, tempFiles } from '../fixtures/tmp.js';

const street = readFileSync(path.join(repoRoot, 'test/fixtures/media/street.jpg'));
const sideways = readFileSync(path.join(repoRoot, 'test/fixtures/media/garden-sideways.jpg'));

const HEAD = `${ISSUE_HEAD}      - title: 标题一
        source: 区发改局
        body:
`;

async function load(body: string, files: Record<string, string | Uint8Array> = {}) {
  const dir = tempFiles({ 'issue.yaml': HEAD + body, 'a.jpg': street, 'side.jpg': sideways, ...files });
  return loadIssue(path.join(dir, 'issue.yaml'));
}

const errors = (r: Awaited<ReturnType<typeof load>>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ rule: d.rule, line: d.line, column: d.column, zh: d.message.zh }));

describe('photos', () => {
  it('keeps the order written and reads the upright size, EXIF orientation included', async () => {
    const r = await load(`          - 第一段。
          - photo: {file: a.jpg, caption: 说明一}
          - 第二段。
          - photos: [{file: a.jpg}, {file: side.jpg, caption: 竖拍}]
`);
    expect(errors(r)).toEqual([]);
    const item = r.issue!.sections[0]!.items[0]!;
    expect(item.paragraphs.map((p) => p.text)).toEqual(['第一段。', '第二段。']);
    expect(item.media!.map((m) => [m.before, m.media.kind])).toEqual([[1, 'photos'], [2, 'photos']]);
    const row = item.media![1]!.media;
    if (row.kind !== 'photos') throw new Error('photos expected');
    // Stored 880×640 with orientation 6: seen as 640×880.
    expect([row.photos[1]!.pixelWidth, row.photos[1]!.pixelHeight]).toEqual([640, 880]);
    expect([row.photos[0]!.pixelWidth, row.photos[0]!.pixelHeight]).toEqual([960, 640]);
    expect(row.photos[1]!.caption!.text).toBe('竖拍');
  });

  it('reports a missing file, a damaged one and a width wider than the type area where they are written', async () => {
    const r = await load(`          - 第一段。
          - photo: {file: nowhere.jpg}
          - photo: {file: broken.jpg}
          - photo: {file: a.jpg, width: 30}
          - photo: {file: a.jpg, width: 200mm}
`, { 'broken.jpg': 'this is text, not a picture' });
    expect(r.issue).toBeUndefined();
    const e = errors(r);
    expect(e.map((d) => [d.rule, d.line])).toEqual([['photo-missing', 13], ['photo-corrupt', 14], ['media-too-wide', 15], ['media-too-wide', 16]]);
    expect(e[0]!.column).toBe(27);
    expect(e[0]!.zh).toContain('找不到图片文件 nowhere.jpg');
    expect(e[1]!.zh).toContain('不是 JPEG 或 PNG');
    expect(e[2]!.zh).toContain('超过了版心');
  });

  it('takes widths for photos side by side, and reports a row whose widths do not fit at its photos: key', async () => {
    const ok = await load(`          - photos: [{file: a.jpg, width: 10}, {file: side.jpg}]
`);
    expect(errors(ok)).toEqual([]);
    const row = ok.issue!.sections[0]!.items[0]!.media![0]!.media;
    if (row.kind !== 'photos') throw new Error('photos expected');
    expect(row.photos[0]!.width).toEqual({ chars: 10 });
    // 20 + 1 between + at least 4 for the photo without a width: 25 fits; 24 + 1 + 4 does not.
    const r = await load(`          - 第一段。
          - photos:
              - {file: a.jpg, width: 24}
              - {file: side.jpg}
`);
    expect(r.issue).toBeUndefined();
    const e = errors(r);
    expect(e.map((d) => [d.rule, d.line, d.column])).toEqual([['media-too-wide', 14, 15]]);
    expect(e[0]!.zh).toContain('需要 29 字，超过了版心（每行 28 字）');
  });
});

describe('tables', () => {
  it('reads rows written in YAML, numbers as text', async () => {
    const r = await load(`          - table:
              title: 表一
              header: [单位, 数量]
              rows:
                - [双塔街道, 12]
                - [平江街道, 9.5]
`);
    expect(errors(r)).toEqual([]);
    const t = r.issue!.sections[0]!.items[0]!.media![0]!.media;
    if (t.kind !== 'table') throw new Error('table expected');
    expect(t.header!.map((c) => c.text)).toEqual(['单位', '数量']);
    expect(t.rows.map((row) => row.map((c) => c.text))).toEqual([['双塔街道', '12'], ['平江街道', '9.5']]);
  });

  it('reports a row with too many cells at its line', async () => {
    const r = await load(`          - table:
              header: [单位, 数量]
              rows:
                - [双塔街道, 12]
                - [平江街道, 9, 多余]
`);
    const e = errors(r);
    expect(e.map((d) => [d.rule, d.line, d.column])).toEqual([['table-cells', 16, 19]]);
    expect(e[0]!.zh).toContain('这一行有 3 格，但表头有 2 列');
  });

  it('reads a GBK CSV file (header from its first line) and reports a bad row at the CSV line', async () => {
    // GB18030 bytes of "单位,数量\n双塔街道,12\n": written out by hand (Node has no GB18030 encoder).
    const good = Buffer.from('b5a5cebb2ccafdc1bf0acbabcbfebdd6b5c02c31320a', 'hex');
    const r = await load(`          - table: {csv: data.csv}\n`, { 'data.csv': good });
    expect(errors(r)).toEqual([]);
    const t = r.issue!.sections[0]!.items[0]!.media![0]!.media;
    if (t.kind !== 'table') throw new Error('table expected');
    expect(t.header!.map((c) => c.text)).toEqual(['单位', '数量']);
    expect(t.rows.map((row) => row.map((c) => c.text))).toEqual([['双塔街道', '12']]);

    const bad = await load(`          - table: {csv: data.csv}\n`, { 'data.csv': '单位,数量\n双塔街道,12\n平江街道,9,3\n' });
    const e = errors(bad);
    expect(e).toHaveLength(1);
    expect(bad.diagnostics[0]!.file.endsWith('data.csv')).toBe(true);
    expect([e[0]!.rule, e[0]!.line, e[0]!.column]).toEqual(['table-cells', 3, 8]);
  });

  it('knows where each CSV cell starts, past a BOM, blank lines, blanks and quotes', async () => {
    const csv = '\uFEFF单位,进展\r\n\r\n  平江街道 ,"已完成，""好""" \r\n"金阊\n街道",9\r\n';
    const r = await load(`          - table: {csv: data.csv}\n`, { 'data.csv': csv });
    expect(errors(r)).toEqual([]);
    const t = r.issue!.sections[0]!.items[0]!.media![0]!.media;
    if (t.kind !== 'table') throw new Error('table expected');
    const places = [t.header!, ...t.rows].map((row) => row.map((c) => [c.text, c.ref.at?.line, c.ref.at?.column]));
    expect(places).toEqual([
      [['单位', 1, 1], ['进展', 1, 4]],
      [['平江街道', 3, 3], ['已完成，"好"', 3, 10]],
      [['金阊\n街道', 4, 2], ['9', 5, 5]],
    ]);
    expect(t.rows[0]![0]!.ref.file.endsWith('data.csv')).toBe(true);
  });
});
