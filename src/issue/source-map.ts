import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Position } from '../diagnostics.js';
import type { SourceMap, SourceRef } from './model.js';
import { scalarOffsets } from './scalar-offsets.js';

export type YamlPath = (string | number)[];

interface LoadedFile {
  text: string;
  doc: Document;
  lines: LineCounter;
}

/** What a path leads to: the value node, the key node of its pair (if any), and how much of the path matched. */
export interface Located {
  node?: Node;
  key?: Node;
  /** Number of path segments actually found; less than path.length when the path leads nowhere. */
  depth: number;
}

/**
 * Positions of everything the loader read. Built from the YAML Documents (issue file and series file) and
 * extended by the normaliser, which tells it how paragraph text was cut from a scalar (`registerText`).
 */
export class YamlSourceMap implements SourceMap {
  private readonly files = new Map<string, LoadedFile>();
  private readonly texts = new Map<string, number[]>();
  private readonly offsetCache = new WeakMap<Node, number[]>();

  addFile(file: string, text: string, doc: Document, lines: LineCounter): void {
    this.files.set(file, { text, doc, lines });
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  document(file: string): Document | undefined {
    return this.files.get(file)?.doc;
  }

  /** 1-based line and column of a source offset in `file`. */
  positionAt(file: string, offset: number): Position {
    const f = this.files.get(file);
    if (!f) return { line: 1, column: 1 };
    const { line, col } = f.lines.linePos(Math.max(0, Math.min(offset, f.text.length)));
    return { line, column: col };
  }

  /** Follows `path` through maps, sequences and aliases. */
  locate(file: string, path: YamlPath): Located {
    const f = this.files.get(file);
    if (!f) return { depth: 0 };
    let node: Node | undefined = (f.doc.contents as Node | null) ?? undefined;
    let key: Node | undefined;
    let depth = 0;
    for (const seg of path) {
      node = resolveAlias(f.doc, node);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p) === String(seg)) as Pair<Node, Node> | undefined;
        if (!pair) break;
        key = isScalar(pair.key) ? pair.key : undefined;
        node = (pair.value as Node | null) ?? undefined;
        if (!node) {
          depth++;
          break;
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        key = undefined;
        node = item;
      } else {
        break;
      }
      depth++;
    }
    return { node: resolveAlias(f.doc, node), key, depth };
  }

  /** Start of the node at `path`, or of the deepest existing ancestor. */
  nodePosition(file: string, path: YamlPath): Position {
    const { node, key } = this.locate(file, path);
    const start = node?.range?.[0] ?? key?.range?.[0] ?? 0;
    return this.positionAt(file, start);
  }

  /** Position of the key of the pair at `path` (for unknown keys). */
  keyPosition(file: string, path: YamlPath): Position {
    const { node, key, depth } = this.locate(file, path);
    if (depth === path.length && key?.range) return this.positionAt(file, key.range[0]);
    return this.positionAt(file, node?.range?.[0] ?? 0);
  }

  /**
   * Records that a Text was cut from the scalar at `ref`: `indices[i]` is the index in the scalar's value of
   * the text's i-th character (line breaks removed while joining lines make the two differ).
   */
  registerText(ref: SourceRef, indices: number[]): void {
    this.texts.set(refKey(ref), indices);
  }

  position(ref: SourceRef, offset = 0): Position {
    if (ref.at) return { line: ref.at.line, column: ref.at.column + offset };
    const f = this.files.get(ref.file);
    if (!f) return { line: 1, column: 1 };
    const { node, depth, key } = this.locate(ref.file, ref.path);
    if (!node || depth < ref.path.length || !isScalar(node) || !node.range) {
      return this.positionAt(ref.file, node?.range?.[0] ?? key?.range?.[0] ?? 0);
    }
    const indices = this.texts.get(refKey(ref));
    let index: number;
    if (indices) {
      index = indices[Math.max(0, Math.min(offset, indices.length - 1))] ?? 0;
      if (offset >= indices.length && indices.length > 0) index = indices[indices.length - 1]! + 1 + (offset - indices.length);
    } else {
      index = (ref.offset ?? 0) + offset;
    }
    const value = scalarValue(node);
    let map = this.offsetCache.get(node);
    if (!map) {
      map = scalarOffsets(f.text, node, value);
      this.offsetCache.set(node, map);
    }
    const at = map[Math.max(0, Math.min(index, map.length - 1))] ?? node.range[0];
    return this.positionAt(ref.file, at);
  }

  /** Whether the value character at `index` of the scalar at `path` came from a line break in the source. */
  isFoldedBreak(file: string, path: YamlPath, index: number): boolean {
    const f = this.files.get(file);
    const { node, depth } = this.locate(file, path);
    if (!f || !node || depth < path.length || !isScalar(node) || !node.range) return false;
    let map = this.offsetCache.get(node);
    if (!map) {
      map = scalarOffsets(f.text, node, scalarValue(node));
      this.offsetCache.set(node, map);
    }
    const at = map[index];
    const ch = at === undefined ? undefined : f.text[at];
    return ch === '\n' || ch === '\r';
  }
}

function refKey(ref: SourceRef): string {
  return `${ref.file}\u0000${ref.path.join('\u0001')}\u0000${ref.offset ?? 0}`;
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key as unknown;
  if (isScalar(k)) return String(k.value);
  if (k === null || k === undefined) return undefined;
  return String(k);
}

function resolveAlias(doc: Document, node: Node | undefined): Node | undefined {
  let n: Node | undefined = node;
  for (let guard = 0; n && isAlias(n) && guard < 100; guard++) n = n.resolve(doc) as Node | undefined;
  return n;
}


function scalarValue(node: { value: unknown; source?: string }): string {
  return typeof node.value === 'string' ? node.value : String(node.source ?? node.value ?? '');
}
