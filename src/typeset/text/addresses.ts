/**
 * What a URL or an e-mail address is, in running text: the line breaker breaks them only after their marks, and
 * `check` (rule url-long) warns when one is too long for a line. Only ASCII characters belong to them, so an
 * address written straight into Chinese text ends where the Chinese begins.
 */
const ADDRESS = /(?:(?:https?|ftp):\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
/** Sentence punctuation after an address is not part of it. */
const TRAILING = /[.,;:!?'")\]}]+$/;

/** The addresses in `text`, as [start, end) offsets. */
export function addresses(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(ADDRESS)) {
    const found = m[0].replace(TRAILING, '');
    if (found.length > 0) out.push([m.index, m.index + found.length]);
  }
  return out;
}
