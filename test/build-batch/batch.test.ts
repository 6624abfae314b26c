import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { ensureDist, issuesDir, root } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function threeWithOneBroken() {
  const { dir, files } = issuesDir(3);
  dirs.push(dir);
  appendFileSync(files[1]!, '\nnumber: [\n');
  return { dir, files };
}

describe('build of several files', () => {
  it('builds the others when one fails, one line per file and a summary, exit 1 (in process)', async () => {
    const { files } = threeWithOneBroken();
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await runBuild(files, { lang: 'en', jobs: 2 });
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    expect(code).toBe(1);
    const text = out.join('');
    expect(text.match(/^✓ /gm)).toHaveLength(2);
    expect(text.match(/^✖ .*issue-2\.yaml/gm)).toHaveLength(1);
    expect(text).toMatch(/3 files: 2 built, 1 failed/);
    expect(existsSync(files[0]!.replace(/yaml$/, 'pdf'))).toBe(true);
    expect(existsSync(files[1]!.replace(/yaml$/, 'pdf'))).toBe(false);
    expect(existsSync(files[2]!.replace(/yaml$/, 'pdf'))).toBe(true);
  });

  describe('on worker threads (bin)', () => {
    beforeAll(() => ensureDist());

    it('--jobs 2 on a folder: two PDFs, the broken file reported, exit 1', () => {
      const { dir, files } = threeWithOneBroken();
      const r = spawnSync(process.execPath, [path.join(root, 'bin/bulletin.js'), '--lang', 'en', 'build', dir, '--jobs', '2'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout.match(/^✓ /gm)).toHaveLength(2);
      expect(r.stdout).toMatch(/^✖ .*issue-2\.yaml/m);
      expect(r.stdout).toMatch(/3 files: 2 built, 1 failed/);
      expect(r.stderr).toMatch(/issue-2\.yaml:\d+:\d+/);
      expect(r.stderr).not.toMatch(/internal error|内部错误/);
      expect(files.map((f) => existsSync(f.replace(/yaml$/, 'pdf')))).toEqual([true, false, true]);
    });

    it('--jobs must be a positive whole number', () => {
      const r = spawnSync(process.execPath, [path.join(root, 'bin/bulletin.js'), '--lang', 'en', 'build', 'examples/gusu-022.yaml', '--jobs', '0'], { cwd: root, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--jobs/);
    });
  });
});
