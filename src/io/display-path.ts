/** How a path is shown to the user: relative to the working folder when the file is below it, else absolute. */
import path from 'node:path';

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
