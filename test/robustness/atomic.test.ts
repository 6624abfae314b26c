/**
 * Determinism and atomicity: two builds give the same bytes; a `bulletin build` child killed with SIGKILL at
 * various moments leaves the previous PDF byte for byte, and any temp file it left is a hidden `.NAME.PID.N.tmp`
 * that the next successful build removes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { examples, repoRoot, tempDir } from '../fixtures/tmp.js';

const bin = path.join(repoRoot, 'bin', 'bulletin.js');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1779321600' };


function setUp(): { dir: string; file: string; out: string } {
  const dir = tempDir();
  copyFileSync(path.join(examples, 'gusu-022.yaml'), path.join(dir, 'gusu-022.yaml'));
  copyFileSync(path.join(examples, '../test/fixtures/gusu.series.yaml'), path.join(dir, 'bulletin.series.yaml'));
  return { dir, file: path.join(dir, 'gusu-022.yaml'), out: path.join(dir, 'gusu-022.pdf') };
}

describe('determinism', () => {
  it('two builds of the reference, in-process and by the CLI, are byte-identical', async () => {
    const { dir, file } = setUp();
    const a = path.join(dir, 'a.pdf');
    const b = path.join(dir, 'b.pdf');
    expect((await buildIssue(file, { output: a, env })).ok).toBe(true);
    execFileSync(process.execPath, [bin, 'build', file, '-o', b], { env, stdio: 'ignore' });
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
  });
});

describe('a build killed partway', () => {
  it('SIGKILL at various delays leaves the previous PDF intact; leftovers are hidden .tmp files the next build removes', async () => {
    const { dir, file, out } = setUp();
    execFileSync(process.execPath, [bin, 'build', file], { env, stdio: 'ignore' });
    // Change the issue so a completed build would write different bytes (a kill that came too late shows up).
    const changed = readFileSync(file, 'utf8').replace('number: 22', 'number: 23');
    writeFileSync(file, changed);
    const delays = [0, 20, 60, 100, 150, 200, 250, 300, 400];
    let completed = 0;
    for (const ms of delays) {
      const before = readFileSync(out);
      const child = spawn(process.execPath, [bin, 'build', file], { env, stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      const how = await exited;
      const now = readFileSync(out);
      if (how.signal === 'SIGKILL') {
        // Killed: the PDF is exactly the one before.
        expect(Buffer.compare(now, before), `killed after ${ms} ms`).toBe(0);
      } else {
        // Finished before the kill: a whole new PDF, never a torn one.
        expect(how.code).toBe(0);
        completed++;
      }
      expect(now.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(now.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      for (const n of readdirSync(dir)) {
        if (['gusu-022.yaml', 'bulletin.series.yaml', 'gusu-022.pdf'].includes(n)) continue;
        expect(n).toMatch(/^\.gusu-022\.pdf\.\d+\.\d+\.tmp$/);
      }
    }
    // Some kills must land before the rename, or the test proves nothing about atomicity.
    expect(completed).toBeLessThan(delays.length);
    // A later build succeeds and removes what killed builds left behind (plus one planted for a process that is gone).
    writeFileSync(path.join(dir, '.gusu-022.pdf.4000000.1.tmp'), '%PDF-1.7 torn');
    execFileSync(process.execPath, [bin, 'build', file], { env, stdio: 'ignore' });
    expect(readdirSync(dir).sort()).toEqual(['bulletin.series.yaml', 'gusu-022.pdf', 'gusu-022.yaml']);
  });
});
