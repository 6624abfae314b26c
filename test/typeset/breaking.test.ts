import { describe, expect, test } from 'vitest';
import { noEnd, noStart } from '../../src/typeset/text/classes.js';
import { MEASURE, han, inkEnd, lineText, set, texts } from './helpers.js';
import { fakeFace } from './fake-font.js';

const NEVER_START = '。，、；：？！）」》”』】';
const NEVER_END = '（「《“『【';

describe('禁则 (line-start and line-end rules)', () => {
  test.each([...NEVER_START])('no line starts with %s', (mark) => {
    // The mark falls exactly on the 29th position, where a plain greedy break would put it first on line 2.
    const lines = texts(set(han(28) + mark + han(40)).lines);
    for (const l of lines.slice(1)) expect(noStart(l[0]!)).toBe(false);
  });

  test.each([...NEVER_END])('no line ends with %s', (mark) => {
    const lines = texts(set(han(27) + mark + han(40)).lines);
    for (const l of lines.slice(0, -1)) expect(noEnd(l[l.length - 1]!)).toBe(false);
  });

  test('a line whose 29th character is "，" squeezes it in (先挤进)', () => {
    const lines = set(han(28) + '，' + han(10)).lines;
    expect(lineText(lines[0]!)).toBe(han(28) + '，');
    expect(lineText(lines[1]!)).toBe(han(10));
    expect(inkEnd(lines[0]!)).toBeCloseTo(MEASURE, 2);
  });

  test('an opening mark that would end a line is pushed down with it (后推出)', () => {
    // "“2026年" cannot be squeezed in: the mark goes down with the number it opens.
    const lines = set(han(27) + '“2026年' + han(10) + '”').lines;
    expect(lineText(lines[0]!)).toBe(han(27));
    expect(lineText(lines[1]!).startsWith('“2026年')).toBe(true);
    expect(inkEnd(lines[0]!)).toBeCloseTo(MEASURE, 2);
  });

  test('where pushing down would stretch the line more than squeezing in, the pair is squeezed in', () => {
    // "“一" in the 28th and 29th places: pushing leaves 27 characters to spread over 28 places (0.6 pt a gap),
    // squeezing takes the mark's blank and 0.4 pt a gap.
    const lines = set(han(27) + '“' + han(10) + '”').lines;
    expect(lineText(lines[0]!)).toBe(han(27) + '“一');
    expect(inkEnd(lines[0]!)).toBeCloseTo(MEASURE, 2);
  });

  test('when two marks cannot both be squeezed in, the character before them is pushed down', () => {
    // 28 Han then 。” then more: the pair needs more room than squeezing gives once the line is already full.
    const lines = texts(set(han(28) + '”。”' + han(30)).lines);
    expect(noStart(lines[1]![0]!)).toBe(false);
    expect(lines.join('')).toBe(han(28) + '”。”' + han(30));
  });
});

describe('units that never split', () => {
  test('"2026年" stays whole with a quarter-em space between Han and digits', () => {
    for (let k = 20; k <= 28; k++) {
      const p = set(han(k) + '2026年' + han(30));
      const ls = texts(p.lines);
      expect(ls.some((l) => l.includes('2026年'))).toBe(true);
      const run = p.lines.flatMap((l) => l.runs).find((r) => r.texts.join('').includes('2026'))!;
      const i = run.texts.indexOf('2');
      // Space before the number: ¼ em, which justification may take down to ⅛ em or up to ⅜ em first.
      if (i > 0) {
        const space = run.xs[i]! - (run.xs[i - 1]! + run.advances[i - 1]!);
        expect(space).toBeGreaterThanOrEqual(2 - 1e-6);
        expect(space).toBeLessThanOrEqual(6 + 1e-6);
      }
    }
  });

  test('"380亿元" and "1.4万余家" keep the number with its units', () => {
    for (let k = 18; k <= 28; k++) {
      const ls = texts(set(han(k) + '380亿元，' + han(k) + '1.4万余家。' + han(30)).lines);
      expect(ls.some((l) => l.includes('380亿元'))).toBe(true);
      expect(ls.some((l) => l.includes('1.4万余家'))).toBe(true);
    }
  });

  test('"AED" and "90%" are never split', () => {
    for (let k = 22; k <= 28; k++) {
      const ls = texts(set(han(k) + 'AED使用，满意度90%以上' + han(30)).lines);
      expect(ls.some((l) => l.includes('AED'))).toBe(true);
      expect(ls.some((l) => l.includes('90%'))).toBe(true);
      for (const l of ls) expect(l[0]).not.toBe('%');
    }
  });

  test('—— and …… are never split, and never start a line', () => {
    for (let k = 24; k <= 29; k++) {
      const ls = texts(set(han(k) + '——' + han(10) + '……' + han(30)).lines);
      expect(ls.some((l) => l.includes('——'))).toBe(true);
      expect(ls.some((l) => l.includes('……'))).toBe(true);
      for (const l of ls) expect('—…').not.toContain(l[0]);
    }
  });

  test('a Latin word wider than the measure is cut rather than overflowing', () => {
    const p = set('A'.repeat(200));
    expect(p.lines.length).toBeGreaterThan(3);
    for (const l of p.lines) expect(inkEnd(l)).toBeLessThanOrEqual(MEASURE + 0.01);
  });
});

describe('justification and runts', () => {
  test('every line but the last ends at the right edge within 0.01 pt; the last is set left', () => {
    const text = '一是“六促一提”强引领、明方向。制定专项工作指引，明确理论学习促认识深化、四下基层促民情感知、分类施策提攻坚质效等“六促一提”工作重点，推动机关党组织和党员干部在服务企业、项目、园区和基层中，全方位锻造服务意识能力。截至目前，共实施领办项目29个，跟踪处办问题58个。同步开展 AED 使用、心肺复苏等急救技能培训。';
    const p = set(text, { indent: 32 });
    expect(p.lines.length).toBeGreaterThan(3);
    for (const l of p.lines.slice(0, -1)) expect(Math.abs(inkEnd(l) - MEASURE)).toBeLessThan(0.01);
    expect(inkEnd(p.lines[p.lines.length - 1]!)).toBeLessThan(MEASURE - 16);
    expect(p.lines[0]!.runs[0]!.xs[0]).toBeCloseTo(32, 5);
  });

  test('the space is spread evenly between characters', () => {
    const l = set(han(27) + '“2026年' + han(10)).lines[0]!;
    const xs = l.runs[0]!.xs;
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 6);
    expect(steps[0]).toBeCloseTo(16 + 16 / 26, 6);
  });

  test('a last line holding a single character pulls one more down (孤字)', () => {
    const ls = texts(set(han(28) + '九。').lines);
    expect(ls).toHaveLength(2);
    expect([...ls[1]!.replace('。', '')].length).toBe(2);
    expect(ls.join('')).toBe(han(28) + '九。');
  });

  test('every input character appears exactly once, in order', () => {
    const text = '区民卫局深耕家庭医生服务。截至目前，已建成 85 个家庭医生工作室，居民签约服务满意度 90% 以上。“健康积分存折”1300 余份——（区民卫局）……《方案》';
    const out = texts(set(text).lines).join('');
    expect(out).toBe(text.replace(/ /g, ''));
  });
});

describe('paragraph kinds', () => {
  test('a run-in lead sentence in another face shares the first line with the text after it', () => {
    const p = set('', {
      spans: [
        { text: '区发改局推动金融服务超市建设。', role: 'heading', size: 16 },
        { text: han(45), role: 'body', size: 16 },
      ],
      indent: 32,
    });
    expect(lineText(p.lines[0]!)).toBe('区发改局推动金融服务超市建设。' + han(11));
  });

  test('a source that fits goes at the end of the last line; one that does not goes right-aligned on its own', () => {
    const fits = set(han(40) + '。', { trailer: { text: '（区发改局）', role: 'body', size: 16 } });
    expect(lineText(fits.lines[fits.lines.length - 1]!)).toBe(han(40).slice(28) + '。（区发改局）');
    const own = set(han(54) + '。', { trailer: { text: '（区市场监管局）', role: 'body', size: 16 } });
    const last = own.lines[own.lines.length - 1]!;
    expect(lineText(last)).toBe('（区市场监管局）');
    expect(inkEnd(last)).toBeCloseTo(MEASURE, 2);
  });

  test('a hanging label: continuation lines align after it', () => {
    const p = set(han(60), { hang: { label: { text: '•', role: 'body', size: 16 }, width: 16 } });
    expect(lineText(p.lines[0]!)).toBe('•' + han(27));
    expect(p.lines[1]!.runs[0]!.xs[0]).toBeCloseTo(16, 5);
    expect(p.lines[0]!.runs[1]!.xs[0]).toBeCloseTo(16, 5);
  });

  test('centred and right-aligned lines', () => {
    const c = set(han(4), { align: 'center' }).lines[0]!;
    expect(c.runs[0]!.xs[0]).toBeCloseTo((MEASURE - 64) / 2, 5);
    const r = set(han(4), { align: 'right' }).lines[0]!;
    expect(inkEnd(r)).toBeCloseTo(MEASURE, 5);
  });
});

test('an ideographic space keeps its full em; an ASCII space between Han and digits is the quarter em', () => {
  const wide = set('内部资料　注意保存', { align: 'left' }).lines[0]!.runs[0]!;
  expect(wide.xs[5]! - wide.xs[3]!).toBeCloseTo(32, 5);
  const narrow = set('覆盖 10 家', { align: 'left' }).lines[0]!.runs[0]!;
  expect(narrow.xs[2]! - (narrow.xs[1]! + narrow.advances[1]!)).toBeCloseTo(4, 5);
});

test('no Han–Latin space next to a dash: 1—2 月', () => {
  const r = set('1—2月', { align: 'left' }).lines[0]!.runs[0]!;
  expect(r.xs[1]).toBeCloseTo(r.xs[0]! + r.advances[0]!, 5);
  expect(r.xs[2]).toBeCloseTo(r.xs[1]! + 16, 5);
});

test('a squeeze takes the blanks of mid-line marks first, then spreads the rest evenly over the gaps', () => {
  // 28 Han (one a mark mid-line) and a line-end "，": 8 pt to find; the "。" gives its 4 pt, the gaps the rest.
  const p = set(han(10) + '。' + han(17) + '，' + han(10));
  const r = p.lines[0]!.runs[0]!;
  const i = r.texts.indexOf('。');
  const step = (k: number): number => r.xs[k + 1]! - r.xs[k]!;
  expect(step(0)).toBeCloseTo(16 - 4 / 28, 6);
  expect(step(i)).toBeCloseTo(step(0) - 4, 6);
  expect(inkEnd(p.lines[0]!)).toBeCloseTo(MEASURE, 2);
});

describe('review fixes', () => {
  test('a long Latin word on the last line is not a 孤字, and pulling one never overflows the measure', () => {
    const p = set(han(10) + ' ' + 'a'.repeat(25) + ' ' + 'b'.repeat(50) + '。');
    for (const l of p.lines) expect(inkEnd(l)).toBeLessThanOrEqual(MEASURE + 0.01);
  });

  test('zero-width characters inside a word take no room and draw nothing', () => {
    const r = set('A\u200bE\u200dD\u00ad中', { align: 'left' }).lines[0]!.runs[0]!;
    expect(r.texts.join('')).toBe('AED中');
    expect(r.gids).not.toContain(0);
  });

  test('a character the face lacks inside a Latin word is reported, not drawn silently as .notdef', () => {
    const p = set('Tie\u0302n', { align: 'left' }, [fakeFace('f', '\u0302')]);
    expect(p.missing.map((m) => m.codePoint)).toEqual([0x302]);
  });

  test('the Han–Latin space goes beside letters and digits, not beside ASCII punctuation', () => {
    const r = set('区委(扩大)会议,AI', { align: 'left' }).lines[0]!.runs[0]!;
    const gapBefore = (k: number): number => r.xs[k]! - (r.xs[k - 1]! + r.advances[k - 1]!);
    expect(gapBefore(r.texts.indexOf('('))).toBeCloseTo(0, 6);
    expect(gapBefore(r.texts.indexOf('扩'))).toBeCloseTo(0, 6);
    expect(gapBefore(r.texts.indexOf(','))).toBeCloseTo(0, 6);
    expect(gapBefore(r.texts.indexOf('A'))).toBeCloseTo(0, 6);
    const d = set('共12个', { align: 'left' }).lines[0]!.runs[0]!;
    expect(d.xs[1]! - (d.xs[0]! + d.advances[0]!)).toBeCloseTo(4, 6);
  });

  test('when the source takes a line of its own, the text’s last line gets its 孤字 repair', () => {
    const source = `（${han(27)}）`;
    const p = set(han(28) + '九。', { trailer: { text: source, role: 'body', size: 16 } });
    const ls = texts(p.lines);
    expect(ls[ls.length - 1]).toBe(source);
    expect([...ls[ls.length - 2]!.replace('。', '')].length).toBeGreaterThanOrEqual(2);
  });
});
