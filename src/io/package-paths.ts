/**
 * Where bulletin's own files are: package.json, schemas/, fonts/. This module sits two folders below the package
 * root in every form the code runs in (src/io/ under vitest, dist/io/ from tsc, dist/bundle/ from esbuild), so one
 * relative URL finds the root in all of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);

/** Absolute path of a file of the package, from its path relative to the package root ('schemas/x.json'). */
export function packageFile(rel: string): string {
  return fileURLToPath(new URL(rel, ROOT));
}

export type SchemaKind = 'issue' | 'series';

export const SCHEMA_FILE_NAMES: Record<SchemaKind, string> = { issue: 'bulletin.schema.json', series: 'bulletin.series.schema.json' };

/** Absolute path of the JSON Schema of an issue file or of a series file. */
export function schemaFile(kind: SchemaKind): string {
  return packageFile(`schemas/${SCHEMA_FILE_NAMES[kind]}`);
}

/** The version in package.json ('0.0.0' when it cannot be read). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The `# yaml-language-server: $schema=…` target that init and import write, relative to the folder so that it
 * survives moving the repository. In a project that has bulletin as a dependency, that copy's schema by way of
 * node_modules/bulletin/ (not the real path this code runs from, which for a linked install or `npx` from npm's
 * cache lies outside the project); otherwise this package's own.
 */
export function schemaPath(dir: string, name: string): string {
  let abs = packageFile(`schemas/${name}`);
  for (let d = dir; ; d = path.dirname(d)) {
    const installed = path.join(d, 'node_modules', 'bulletin', 'schemas', name);
    if (existsSync(installed)) {
      abs = installed;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  return path.relative(dir, abs).split(path.sep).join('/');
}
