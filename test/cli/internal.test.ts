/** A bug (an exception no command turned into a message) exits 70 with one line asking for a report. */
import { describe, expect, it, vi } from 'vitest';
import { MINIMAL, tempFiles } from '../fixtures/tmp.js';
import { run } from '../scaffold/run.js';

vi.mock('../../src/report/fonts-report.js', () => ({
  fontsReport: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere (file.js:1:2)");
  },
}));

vi.mock('../../src/pipeline/build-issue.js', async (original) => {
  const real = await original<typeof import('../../src/pipeline/build-issue.js')>();
  return {
    ...real,
    buildIssue: async (file: string, options: Parameters<typeof real.buildIssue>[1]) => {
      if (file.endsWith('boom.yaml')) throw new RangeError('invalid array length');
      return real.buildIssue(file, options);
    },
  };
});

describe('internal errors', () => {
  it('a command that throws: exit 70, one line, no stack, asks for a report (zh and en)', async () => {
    const r = await run('fonts');
    expect(r.code).toBe(70);
    expect(r.out).toBe('');
    expect(r.err).toBe("bulletin：内部错误：Cannot read properties of undefined (reading 'x')。这是 bulletin 的缺陷，请把这一行和所运行的命令报告给维护者\n");
    const en = await run('--lang', 'en', 'fonts');
    expect(en.code).toBe(70);
    expect(en.err).toMatch(/^bulletin: internal error: .*please report this line and the command you ran\n$/);
  });

  it('a build that crashes on one file: the others are built, the crash is reported, exit 70', async () => {
    const dir = tempFiles({ 'a.yaml': MINIMAL, 'boom.yaml': MINIMAL });
    const r = await run('build', '--jobs', '1', dir);
    expect(r.code).toBe(70);
    expect(r.out).toMatch(/✓ .*a\.yaml → /);
    expect(r.out).toMatch(/✖ .*boom\.yaml：未生成 PDF/);
    expect(r.err).toMatch(/boom\.yaml:1:1 {2}error {2}内部错误：invalid array length。这是 bulletin 的缺陷.* {2}\(internal\)/);
  });
});
