import { describe, expect, it } from 'vitest';
import { makeIssue, paragraphIssue, run, applyTo } from './helpers.js';
import { defaultSettings } from '../../src/check/rules/types.js';
import { punctHalfwidth } from '../../src/check/rules/punct-halfwidth.js';
import { fullwidthAlnum } from '../../src/check/rules/fullwidth-alnum.js';
import { bracketBalance } from '../../src/check/rules/bracket-balance.js';
import { punctRepeated } from '../../src/check/rules/punct-repeated.js';
import { spaceInHan } from '../../src/check/rules/space-in-han.js';
import { paragraphEnd } from '../../src/check/rules/paragraph-end.js';
import { ordinalSequence } from '../../src/check/rules/ordinal-sequence.js';
import { numberSpacing } from '../../src/check/rules/number-spacing.js';
import { sourceMissing } from '../../src/check/rules/source-missing.js';
import { sourceUnknown } from '../../src/check/rules/source-unknown.js';
import { titleSentence } from '../../src/check/rules/title-sentence.js';
import { titleLength } from '../../src/check/rules/title-length.js';
import { titleDuplicate } from '../../src/check/rules/title-duplicate.js';
import { itemRepeated } from '../../src/check/rules/item-repeated.js';
import { dateFuture } from '../../src/check/rules/date-future.js';
import { dateOrder } from '../../src/check/rules/date-order.js';
import { fontCoverage } from '../../src/check/rules/font-coverage.js';
import { issueNumberSequence, yearNumberSequence } from '../../src/check/rules/issue-sequence.js';

const body = (s: string | string[]) => paragraphIssue(s);

describe('punct-halfwidth', () => {
  it('hits , : ; ? ! . ( ) " between Chinese and fixes them', () => {
    const text = '一是强引领,明方向;二是优服务:亮品牌?"书记项目"(区委)好!完成.';
    const f = run(punctHalfwidth, body(text));
    expect(f.map((x) => x.offset)).toEqual([5, 9, 15, 19, 20, 26, 31, 34]);
    expect(applyTo(text, f)).toBe('一是强引领，明方向；二是优服务：亮品牌？“书记项目”（区委）好！完成。');
  });
  it('drops the spaces a typist put around the mark', () => {
    const f = run(punctHalfwidth, body('企业 , 推动发展。'));
    expect(applyTo('企业 , 推动发展。', f)).toBe('企业，推动发展。');
  });
  it('hits . and , after a figure that ends a Chinese sentence, but not a list number or a decimal', () => {
    for (const [text, fixed] of [
      ['增长12%.一是加强。', '增长12%。一是加强。'],
      ['共3个，增长12.一是加强。', '共3个，增长12。一是加强。'],
      ['增长12%,二是推进。', '增长12%，二是推进。'],
      ['完成30,二是推进。', '完成30，二是推进。'],
    ]) expect(applyTo(text!, run(punctHalfwidth, body(text!))), text).toBe(fixed);
    expect(run(punctHalfwidth, body(['1.加强管理；2.推进改革。', '主要有：1.加强管理。', '增长1.5倍，达12.5%。']))).toEqual([]);
  });
  it('misses decimals, codes, times, URLs and English', () => {
    const ok = '融资1.4万余家，“5·19中国旅游日”，“宝藏姑苏6.0”，(GS)简字001号，下午3:30开会，详见https://www.suzhou.gov.cn/a,b.html。He said: "don\'t".';
    expect(run(punctHalfwidth, body(ok))).toEqual([]);
  });
  it('reports an unpaired straight quote without a fix', () => {
    const f = run(punctHalfwidth, body('推出"甜蜜经济品牌。'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ offset: 2, messageId: 'unpaired' });
    expect(f[0]!.fix).toBeUndefined();
  });
});

describe('fullwidth-alnum', () => {
  it('hits full-width digits and letters and fixes them', () => {
    const f = run(fullwidthAlnum, body('累计１３００余份，ＡＥＤ培训。'));
    expect(f.map((x) => x.offset)).toEqual([2, 9]);
    expect(applyTo('累计１３００余份，ＡＥＤ培训。', f)).toBe('累计1300余份，AED培训。');
  });
  it('misses half-width', () => expect(run(fullwidthAlnum, body('累计1300余份，AED培训。'))).toEqual([]));
});

describe('bracket-balance', () => {
  it('reports an unclosed opener at its position', () => {
    const f = run(bracketBalance, body('推动“三服务专项行动。'));
    expect(f).toMatchObject([{ offset: 2, messageId: 'unclosed' }]);
  });
  it('reports a mixed pair at the wrong closer', () => {
    const f = run(bracketBalance, body('打造“新地标’，推动发展。'));
    expect(f).toMatchObject([{ offset: 6, messageId: 'mixed', data: { expected: '”' } }]);
  });
  it('reports a closer with no opener', () => {
    expect(run(bracketBalance, body('苏作快闪市集第一期）亮相。'))).toMatchObject([{ offset: 9, messageId: 'unopened' }]);
  });
  it('reports the inner stray opener when an outer pair closes', () => {
    expect(run(bracketBalance, body('《关于“三服务的通知》。'))).toMatchObject([{ offset: 3, messageId: 'unclosed' }]);
  });
  it('misses nested, balanced text', () => {
    expect(run(bracketBalance, body('发布《人才服务“北京服务”工作方案》（第一期）【简讯】(GS)。'))).toEqual([]);
  });
});

describe('punct-repeated', () => {
  it('hits ，， and fixes it; reports ，。 without a fix', () => {
    const f = run(punctRepeated, body('明方向，，亮品牌，。'));
    expect(f).toMatchObject([{ offset: 3 }, { offset: 8, messageId: 'conflict' }]);
    expect(f[1]!.fix).toBeUndefined();
    expect(applyTo('明方向，，亮品牌，。', f)).toBe('明方向，亮品牌，。');
  });
  it('a run continues across spaces; a half-width comma is the same mark as a full-width one', () => {
    for (const [text, fixed] of [
      ['企业， ，推动。', '企业，推动。'],
      ['企业 , ，推动。', '企业 ，推动。'],
      ['会议强调。 。要加强。', '会议强调。要加强。'],
    ]) {
      const f = run(punctRepeated, body(text!));
      expect(f, text).toHaveLength(1);
      expect(applyTo(text!, f), text).toBe(fixed);
    }
    expect(run(punctRepeated, body('明方向， 。亮品牌。'))).toMatchObject([{ offset: 3, messageId: 'conflict', data: { chars: '，。' } }]);
    // A space after a mark that no mark follows is not part of a run.
    expect(run(punctRepeated, body('明方向， 亮品牌。'))).toEqual([]);
  });
  it('misses …… —— and ？！', () => expect(run(punctRepeated, body('真的吗？！前沿阵地——驿站……'))).toEqual([]));
});

describe('space-in-han', () => {
  it('hits a space between Han characters and removes it', () => {
    const f = run(spaceInHan, body('组织社区 卫生服务中心，　家庭医生。'));
    expect(f.map((x) => x.offset)).toEqual([4, 12]);
    expect(applyTo('组织社区 卫生服务中心，　家庭医生。', f)).toBe('组织社区卫生服务中心，家庭医生。');
  });
  it('hits a space between Han and a mark, and between two marks', () => {
    for (const [text, fixed] of [
      ['会议强调 。 要加强。', '会议强调。要加强。'],
      ['“好” “坏”都要说。', '“好”“坏”都要说。'],
      ['企业， ，推动。', '企业，，推动。'],
      ['《规划》 （试行）。', '《规划》（试行）。'],
    ]) expect(applyTo(text!, run(spaceInHan, body(text!))), text).toBe(fixed);
  });
  it('misses spaces next to digits and Latin', () => expect(run(spaceInHan, body('覆盖 10 家，开展 AED 使用。'))).toEqual([]));
});

describe('paragraph-end', () => {
  it('hits a paragraph that stops without 。', () => {
    expect(run(paragraphEnd, body('形成服务闭环，'))).toMatchObject([{ offset: 6, data: { char: '，' } }]);
  });
  it('judges the body before a trailing source', () => {
    expect(run(paragraphEnd, body('取得较好成效（区发改局）'))).toMatchObject([{ offset: 5, data: { char: '效' } }]);
    expect(run(paragraphEnd, body('取得较好成效。（区发改局）'))).toEqual([]);
  });
  it('misses sentence enders with closing quotes, and a colon that introduces the next paragraph', () => {
    expect(run(paragraphEnd, body(['实现“拎包入住”。', '他说：“好！”', '具体内容包括：', '一是……']))).toEqual([]);
    expect(run(paragraphEnd, body(['具体内容包括：', '一是提效。']))).toEqual([]);
  });
});

describe('ordinal-sequence', () => {
  it('hits a skipped 二是', () => {
    expect(run(ordinalSequence, body('一是强引领。三是作表率。'))).toMatchObject([{ offset: 6, messageId: 'skipped', data: { found: '三是', expected: '二是' } }]);
  });
  it('hits a repeated and an out-of-order ordinal across paragraphs', () => {
    const f = run(ordinalSequence, body(['一是甲。二是乙。', '二是丙。', '第一，甲；第三，乙；第二，丙。']));
    expect(f.map((x) => x.messageId)).toEqual(['repeated', 'skipped', 'order']);
  });
  it('an ordinal after a half-width stop starts a clause: 12%.一是 … ,二是 is in order', () => {
    expect(run(ordinalSequence, body('增长12%.一是加强调度,二是推进。'))).toEqual([]);
    expect(run(ordinalSequence, body('增长12%.一是加强调度,三是推进。'))).toMatchObject([{ messageId: 'skipped', data: { expected: '二是' } }]);
  });
  it('hits （一）（三）', () => expect(run(ordinalSequence, body('（一）甲。（三）乙。'))).toMatchObject([{ offset: 5 }]));
  it('misses a good sequence and words that only look like ordinals', () => {
    expect(run(ordinalSequence, body(['（一）甲。一是统一是目标。二是第一期市集。三是唯一是。', '（二）乙。一是甲。二是乙。第一，甲；第二，乙。']))).toEqual([]);
  });
});

describe('number-spacing', () => {
  it("'any' accepts both and hits only a one-sided space", () => {
    expect(run(numberSpacing, body('立项12个，覆盖 10 家，满意度 90% 以上，累计“存折”1300 余份。'))).toEqual([]);
    expect(run(numberSpacing, body('覆盖 10家单位。'))).toMatchObject([{ offset: 5, messageId: 'uneven' }]);
  });
  it("'none' removes spaces; 'space' inserts them", () => {
    const none = { settings: { ...defaultSettings, numberSpacing: 'none' as const } };
    const f = run(numberSpacing, body('覆盖 10 家。'), none);
    expect(applyTo('覆盖 10 家。', f)).toBe('覆盖10家。');
    const space = { settings: { ...defaultSettings, numberSpacing: 'space' as const } };
    const g = run(numberSpacing, body('2026年立项12个。'), space);
    expect(applyTo('2026年立项12个。', g)).toBe('2026 年立项 12 个。');
    expect(run(numberSpacing, body('2026 年，AED2 台。'), space)).toEqual([]);
  });
});

describe('sources', () => {
  it('source-missing hits a numbered item without a source, misses briefs', () => {
    const issue = makeIssue({ sections: [{ items: [{ title: '甲', body: '正文。' }, { title: '乙', body: '正文。', source: '区委' }] }, { numbered: false, items: [{ body: '简讯。' }] }] });
    expect(run(sourceMissing, issue)).toMatchObject([{ data: { number: 1 } }]);
  });
  it('source-unknown hits a source not on the list, with a suggestion; silent without a list', () => {
    const issue = makeIssue({ sources: ['区发改局', '区委组织部'], sections: [{ items: [{ title: '甲', body: '正文。', source: '区发政局' }, { title: '乙', body: '正文。', source: '区委组织部' }] }] });
    expect(run(sourceUnknown, issue)).toMatchObject([{ data: { source: '区发政局', suggestion: '区发改局' } }]);
    expect(run(sourceUnknown, makeIssue({ sections: [{ items: [{ body: '正文。', source: '任意' }] }] }))).toEqual([]);
  });
});

describe('titles', () => {
  it('title-sentence hits 。 inside and a trailing 。 (fixable)', () => {
    const f = run(titleSentence, paragraphIssue('正文。', { title: '推动建设。取得成效。' }));
    expect(f).toMatchObject([{ offset: 4 }, { offset: 9, messageId: 'trailing' }]);
    expect(f[1]!.fix).toEqual([{ start: 9, end: 10, text: '' }]);
    expect(run(titleSentence, paragraphIssue('正文。', { title: '区发改局推动金融服务超市姑苏站建设取得较好成效' }))).toEqual([]);
  });
  it('title-length hits at the first character over the limit', () => {
    const long = '区'.repeat(45);
    expect(run(titleLength, paragraphIssue('正文。', { title: long }))).toMatchObject([{ offset: 40, data: { length: 45, max: 40 } }]);
    expect(run(titleLength, paragraphIssue('正文。', { title: '区'.repeat(40) }))).toEqual([]);
  });
  it('title-duplicate hits the second of two equal titles', () => {
    const issue = makeIssue({ sections: [{ items: [{ title: '北京推出 22 项举措', body: '甲。', source: 'a' }, { title: '北京推出22项举措', body: '乙。', source: 'a' }, { title: '其他', body: '丙。', source: 'a' }] }] });
    const f = run(titleDuplicate, issue);
    expect(f).toHaveLength(1);
    expect(f[0]!.at.ref.path).toEqual(['sections', 0, 'items', 1, 'title']);
  });
  it('item-repeated hits an item from the previous issue, misses new ones', () => {
    const prev = makeIssue({ number: 21, sections: [{ items: [{ title: '旧条目', body: '一是甲。', source: 'a' }, { title: '另一条', body: '这是一段足够长的正文，用来判断是否与上一期重复的内容。', source: 'a' }] }] });
    const cur = makeIssue({ sections: [{ items: [{ title: '旧条目', body: '新。', source: 'a' }, { title: '改了标题', body: '这是一段足够长的正文，用来判断是否与上一期重复的内容。', source: 'a' }, { title: '新条目', body: '一是甲。', source: 'a' }] }] });
    const f = run(itemRepeated, cur, { previous: prev });
    expect(f.map((x) => x.at.ref.path.join('.'))).toEqual(['sections.0.items.0.title', 'sections.0.items.1.body']);
    expect(run(itemRepeated, cur)).toEqual([]);
  });
});

describe('dates', () => {
  it('date-future hits tomorrow, misses today, and can be allowed', () => {
    const today = new Date(2026, 4, 21, 9);
    expect(run(dateFuture, makeIssue({ date: '2026-05-22', sections: [] }), { today })).toHaveLength(1);
    expect(run(dateFuture, makeIssue({ date: '2026-05-21', sections: [] }), { today })).toEqual([]);
    expect(run(dateFuture, makeIssue({ date: '2027-01-01', sections: [] }), { today, settings: { ...defaultSettings, allowFutureDate: true } })).toEqual([]);
  });
  it('date-order hits a date not after the previous issue', () => {
    const prev = makeIssue({ number: 21, date: '2026-05-21', sections: [] });
    expect(run(dateOrder, makeIssue({ date: '2026-05-21', sections: [] }), { previous: prev })).toMatchObject([{ data: { previous: '2026-05-21' } }]);
    expect(run(dateOrder, makeIssue({ date: '2026-05-28', sections: [] }), { previous: prev })).toEqual([]);
  });
});

describe('issue sequences', () => {
  const issue = (file: string, number: number, yearNumber: number, date: string) => makeIssue({ file, number, yearNumber, date, sections: [] });
  it('reports a gap at the later file, in any input order', () => {
    const f = issueNumberSequence.checkSeries([issue('/c.yaml', 24, 50, '2026-06-04'), issue('/a.yaml', 21, 47, '2026-05-14'), issue('/b.yaml', 22, 48, '2026-05-21')]);
    expect(f).toMatchObject([{ at: { ref: { file: '/c.yaml', path: ['number'] } }, messageId: 'gap', data: { expected: 23 } }]);
    expect(yearNumberSequence.checkSeries([issue('/c.yaml', 24, 50, '2026-06-04'), issue('/b.yaml', 22, 48, '2026-05-21')])).toMatchObject([{ at: { ref: { path: ['yearNumber'] } } }]);
  });
  it('reports a repeat', () => {
    expect(issueNumberSequence.checkSeries([issue('/a.yaml', 22, 48, '2026-05-21'), issue('/b.yaml', 22, 49, '2026-05-28')])).toMatchObject([{ messageId: 'repeated' }]);
  });
  it('accepts consecutive issues and a restart in a new year; requires the running number to restart', () => {
    const run1 = [issue('/a.yaml', 52, 101, '2025-12-25'), issue('/b.yaml', 1, 1, '2026-01-08'), issue('/c.yaml', 2, 2, '2026-01-15')];
    expect(issueNumberSequence.checkSeries(run1)).toEqual([]);
    expect(yearNumberSequence.checkSeries(run1)).toEqual([]);
    expect(yearNumberSequence.checkSeries([issue('/a.yaml', 52, 101, '2025-12-25'), issue('/b.yaml', 53, 102, '2026-01-08')])).toMatchObject([{ messageId: 'restart' }]);
  });
});

describe('font-coverage', () => {
  it('names the missing character and its code point, once per text', () => {
    // Covers everything but 喆 and 𠮷 (a surrogate pair: its index is that of the high surrogate).
    const coverage = (_role: string, text: string) => [...text.matchAll(/喆|𠮷/gu)].map((m) => m.index);
    const f = run(fontCoverage, body('张喆与𠮷野，喆。'), { coverage });
    expect(f.map((x) => x.data)).toEqual([
      { char: '喆', codePoint: 'U+5586', role: 'body' },
      { char: '𠮷', codePoint: 'U+20BB7', role: 'body' },
    ]);
    expect(f.map((x) => x.offset)).toEqual([1, 3]);
  });
  it('uses the role of the text (name → masthead, title → heading) and is silent when covered or without fonts', () => {
    const seen: string[] = [];
    expect(run(fontCoverage, body('正文。'), { coverage: (role, text) => (seen.push(`${role} ${text}`), []) })).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining(['masthead 姑苏信息', 'heading 动态', 'heading 标题', 'body 正文。', 'body 区发改局']));
    expect(run(fontCoverage, body('喆。'))).toEqual([]);
  });
  it('a title set in two roles (body and contents) is one finding naming both', () => {
    // The item's section is listed: its title is set in the contents (kai) as well as in the body (heading).
    const issue = body('正文。');
    const f = run(fontCoverage, issue, { coverage: (_role, text) => [...text.matchAll(/题/gu)].map((m) => m.index) });
    expect(f).toHaveLength(1);
    expect(fontCoverage.messages(f[0]!.data).zh).toContain('在标题、楷体字体中没有字形');
  });
  it('a character of the layout\'s own wording is reported with where it is used', () => {
    const f = run(fontCoverage, body('正文。'), { coverage: (role, text) => (role === 'body' ? [...text.matchAll(/（/gu)].map((m) => m.index) : []) });
    expect(f).toHaveLength(1);
    expect(fontCoverage.messages(f[0]!.data).zh).toMatch(/“（”.*正文字体中没有字形（用在版式自带的文字/);
  });
});
