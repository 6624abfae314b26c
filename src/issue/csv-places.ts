/**
 * Where each cell of a CSV file starts (line and column, 1-based), so that a finding in a cell's text points into
 * the CSV file itself. The values come from csv-parse; this only finds their places again: csv-parse's raw record
 * texts, laid end to end, are the file less some line breaks, and inside one a field starts after a comma outside
 * quotes.
 */

export interface CsvPlace {
  line: number;
  column: number;
}

/** `raws[i]`: csv-parse's raw text of record i. undefined when they do not lay out the text (the places are unknown). */
export function cellPlaces(text: string, raws: string[]): CsvPlace[][] | undefined {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const placeOf = (offset: number): CsvPlace => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  const out: CsvPlace[][] = [];
  for (const raw of raws) {
    // Index in the text of each character of the raw record; line breaks between records may be left out of it.
    const index: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i];
      while (at < text.length && text[at] !== ch && (text[at] === '\n' || text[at] === '\r')) at++;
      if (text[at] !== ch) return undefined;
      index.push(at++);
    }
    out.push(fieldStarts(raw).map((i) => placeOf(index[Math.min(i, index.length - 1)] ?? at)));
  }
  return out;
}

/** Index in `raw` where each field's value begins: past empty lines before the record, blanks, and an opening quote. */
function fieldStarts(raw: string): number[] {
  let i = 0;
  while (raw[i] === '\n' || raw[i] === '\r') i++;
  const starts: number[] = [];
  for (;;) {
    while (raw[i] === ' ' || raw[i] === '\t') i++;
    const quoted = raw[i] === '"';
    starts.push(quoted ? i + 1 : i);
    if (quoted) {
      i++;
      while (i < raw.length && !(raw[i] === '"' && raw[i + 1] !== '"')) i += raw[i] === '"' ? 2 : 1;
      i++;
    }
    while (i < raw.length && raw[i] !== ',' && raw[i] !== '\n' && raw[i] !== '\r') i++;
    if (raw[i] !== ',') return starts;
    i++;
  }
}
