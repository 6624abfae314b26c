/**
 * The `# yaml-language-server: $schema=…` line that `init` writes: relative, so it survives moving the repository,
 * and in a project that has bulletin as a dependency it goes through node_modules/bulletin/ (issue 20).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { repoRoot, tempDir } from '../fixtures/tmp.js';
import { run } from './run.js';

afterEach(() => vi.unstubAllEnvs());

const schemaLine = (file: string) => /^# yaml-language-server: \$schema=(\S+)$/.exec(readFileSync(file, 'utf8').split('\n')[0]!)?.[1];

/** A project folder with bulletin "installed": node_modules/bulletin/schemas/ holding copies of the schemas. */
function projectWithBulletin(link = false): string {
  const project = path.join(tempDir(), 'project');
  const pkg = path.join(project, 'node_modules', 'bulletin');
  if (link) {
    // `npm install ../bulletin` and `npm link` make node_modules/bulletin a symlink to a folder elsewhere.
    const elsewhere = path.join(path.dirname(project), 'bulletin-checkout');
    cpSync(path.join(repoRoot, 'schemas'), path.join(elsewhere, 'schemas'), { recursive: true });
    mkdirSync(path.dirname(pkg), { recursive: true });
    symlinkSync(elsewhere, pkg, 'dir');
  } else {
    cpSync(path.join(repoRoot, 'schemas'), path.join(pkg, 'schemas'), { recursive: true });
  }
  return project;
}

describe('init: the $schema line', () => {
  it('outside a project with bulletin installed: the path of this package\'s schema, relative to the folder', async () => {
    const dir = path.join(tempDir(), 'series');
    expect((await run('init', dir)).code).toBe(0);
    for (const [file, schema] of [['bulletin.series.yaml', 'bulletin.series.schema.json'], ['issue-001.yaml', 'bulletin.schema.json']] as const) {
      const p = schemaLine(path.join(dir, file))!;
      expect(path.isAbsolute(p)).toBe(false);
      expect(path.resolve(dir, p)).toBe(path.join(repoRoot, 'schemas', schema));
    }
  });

  it('in a project with bulletin in node_modules: ../node_modules/bulletin/schemas/…, still right after the project moves', async () => {
    const project = projectWithBulletin();
    const dir = path.join(project, 'issues');
    expect((await run('init', dir, '--prefix', 'gusu')).code).toBe(0);
    expect(schemaLine(path.join(dir, 'bulletin.series.yaml'))).toBe('../node_modules/bulletin/schemas/bulletin.series.schema.json');
    expect(schemaLine(path.join(dir, 'gusu-001.yaml'))).toBe('../node_modules/bulletin/schemas/bulletin.schema.json');
    const moved = path.join(path.dirname(project), 'moved', 'project');
    mkdirSync(path.dirname(moved));
    renameSync(project, moved);
    const movedDir = path.join(moved, 'issues');
    expect(existsSync(path.resolve(movedDir, schemaLine(path.join(movedDir, 'gusu-001.yaml'))!))).toBe(true);
  });

  it('a deeper folder and a linked install: the path goes through node_modules/, not the link\'s target', async () => {
    const project = projectWithBulletin(true);
    const dir = path.join(project, 'bulletins', '2027');
    expect((await run('init', dir)).code).toBe(0);
    expect(schemaLine(path.join(dir, 'issue-001.yaml'))).toBe('../../node_modules/bulletin/schemas/bulletin.schema.json');
  });
});
