/**
 * `--fix`: applies the rules' text edits to the YAML files. Edits go through yaml's CST
 * (`CST.setScalarValue` on the scalar's own source token), so everything but the edited scalars, comments,
 * key order, indentation, quoting, stays byte for byte, and a block scalar stays a block scalar. When a
 * scalar has no source token (reached through an alias), it falls back to the Document API (`doc.setIn`).
 * Each edit is verified against the file's current value first, so a stale or misaligned fix is skipped,
 * never applied in the wrong place. Files are written atomically (temp file + rename).
 */
import { promises as fs } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Composer, CST, Parser, isScalar, parseDocument, type Document, type Scalar } from 'yaml';
import type { Message } from '../diagnostics.js';
import type { FixTarget } from './run.js';
import { WriteError, writeFileAtomic } from '../io/write-atomic.js';

export interface FixOutcome {
  file: string;
  applied: number;
  skipped: number;
  changed: boolean;
  /** Set when the file could not be read or written (nothing was changed then). */
  error?: Message;
}

interface ValueEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Index in `value` of each character of `text`, which was cut from `value` at `start` by the loader.
 * The loader may drop line breaks (and indentation) when it joins a paragraph's lines, so whitespace in the
 * value that the text lacks is skipped; anything else that differs means the file changed: undefined.
 */
export function align(value: string, start: number, text: string): number[] | undefined {
  const idx: number[] = [];
  let v = start;
  for (let i = 0; i < text.length; i++) {
    // A space the loader put where it joined two Latin words stands for the line break itself.
    if (text[i] === ' ' && /\s/u.test(value[v] ?? '')) {
      idx.push(v++);
      continue;
    }
    while (v < value.length && value[v] !== text[i] && /\s/u.test(value[v]!)) v++;
    if (value[v] !== text[i]) return undefined;
    idx.push(v++);
  }
  return idx;
}

function toValueEdits(value: string, target: FixTarget): ValueEdit[] | undefined {
  const idx = align(value, target.textOffset, target.text);
  if (!idx) return undefined;
  const at = (i: number) => (i < idx.length ? idx[i]! : (idx[idx.length - 1] ?? target.textOffset - 1) + 1);
  return target.edits.map((e) => {
    const start = at(e.start);
    const end = e.end === e.start ? start : at(e.end - 1) + 1;
    return { start, end, text: e.text };
  });
}

/** Applies non-overlapping edits from the end backwards; the first of two overlapping edits wins. */
export function applyEdits(value: string, edits: ValueEdit[]): { value: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: ValueEdit[] = [];
  let skipped = 0;
  let lastEnd = -1;
  for (const e of sorted) {
    const dup = kept.some((k) => k.start === e.start && k.end === e.end && k.text === e.text);
    if (dup) continue;
    if (e.start < lastEnd || (e.start === e.end && e.start === lastEnd && kept.at(-1)?.start === e.start)) {
      skipped++;
      continue;
    }
    kept.push(e);
    lastEnd = Math.max(lastEnd, e.end);
  }
  let out = value;
  for (const e of kept.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { value: out, applied: kept.length, skipped };
}

/** Applies the fixes for one file's source text; returns the new text (unchanged when nothing applied). */
export function fixSource(source: string, targets: FixTarget[]): { text: string; applied: number; skipped: number } {
  const tokens = [...new Parser().parse(source)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)] as Document[];
  const doc = docs[0];
  if (!doc) return { text: source, applied: 0, skipped: targets.length };

  const byPath = new Map<string, FixTarget[]>();
  for (const t of targets) {
    const key = JSON.stringify(t.path);
    byPath.set(key, [...(byPath.get(key) ?? []), t]);
  }
  let applied = 0;
  let skipped = 0;
  let viaDocument = false;
  const expected = new Map<string, string>();
  for (const group of byPath.values()) {
    const path = group[0]!.path;
    const node = doc.getIn(path, true);
    if (!isScalar(node) || typeof node.value !== 'string') {
      skipped += group.length;
      continue;
    }
    const value = node.value;
    const edits: ValueEdit[] = [];
    for (const t of group) {
      const e = toValueEdits(value, t);
      if (e) edits.push(...e);
      else skipped++;
    }
    if (edits.length === 0) continue;
    const r = applyEdits(value, edits);
    applied += r.applied;
    skipped += r.skipped;
    if (r.value === value) continue;
    expected.set(JSON.stringify(path), r.value);
    const token = (node as Scalar & { srcToken?: CST.Token }).srcToken;
    if (token && !node.anchor) setToken(token, r.value, node.type, typeof path[path.length - 1] === 'string');
    else viaDocument = true;
  }
  if (expected.size === 0) return { text: source, applied, skipped };

  // The Document API result is the reference; the CST text is used when it parses to the very same data.
  for (const [key, value] of expected) {
    const path = JSON.parse(key) as (string | number)[];
    const node = doc.getIn(path, true) as Scalar;
    node.value = value;
  }
  const cstText = tokens.map((t) => CST.stringify(t)).join('');
  if (!viaDocument && isDeepStrictEqual(parseDocument(cstText, { schema: 'core' }).toJS(), doc.toJS())) {
    return { text: cstText, applied, skipped };
  }
  return { text: doc.toString({ lineWidth: 0 }), applied, skipped };
}

/**
 * Rewrites a scalar's source token. A block scalar keeps its own content indentation (yaml's CST helper only
 * knows the parent's indent, which would put a sequence item's `|` content one level too shallow).
 */
function setToken(token: CST.Token, value: string, type: Scalar.Type | undefined, afterKey: boolean): void {
  if (token.type === 'block-scalar') {
    // Leading ASCII spaces only: a line may begin with a full-width space (\u3000), which \S would not count as text.
    const indent = /^( *)[^ \r\n]/mu.exec(token.source)?.[1]?.length;
    const saved = token.indent;
    if (indent !== undefined) token.indent = indent;
    CST.setScalarValue(token, value, { type });
    token.indent = saved;
  } else {
    CST.setScalarValue(token, value, { afterKey, type });
  }
}

/** Applies fixes to every file they name. Idempotent: a second run finds nothing to fix. */
export async function applyFixes(targets: FixTarget[]): Promise<FixOutcome[]> {
  const byFile = new Map<string, FixTarget[]>();
  for (const t of targets) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  const out: FixOutcome[] = [];
  for (const [file, group] of byFile) {
    try {
      const source = await fs.readFile(file, 'utf8');
      const r = fixSource(source, group);
      const changed = r.text !== source;
      // The one atomic writer: through symlinks, keeping the file's permissions, fsync'd.
      if (changed) writeFileAtomic(file, Buffer.from(r.text, 'utf8'));
      out.push({ file, applied: r.applied, skipped: r.skipped, changed });
    } catch (e) {
      const error = e instanceof WriteError ? e.msg : { zh: `无法写回修正（${(e as NodeJS.ErrnoException).code ?? String(e)}）`, en: `could not write the fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
      out.push({ file, applied: 0, skipped: group.length, changed: false, error });
    }
  }
  return out;
}
