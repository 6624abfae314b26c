import { existsSync } from 'node:fs';
import path from 'node:path';

export const SERIES_FILE_NAME = 'bulletin.series.yaml';

/** Settings that are replaced whole rather than merged key by key, even though they are mappings. */
const ATOMIC = new Set(['colour']);

/** Nearest `bulletin.series.yaml` in the issue's folder or any folder above it (like ESLint/Prettier configs). */
export async function findSeriesFile(issueFile: string): Promise<string | undefined> {
  let dir = path.dirname(path.resolve(issueFile));
  for (;;) {
    const candidate = path.join(dir, SERIES_FILE_NAME);
    if (candidate !== path.resolve(issueFile) && existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The issue's settings over the series': mappings merge key by key, lists and scalars from the issue replace. */
export function mergeSettings(series: Plain, issue: Plain, atTop = true): Plain {
  const out: Plain = { ...series };
  for (const [key, value] of Object.entries(issue)) {
    const base = out[key];
    if (isPlainObject(base) && isPlainObject(value) && !(atTop && ATOMIC.has(key))) out[key] = mergeSettings(base, value, false);
    else out[key] = value;
  }
  return out;
}

/** Whether `data` has a value at `p` (used to tell which file a merged setting came from). */
export function hasPath(data: unknown, p: (string | number)[]): boolean {
  let node: unknown = data;
  for (const seg of p) {
    if (Array.isArray(node) && typeof seg === 'number') node = node[seg];
    else if (isPlainObject(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) return false;
      node = node[String(seg)];
    } else return false;
    if (node === undefined) return false;
  }
  return true;
}
