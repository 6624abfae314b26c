/** bin/bulletin.js itself: exit codes and output when the reader goes away or the installation is broken. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileDist, repoRoot } from '../pipeline/helpers.js';
import { tempDir } from '../fixtures/tmp.js';

beforeAll(() => compileDist(), 120_000);

const bin = path.join(repoRoot, 'bin/bulletin.js');

describe('bin/bulletin.js', () => {
  it('output piped into a reader that stops early (| true): no EPIPE stack trace, the exit code is the command\'s own', () => {
    // `| true` has gone before node writes a byte, so every write meets a closed pipe.
    const sh = (cmd: string) => spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" ${cmd} | true; echo "rc=\${PIPESTATUS[0]}"`], { cwd: repoRoot, encoding: 'utf8' });
    const help = sh('--help');
    expect(help.stderr).toBe('');
    expect(help.stdout).toBe('rc=0\n');
    // check with an error (an empty folder): its exit code 2 survives the closed pipe.
    const empty = tempDir();
    const check = sh(`check examples/gusu-022.yaml "${empty}"`);
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe('rc=2\n');
  });

  it('an installation without dist/ (a git dependency installed with --ignore-scripts): says what to do, exit 2', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(bin, path.join(dir, 'bin', 'bulletin.js'));
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'bulletin.js'), 'check', 'x.yaml'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bulletin：安装不完整：.* 中没有 dist\/。.*--ignore-scripts.*npm pack 生成的 \.tgz/);
    expect(lines[1]).toMatch(/^bulletin: incomplete installation: .* has no dist\/\..*--ignore-scripts.*the \.tgz made by npm pack/);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).not.toMatch(/内部错误|internal error|Cannot find module/);
  });

  it('a checkout before npm ci (no dist/): tells to build, exit 2', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(bin, path.join(dir, 'bin', 'bulletin.js'));
    copyFileSync(path.join(repoRoot, 'tsconfig.build.json'), path.join(dir, 'tsconfig.build.json'));
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'bulletin.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bulletin：.* 还没有构建（缺少 dist\/）：请在该文件夹中运行 npm ci（或 npm run build）\nbulletin: .* is not built/);
  });

  it('a half-built installation (the bundle cannot load a chunk): one line in both languages, exit 70', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'bin'));
    mkdirSync(path.join(dir, 'dist', 'bundle'), { recursive: true });
    copyFileSync(bin, path.join(dir, 'bin', 'bulletin.js'));
    writeFileSync(path.join(dir, 'dist', 'bundle', 'cli.mjs'), "export { main } from './chunk-GONE.mjs';\n");
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'bulletin.js'), 'check', 'x.yaml'], { encoding: 'utf8' });
    expect(r.status).toBe(70);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bulletin：内部错误：.*chunk-GONE.*请重新安装（npm ci）/);
    expect(lines[1]).toMatch(/^bulletin: internal error: .*Reinstall \(npm ci\)/);
  });
});
