/** Small files with names that say what they hold: a source file over 300 lines says at its top why it is long. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

it('every source file over 300 lines explains its length in its opening comment', () => {
  const unexplained = sourceFiles(SRC).filter((f) => {
    const text = readFileSync(f, 'utf8');
    if (text.replace(/\n$/, '').split('\n').length <= 300) return false;
    const head = (/^\/\*\*[\s\S]*?\*\//.exec(text)?.[0] ?? '').replace(/\s*\n\s*\*\s*/g, ' ');
    return !/over 300 lines/i.test(head);
  });
  expect(unexplained.map((f) => path.relative(SRC, f))).toEqual([]);
});
