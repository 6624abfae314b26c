import { Scalar } from 'yaml';

/**
 * Maps each index of a scalar's parsed value to an index in the source text.
 *
 * The value differs from the source only by quoting, escapes, indentation and line folding, so we walk both
 * together: a value character that appears literally in the source is matched there; whitespace that the
 * parser folded (a line break that became a space) maps to the break. Returns one source offset per value
 * index, plus one for the end.
 */
export function scalarOffsets(source: string, node: Scalar, value: string): number[] {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  const type = node.type;
  let p = start;
  if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) p = start + 1;
  if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
    // Skip the header line (`|`, `>-`, `|2 # comment`): its characters must not match value characters.
    const nl = source.indexOf('\n', start);
    p = nl < 0 ? valueEnd : nl + 1;
  }
  const end = Math.max(p, valueEnd);
  const map: number[] = new Array(value.length + 1);
  const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    for (;;) {
      if (p >= end) {
        map[i] = Math.min(p, source.length);
        break;
      }
      const s = source[p]!;
      if (type === Scalar.QUOTE_DOUBLE && s === '\\') {
        const next = source[p + 1];
        if (next === '\n' || next === '\r') {
          // An escaped line break joins lines without producing a character.
          p += 2;
          while (p < end && isWs(source[p])) p++;
          continue;
        }
        const len = escapeLength(next);
        map[i] = p;
        p += len;
        break;
      }
      if (s === c) {
        map[i] = p;
        p++;
        break;
      }
      if (isWs(c)) {
        // A folded break or stripped indentation: point at the source whitespace (or the next character).
        map[i] = p;
        if (isWs(s)) p++;
        break;
      }
      if (isWs(s) || (type === Scalar.QUOTE_SINGLE && s === "'")) {
        p++;
        continue;
      }
      // Should not happen; never run away through the rest of the file.
      map[i] = p;
      break;
    }
  }
  map[value.length] = Math.min(p, source.length);
  return map;
}

function escapeLength(c: string | undefined): number {
  if (c === 'x') return 4;
  if (c === 'u') return 6;
  if (c === 'U') return 10;
  return 2;
}
