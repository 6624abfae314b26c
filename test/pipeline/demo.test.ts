/** The demo series (examples/demo/): security mark, 报/送/抄送 lines, print count, editor's note. */
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { loadIssue } from '../../src/issue/load.js';
import { examples, inOrder, itemTexts, pdffonts, pdftotext, squeeze, suiteDir, withoutPageNumbers } from './helpers.js';

let tmp: ReturnType<typeof suiteDir>;
const text: Record<string, string> = {};
const pages: Record<string, number> = {};

beforeAll(async () => {
  tmp = suiteDir();
  cpSync(path.join(examples, 'demo'), tmp.dir, { recursive: true });
  for (const name of ['pingjiang-005', 'pingjiang-006']) {
    const r = await buildIssue(path.join(tmp.dir, `${name}.yaml`), { env: {} });
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    text[name] = pdftotext(path.join(tmp.dir, `${name}.pdf`));
    pages[name] = r.pages!;
  }
});

afterAll(() => tmp?.remove());

describe('demo series 《平江信息》', () => {
  it('both issues build beside their YAML files', () => {
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['pingjiang-005.pdf', 'pingjiang-006.pdf']);
  });

  it('the security mark stands above the masthead name on page 1', () => {
    for (const name of ['pingjiang-005', 'pingjiang-006']) {
      const p1 = squeeze(pdftotext(path.join(tmp.dir, `${name}.pdf`), 1));
      expect(inOrder(p1, ['内部资料', '注意保存', '平江信息', '（工作动态）']).missing).toEqual([]);
    }
    expect(squeeze(text['pingjiang-005']!)).toContain('第5期（2026年12期）');
    expect(squeeze(text['pingjiang-006']!)).toContain('第6期（2026年13期）');
  });

  it('the footer: 报, 送 and 抄送 lines, the editor, the serial and the print count (the issue overrides the series)', () => {
    const want = ['报：市委办公室，市政府办公室', '送：区委、区政府领导，管委会领导', '抄送：各部门，各街道', '责任编辑：林小禾'];
    for (const [name, count, serial] of [
      ['pingjiang-005', 60, '(PJ)简字006号'],
      ['pingjiang-006', 80, '(PJ)简字006号'],
    ] as const) {
      const last = squeeze(pdftotext(path.join(tmp.dir, `${name}.pdf`), pages[name]));
      expect(inOrder(last, want).missing, name).toEqual([]);
      expect(last).toContain(serial);
      expect(last).toContain(`共印${count}份`);
    }
  });

  it("issue 6: the editor's note (编者按) comes before its item's text", () => {
    const t = squeeze(withoutPageNumbers(text['pingjiang-006']!));
    expect(inOrder(t, ['编者按：城市更新事关群众切身利益。现将区住建局的做法刊发，供各街道参考。', '区住建局推进城市更新试点项目。区住建局围绕']).missing).toEqual([]);
  });

  it('every item and brief appears whole and in order', async () => {
    for (const name of ['pingjiang-005', 'pingjiang-006']) {
      const loaded = await loadIssue(path.join(tmp.dir, `${name}.yaml`));
      const items = itemTexts(loaded.issue!);
      expect(inOrder(withoutPageNumbers(text[name]!), items.map((i) => i.text)).missing, name).toEqual([]);
    }
  });

  it('fonts embedded and subset', () => {
    for (const name of ['pingjiang-005', 'pingjiang-006']) {
      for (const f of pdffonts(path.join(tmp.dir, `${name}.pdf`))) expect(f, `${name} ${f.name}`).toMatchObject({ emb: 'yes', sub: 'yes' });
    }
  });
});
