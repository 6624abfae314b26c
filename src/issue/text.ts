/**
 * Cutting paragraphs out of a scalar's value. YAML keeps the author's line breaks (`|`) or folds them into
 * spaces (plain, `>`); in Chinese text neither is wanted, so lines are joined with nothing between them,
 * except between two Latin letters or digits, where a space is what the author meant.
 */
export interface CutText {
  text: string;
  /** Index in the scalar's value of each character of `text`. */
  indices: number[];
}

const ASCII_WORD = /[A-Za-z0-9]/;
const SPACE = /[ \t]/;

/**
 * Splits `value` into paragraphs at blank lines (when `split`), joining the lines inside each.
 * `isFold(i)` tells whether the space at value index i is a line break the YAML parser folded.
 */
export function cutParagraphs(value: string, split: boolean, isFold: (index: number) => boolean): CutText[] {
  const blocks: [number, number][] = [];
  if (split) {
    const re = /\n[ \t]*(?:\r?\n[ \t]*)+/g;
    let start = 0;
    for (let m = re.exec(value); m; m = re.exec(value)) {
      blocks.push([start, m.index]);
      start = m.index + m[0].length;
    }
    blocks.push([start, value.length]);
  } else {
    blocks.push([0, value.length]);
  }
  const out: CutText[] = [];
  for (const [from, to] of blocks) {
    const cut = joinLines(value, from, to, isFold);
    if (cut.text.length > 0) out.push(cut);
  }
  return out;
}

function joinLines(value: string, from: number, to: number, isFold: (index: number) => boolean): CutText {
  let text = '';
  const indices: number[] = [];
  let i = from;
  while (i < to) {
    const c = value[i]!;
    const isBreak = c === '\n' || c === '\r' || (c === ' ' && isFold(i));
    if (!isBreak) {
      text += c;
      indices.push(i);
      i++;
      continue;
    }
    // Drop the break with the spaces around it; keep one space between two Latin words.
    while (text.length > 0 && SPACE.test(text[text.length - 1]!)) {
      text = text.slice(0, -1);
      indices.pop();
    }
    const at = i;
    while (i < to && (value[i] === '\n' || value[i] === '\r' || SPACE.test(value[i]!))) i++;
    const before = text[text.length - 1];
    const after = value[i];
    if (before && after && ASCII_WORD.test(before) && ASCII_WORD.test(after)) {
      text += ' ';
      indices.push(at);
    }
  }
  // Trim ASCII whitespace at both ends (a full-width space is the author's choice and stays).
  let s = 0;
  while (s < text.length && /\s/.test(text[s]!) && text[s] !== '\u3000') s++;
  let e = text.length;
  while (e > s && /\s/.test(text[e - 1]!) && text[e - 1] !== '\u3000') e--;
  return { text: text.slice(s, e), indices: indices.slice(s, e) };
}
