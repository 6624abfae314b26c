/**
 * Departments' Word files (made here with the `docx` package) and text files: each becomes one item, with its
 * title found however it was set, its body paragraphs, and its source; pictures and tables are reported with
 * their paragraph numbers, as not imported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/tmp.js';
import { boldLead, docx, encodeGb18030, heading, image, numbered, p, table } from './make-inputs.js';
import { importCli, load } from './model.js';

const TITLE = '区发改局召开重点项目推进会部署下半年工作';
const BODY = ['一是梳理项目清单。全区共排定重点项目42个。', '二是压实推进责任。每个项目明确一名牵头领导。', '三是强化要素保障。协调解决用地、资金等问题15个。'];

async function importOne(name: string, bytes: Buffer | string) {
  const dir = tempDir();
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const out = path.join(dir, 'out.yaml');
  const r = await importCli(file, '-o', out);
  return { r, out, dir, issue: r.code === 0 ? await load(out) : undefined };
}

function onlyItem(issue: Awaited<ReturnType<typeof load>> | undefined) {
  expect(issue?.sections.length).toBe(1);
  expect(issue!.sections[0]!.items.length).toBe(1);
  const it = issue!.sections[0]!.items[0]!;
  return { title: it.title?.text, paragraphs: it.paragraphs.map((x) => x.text), source: it.source?.text };
}

describe('import of a department\'s Word file', () => {
  it('a title paragraph, three paragraphs and a bracketed source become one item, correctly split', async () => {
    const { r, issue } = await importOne('发改局.docx', await docx([p(TITLE), ...BODY.map(p), p('（区发改局）')]));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Word');
    expect(onlyItem(issue)).toEqual({ title: TITLE, paragraphs: BODY, source: '区发改局' });
  });

  it('a bold lead sentence is the title and the rest of its paragraph the body; a "来源：" line is the source', async () => {
    const lead = `${TITLE}。`;
    const { r, issue, out } = await importOne('lead.docx', await docx([boldLead(lead, BODY[0]!), p(BODY[1]!), p('来源：区商务局')]));
    expect(r.code).toBe(0);
    expect(onlyItem(issue)).toEqual({ title: TITLE, paragraphs: [BODY[0], BODY[1]], source: '区商务局' });
    expect(readFileSync(out, 'utf8')).toMatch(/source: 区商务局\s+#.*来源：.*第 3 段/);
  });

  it('a heading-style title, a numbered list written out, and a picture and a table reported by paragraph number', async () => {
    const parts = [heading(TITLE), p(BODY[0]!), numbered('梳理项目清单。'), numbered('压实推进责任。'), image(), table([['项目', '金额'], ['道路', '1200万元']]), p(`${BODY[2]!}（区财政局）`)];
    const { r, issue, out } = await importOne('list.docx', await docx(parts));
    expect(r.code).toBe(0);
    expect(onlyItem(issue)).toEqual({ title: TITLE, paragraphs: [BODY[0], '1.梳理项目清单。', '2.压实推进责任。', BODY[2]], source: '区财政局' });
    // Paragraphs as the reader counts them: the picture is the 5th, the table the 6th.
    const notImported = r.out.slice(r.out.indexOf('没有导入：'));
    expect(notImported).toMatch(/第 5 段：图片（image\/png）没有导入/);
    expect(notImported).toMatch(/第 6 段：表格（2 行 × 2 列：项目 金额 \/ 道路 1200万元）没有导入/);
    expect(r.out).toMatch(/第 3、4 段：自动编号的列表/);
    expect(readFileSync(out, 'utf8')).toMatch(/body: \|\s+#.*第 3、4 段是自动编号的列表/);
  });

  it('several files become one item each, in the order given', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.docx');
    const b = path.join(dir, 'b.docx');
    writeFileSync(a, await docx([p(TITLE), ...BODY.map(p), p('（区发改局）')]));
    writeFileSync(b, await docx([boldLead('区商务局举办消费促进月活动。', BODY[0]!), p('（区商务局）')]));
    const out = path.join(dir, 'issue.yaml');
    const r = await importCli(b, a, '-o', out);
    expect(r.code).toBe(0);
    const items = (await load(out)).sections[0]!.items;
    expect(items.map((i) => [i.title?.text, i.source?.text])).toEqual([
      ['区商务局举办消费促进月活动', '区商务局'],
      [TITLE, '区发改局'],
    ]);
  });

  it('a department text in GBK: the first line is the title, a bracket line the source; the encoding is named', async () => {
    const text = [TITLE, '', ...BODY.flatMap((x) => [x, '']), '（区民政局）', ''].join('\r\n');
    const { r, issue } = await importOne('民政局.txt', encodeGb18030(text));
    expect(r.code).toBe(0);
    expect(r.out).toContain('GBK/GB18030');
    expect(onlyItem(issue)).toEqual({ title: TITLE, paragraphs: BODY, source: '区民政局' });
  });

  it('with no series file around, the new one holds placeholders that check points at', async () => {
    const { r, dir } = await importOne('a.docx', await docx([p(TITLE), ...BODY.map(p), p('（区发改局）')]));
    expect(r.code).toBe(0);
    const series = readFileSync(path.join(dir, 'bulletin.series.yaml'), 'utf8');
    expect(series).toMatch(/^name: 【待填写】信息/m);
    expect(series).toMatch(/^ {2}- 【待填写】编发单位/m);
  });
});
