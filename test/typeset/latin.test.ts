/**
 * Latin text in Chinese lines (fake metrics: Han 16 pt, Latin 8 pt, 28 Han to the line): URLs and e-mail
 * addresses break only after their marks, a word wider than the measure is cut with a hyphen, other words and
 * numbers never split, no blank is ever wider than 0.4 em, "——" is drawn joined, a no-break span stays whole.
 */
import { describe, expect, test } from 'vitest';
import type { SetLine } from '../../src/typeset/paragraph.js';
import { MEASURE, SIZE, han, inkEnd, lineText, set, span, texts } from './helpers.js';

const URL = 'https://www.gusu.gov.cn/gsqrmzf/tzgg/202605/abcdef1234567890.shtml';
const MAIL = 'gusufagaiju_office@163.com';
const MARKS = '/.-_?&=@';

/** The glyphs of a line in order, with where each starts and how far it advances. */
const glyphs = (l: SetLine) => l.runs.flatMap((r) => r.texts.map((t, i) => ({ t, x: r.xs[i]!, adv: r.advances[i]! }))).sort((a, b) => a.x - b.x);

/** The widest blank between two glyphs of the line. */
function widestBlank(l: SetLine): number {
  const g = glyphs(l);
  let w = 0;
  for (let i = 1; i < g.length; i++) w = Math.max(w, g[i]!.x - (g[i - 1]!.x + g[i - 1]!.adv));
  return w;
}

/** Where each line break falls in `text` (the offset the next line starts at). */
function breaksIn(lines: SetLine[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const l of lines.slice(0, -1)) {
    at += lineText(l).length;
    out.push(at);
  }
  return out;
}

/** Lines that get justified: all but the last. */
const full = (lines: SetLine[]) => lines.slice(0, -1);

describe('URLs and e-mail addresses', () => {
  const text = (k: number) => `${han(k)}可登录门户网站（${URL}）查询，或发送邮件至${MAIL}咨询。${han(30)}`;
  const ks = Array.from({ length: 28 }, (_, k) => k);

  test.each(ks)('stay whole in their brackets, never hyphenated, never split leaving one character (%i Han before)', (k) => {
    const t = text(k);
    const p = set(t, { indent: 2 * SIZE });
    expect(texts(p.lines).join('')).toBe(t);
    const spans = [URL, MAIL].map((u) => [t.indexOf(u), t.indexOf(u) + u.length] as const);
    for (const b of breaksIn(p.lines)) {
      for (const [s, e] of spans) {
        if (b <= s || b >= e) continue;
        expect(b - s).toBeGreaterThanOrEqual(2);
        expect(e - b).toBeGreaterThanOrEqual(2);
        // A mark ends a line, never starts one.
        expect(MARKS).not.toContain(t[b]);
      }
    }
    for (const l of p.lines) expect(glyphs(l).some((g) => g.t === '')).toBe(false);
    for (const l of p.lines.slice(1)) expect(lineText(l)[0]).not.toBe('）');
    for (const l of full(p.lines)) expect(lineText(l).endsWith('（')).toBe(false);
  });

  test.each(ks)('every full line ends at the measure, with no blank over 0.4 em (%i Han before)', (k) => {
    const p = set(text(k), { indent: 2 * SIZE });
    for (const l of full(p.lines)) {
      expect(Math.abs(inkEnd(l) - MEASURE)).toBeLessThan(0.01);
      expect(widestBlank(l)).toBeLessThanOrEqual(0.4 * SIZE + 1e-6);
    }
  });

  test('break after / . - _ ? & = @; off its marks on a line of the address alone, or rarely, to spare a spaced-out line', () => {
    let afterMark = 0;
    let offMarks = 0;
    for (const k of ks) {
      const t = text(k);
      let at = 0;
      let mixed = 0;
      for (const l of full(set(t, { indent: 2 * SIZE }).lines)) {
        const start = at;
        at += lineText(l).length;
        for (const u of [URL, MAIL]) {
          const u0 = t.indexOf(u);
          if (at <= u0 || at >= u0 + u.length) continue;
          if (MARKS.includes(t[at - 1]!)) afterMark++;
          else {
            offMarks++;
            if (start <= u0) mixed++;
          }
        }
      }
      expect(mixed, `${k} Han before`).toBeLessThanOrEqual(1);
    }
    expect(afterMark).toBeGreaterThan(offMarks);
    // With room for "（https://www.", the line ends after the mark; the next line, the address alone, ends
    // where the line is full, between letters.
    const lines = set(text(12), { indent: 2 * SIZE }).lines.map(lineText);
    expect(lines[0]!.endsWith('（https://www.')).toBe(true);
    expect(URL).toContain(lines[1]!);
  });
});

describe('Latin words', () => {
  const long = 'methionylthreonylthreonylglutaminylarginyltyrosylglutamylserine';

  test('a word wider than the measure is cut where the line is full, with a hyphen drawn only there', () => {
    expect(long.length * 8).toBeGreaterThan(MEASURE);
    for (let k = 0; k < 28; k += 3) {
      const t = `${han(k)}片段${long}的数据${han(30)}`;
      const p = set(t);
      expect(texts(p.lines).join('')).toBe(t);
      const cut = p.lines.filter((l) => glyphs(l).some((g) => g.t === ''));
      expect(cut.length).toBeGreaterThanOrEqual(1);
      for (const l of cut) {
        const g = glyphs(l);
        // The hyphen ends the line, which ends at the measure; at least two letters before it, three after.
        expect(g[g.length - 1]!.t).toBe('');
        expect(g[g.length - 1]!.x + g[g.length - 1]!.adv).toBeCloseTo(MEASURE, 2);
        const before = lineText(l).match(/[a-z]+$/)![0];
        expect(before.length).toBeGreaterThanOrEqual(2);
      }
      const pieces = p.lines.map(lineText).filter((s) => /[a-z]/.test(s));
      expect(pieces[pieces.length - 1]!.match(/^[a-z]+/)![0].length).toBeGreaterThanOrEqual(3);
    }
  });

  test('a word narrower than the measure is never cut; a compound breaks only after its own hyphens', () => {
    for (let k = 0; k < 28; k++) {
      const t = `${han(k)}论坛主题为“Internationalization”，介绍了state-of-the-art的技术${han(30)}`;
      const p = set(t);
      expect(texts(p.lines).some((l) => l.includes('Internationalization'))).toBe(true);
      for (const b of breaksIn(p.lines)) {
        const s = t.indexOf('state');
        if (b > s && b < s + 'state-of-the-art'.length) expect(t[b - 1]).toBe('-');
      }
      for (const l of p.lines) expect(glyphs(l).some((g) => g.t === '')).toBe(false);
    }
  });

  test('numbers with their units never split: 1,234.56万元, 3.2‰, 22.5℃, 99.8%, 2026年5月1日', () => {
    const units = ['1,234.56万元', '3.2‰', '22.5℃', '99.8%', '2026年'];
    for (let k = 10; k < 28; k++) {
      const ls = texts(set(`${han(k)}收入1,234.56万元，能耗下降3.2‰，温度22.5℃，满意度99.8%，时间2026年5月1日${han(30)}`).lines);
      for (const u of units) expect(ls.some((l) => l.includes(u)), u).toBe(true);
    }
  });
});

test('"——" is drawn as one line: each dash stretched to meet the other', () => {
  const p = set('5月1日——5月3日', { align: 'left' });
  const dashes = p.lines[0]!.runs.filter((r) => r.texts[0] === '—');
  expect(dashes).toHaveLength(2);
  // The fake font's dash ink runs from 0.07 to 0.93 em of its box.
  const ink = dashes.map((r) => {
    const scale = r.hscale! / 100;
    return [r.xs[0]! + 0.07 * SIZE * scale, r.xs[0]! + 0.93 * SIZE * scale];
  });
  expect(ink[0]![1]!).toBeGreaterThanOrEqual(ink[1]![0]!);
  // The outer ends keep the glyph's own side bearings.
  const cells = p.lines[0]!.runs.flatMap((r) => r.xs);
  expect(ink[0]![0]).toBeGreaterThan(Math.min(...cells));
  // A single dash is left as the font draws it.
  expect(set('发现问题—交办认领', { align: 'left' }).lines[0]!.runs.every((r) => r.hscale === undefined)).toBe(true);
});

test('a no-break span stays on one line', () => {
  for (let k = 20; k < 30; k++) {
    const p = set('', { spans: [span(han(k)), span('　'), span('共印 123456 份', { noBreak: true })], align: 'right' });
    expect(texts(p.lines).some((l) => l.includes('共印123456份'))).toBe(true);
    // The ideographic space before it never ends a line with a blank.
    for (const l of p.lines) expect(inkEnd(l)).toBeCloseTo(MEASURE, 2);
  }
});
