/**
 * The styles the plan's paragraphs and runs name, each defined as most of its uses look (so a style is what the
 * document shows, and direct formatting is left only where one paragraph differs), and the difference between a
 * paragraph or run and its style, which is all that is written on it.
 */
import type { IParagraphStyleOptions, ICharacterStyleOptions, IRunStylePropertiesOptions, IParagraphStylePropertiesOptions } from 'docx';
import type { DocxFonts } from './fonts.js';
import { allParagraphs, mediaParagraphs, type DocxPlan, type ParaLook, type PlanParagraph, type RunLook } from './plan.js';
import { CHAR_STYLES, PARA_STYLES, type CharStyleKind, type ParaStyleKind } from './style-names.js';

export interface ParaStyleDef {
  look: ParaLook;
  run: RunLook;
  keepNext: boolean;
}

export interface StyleBook {
  /** The document defaults (Normal): the body text's look, on the grid's lines. */
  defaults: { run: RunLook; para: ParaLook };
  para: Map<ParaStyleKind, ParaStyleDef>;
  char: Map<CharStyleKind, RunLook>;
}

/** The most frequent value by its JSON form; the first seen wins a tie. */
function mode<T>(values: T[]): T {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = JSON.stringify(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  let best: { v: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best!.v;
}

export function styleBook(plan: DocxPlan, extra: { kind: ParaStyleKind; look: ParaLook; run: RunLook }[] = []): StyleBook {
  const paras = new Map<ParaStyleKind, PlanParagraph[]>();
  const runs = new Map<CharStyleKind, RunLook[]>();
  for (const p of [...allParagraphs(plan), ...mediaParagraphs(plan)]) {
    paras.set(p.style, [...(paras.get(p.style) ?? []), p]);
    for (const r of p.runs) if (r.charStyle) runs.set(r.charStyle, [...(runs.get(r.charStyle) ?? []), r.look]);
  }
  const para = new Map<ParaStyleKind, ParaStyleDef>();
  for (const kind of Object.keys(PARA_STYLES) as ParaStyleKind[]) {
    const uses = paras.get(kind);
    const added = extra.filter((e) => e.kind === kind);
    if (uses) para.set(kind, { look: mode(uses.map((p) => p.look)), run: mode(uses.map((p) => p.main)), keepNext: mode(uses.map((p) => !!p.keepNext)) });
    else if (added.length) para.set(kind, { look: added[0]!.look, run: added[0]!.run, keepNext: false });
  }
  const char = new Map<CharStyleKind, RunLook>();
  for (const kind of Object.keys(CHAR_STYLES) as CharStyleKind[]) {
    const uses = runs.get(kind);
    if (uses) char.set(kind, mode(uses));
  }
  // No character spacing in the defaults: docx.js writes no w:spacing of 0, so a style could not undo it.
  const run = { ...(para.get('body')?.run ?? mode(allParagraphs(plan).map((p) => p.main))), spacing: 0 };
  return { defaults: { run, para: { align: 'left', left: 0, right: 0, first: 0, line: plan.gridLine } }, para, char };
}

const AUTO = 'auto';

/**
 * Run properties: what differs from `base` (a run against its style, a paragraph style against the defaults), or,
 * without one, all of them (the defaults, and character styles, which must hold whatever paragraph they are used in).
 */
export function runProps(look: RunLook, fonts: DocxFonts, base?: RunLook): IRunStylePropertiesOptions {
  const o: { -readonly [K in keyof IRunStylePropertiesOptions]: IRunStylePropertiesOptions[K] } = {};
  if (!base || base.role !== look.role) o.font = fontOf(look, fonts);
  if (!base || base.size !== look.size) o.size = look.size;
  if (!base || base.colour !== look.colour) o.color = look.colour ?? AUTO;
  if (!base || base.spacing !== look.spacing) o.characterSpacing = look.spacing;
  if (base ? base.bold !== look.bold : look.bold) o.bold = look.bold;
  if (base ? base.scale !== look.scale : look.scale !== 100) o.scale = look.scale;
  return o;
}

/**
 * East-Asian face by name, a Latin face for digits and letters, and the hint that makes Word set the characters both
 * scripts share (“ ” · … —) in the East-Asian face, as Chinese Word does when they are typed.
 */
export function fontOf(look: RunLook, fonts: DocxFonts): { eastAsia: string; ascii: string; hAnsi: string; hint: string } {
  const f = fonts[look.role];
  return { eastAsia: f.eastAsia, ascii: f.latin, hAnsi: f.latin, hint: 'eastAsia' };
}

export const ALIGNMENT = { left: 'left', center: 'center', right: 'right', both: 'both' } as const;

/** Paragraph properties: everything for a style, or what differs from `base` for a paragraph. */
export function paraProps(look: ParaLook, base?: ParaLook): IParagraphStylePropertiesOptions {
  const o: { -readonly [K in keyof IParagraphStylePropertiesOptions]: IParagraphStylePropertiesOptions[K] } = {};
  if (!base || base.align !== look.align) o.alignment = ALIGNMENT[look.align];
  if (!base || base.left !== look.left || base.right !== look.right || base.first !== look.first) {
    o.indent = { left: look.left, right: look.right, ...(look.first < 0 ? { hanging: -look.first } : { firstLine: look.first }) };
  }
  if (!base || base.line !== look.line) o.spacing = { line: look.line, lineRule: 'exact', before: 0, after: 0 };
  return o;
}

export function styleOptions(book: StyleBook, fonts: DocxFonts): { paragraphStyles: IParagraphStyleOptions[]; characterStyles: ICharacterStyleOptions[] } {
  const paragraphStyles: IParagraphStyleOptions[] = [];
  for (const [kind, def] of book.para) {
    const s = PARA_STYLES[kind];
    const next = kind === 'label' ? 'body' : kind === 'contentsHeading' ? 'contents1' : kind === 'mastheadName' ? 'masthead' : kind;
    paragraphStyles.push({
      id: s.id,
      name: s.name,
      basedOn: 'Normal',
      next: PARA_STYLES[book.para.has(next) ? next : kind].id,
      quickFormat: true,
      paragraph: { ...paraProps(def.look, book.defaults.para), ...(def.keepNext ? { keepNext: true } : {}), ...(s.outlineLevel !== undefined ? { outlineLevel: s.outlineLevel } : {}) },
      run: runProps(def.run, fonts, book.defaults.run),
    });
  }
  const characterStyles: ICharacterStyleOptions[] = [];
  for (const [kind, look] of book.char) {
    const s = CHAR_STYLES[kind];
    characterStyles.push({ id: s.id, name: s.name, basedOn: 'DefaultParagraphFont', quickFormat: true, run: runProps(look, fonts) });
  }
  return { paragraphStyles, characterStyles };
}
