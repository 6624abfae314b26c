/**
 * The pipeline's direction, kept by reading the imports: a folder of src/ may import from folders below it in
 * LAYERS (and from its own), never from one above or beside it, and nothing imports the command line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

/** Lower first. Folders on one line are peers: neither may import the other. */
const LAYERS: string[][] = [
  ['diagnostics'],
  ['i18n'],
  ['io', 'text', 'cache'],
  ['issue'],
  ['compose'],
  ['typeset', 'docx'],
  ['fonts'],
  ['check', 'render'],
  ['pipeline', 'report', 'scaffold', 'stats', 'import'],
  ['cli'],
];

/**
 * Narrower than the layers allow: the renderer draws a layout with fonts, and knows nothing of issues; the .docx
 * writer prints a BulletinDoc (beside the typesetter, not after it) and names fonts, never reads them.
 */
const ONLY: Record<string, string[]> = {
  render: ['typeset', 'fonts', 'io', 'diagnostics', 'i18n'],
  docx: ['compose', 'issue', 'io', 'diagnostics', 'i18n'],
};

const rank = new Map<string, number>(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The top folder of src/ a file belongs to ('diagnostics' for src/diagnostics.ts). */
function folderOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!.replace(/\.[jt]s$/, '');
}

/** Relative imports, static and dynamic, resolved to the folder they land in. */
export function importEdges(files: string[]): { from: string; to: string; file: string; spec: string }[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => ({
      from: folderOf(file),
      to: folderOf(path.resolve(path.dirname(file), m[1]!)),
      file: path.relative(SRC, file),
      spec: m[1]!,
    }));
  });
}

export function forbidden(edge: { from: string; to: string }): string | undefined {
  if (edge.from === edge.to) return undefined;
  const a = rank.get(edge.from);
  const b = rank.get(edge.to);
  if (a === undefined) return `src/${edge.from} has no place in LAYERS`;
  if (b === undefined) return `src/${edge.to} has no place in LAYERS`;
  if (ONLY[edge.from] && !ONLY[edge.from]!.includes(edge.to)) return `${edge.from} may import only ${ONLY[edge.from]!.join(', ')}`;
  if (b > a) return `${edge.from} imports ${edge.to}, which comes after it in the pipeline`;
  if (b === a) return `${edge.from} and ${edge.to} are peers`;
  return undefined;
}

describe('import direction', () => {
  it('every import in src/ points down the pipeline', () => {
    const bad = importEdges(sourceFiles(SRC))
      .map((e) => ({ ...e, why: forbidden(e) }))
      .filter((e) => e.why)
      .map((e) => `${e.file} → ${e.spec}: ${e.why}`);
    expect(bad).toEqual([]);
  });

  it('would catch the edges the review found', () => {
    const edges = [
      { from: 'issue', to: 'cli' },
      { from: 'pipeline', to: 'cli' },
      { from: 'report', to: 'cli' },
      { from: 'scaffold', to: 'cli' },
      { from: 'check', to: 'scaffold' },
      { from: 'check', to: 'render' },
      { from: 'pipeline', to: 'scaffold' },
      { from: 'typeset', to: 'check' },
      { from: 'render', to: 'issue' },
      { from: 'compose', to: 'typeset' },
      { from: 'docx', to: 'typeset' },
      { from: 'docx', to: 'render' },
      { from: 'docx', to: 'fonts' },
      { from: 'docx', to: 'cli' },
      { from: 'typeset', to: 'docx' },
      { from: 'render', to: 'docx' },
    ];
    for (const e of edges) expect(forbidden(e), `${e.from} → ${e.to}`).toBeTruthy();
  });

  it('reads dynamic imports too', () => {
    const file = path.join(SRC, 'cli/index.ts');
    const edges = importEdges([file]);
    expect(edges.some((e) => e.to === 'cli' && e.spec.startsWith('./'))).toBe(true);
  });
});
