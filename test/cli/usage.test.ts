/** Usage errors and help in the user's language: commander's own English never reaches a Chinese reader. */
import { describe, expect, it } from 'vitest';
import { displayWidth, translateCommanderError } from '../../src/cli/index.js';
import { run } from '../scaffold/run.js';

const COMMANDS = ['check', 'build', 'new', 'init', 'fonts', 'schema'];

describe('commander errors in Chinese', () => {
  it('a missing required option (bulletin new): in Chinese, with where to look, exit 2', async () => {
    const r = await run('new');
    expect(r.code).toBe(2);
    expect(r.err).toBe("错误：缺少必需的选项 '--from <prev>'\n（用 bulletin new --help 查看用法和示例）\n");
    const en = await run('--lang', 'en', 'new');
    expect(en.err).toContain("error: required option '--from <prev>' not specified");
  });

  it('too many arguments, a missing value, an unknown option: no English left', async () => {
    const cases: [string[], string][] = [
      [['init', 'a', 'b'], '错误：参数太多：init 最多 1 个参数，给了 2 个'],
      [['build', '--jobs'], "错误：选项 '-j, --jobs <n>' 需要一个值"],
      [['build', '--nope', 'x.yaml'], "错误：不认识的选项 '--nope'"],
      [['check'], "错误：缺少参数 'files'"],
    ];
    for (const [args, line] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0], args.join(' ')).toBe(line);
      expect(r.err, args.join(' ')).not.toMatch(/error:|required|argument|option '.*' not/);
    }
  });

  it('every English line commander writes is translated (the ones we know of)', () => {
    for (const line of [
      "error: required option '--from <prev>' not specified",
      "error: too many arguments for 'new'. Expected 1 argument but got 3.",
      "error: option '--format <format>' argument missing",
      "error: unknown option '--fx'\n(Did you mean --fix?)",
      "error: missing required argument 'files'",
      "error: unknown command 'chek'\n(Did you mean check?)",
    ]) {
      const zh = translateCommanderError(line, 'zh');
      expect(zh, line).toMatch(/^错误：/);
      expect(zh, line).not.toMatch(/[a-z]{3,} [a-z]{3,}/i);
    }
  });
});

describe('help in Chinese', () => {
  it('用法 with two spaces, [选项] and [命令], and no English placeholders, for the program and every command', async () => {
    const top = await run('--help');
    expect(top.out.split('\n')[0]).toBe('用法：  bulletin [选项] [命令]');
    expect(top.out).toMatch(/^ {2}help \[命令\] {2,}显示某个命令的帮助$/m);
    for (const c of COMMANDS) {
      const r = await run(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.out.split('\n')[0], c).toMatch(new RegExp(`^用法： {2}bulletin ${c}( \\[选项\\])?`));
      expect(r.out, c).not.toMatch(/\[options\]|\[command\]|Usage:|Options:/);
    }
    const en = await run('--lang', 'en', 'build', '--help');
    expect(en.out.split('\n')[0]).toBe('Usage: bulletin build [options] <files...>');
  });

  it('the command list lines up on screen (Chinese characters take two columns)', async () => {
    const top = await run('--help');
    const block = top.out.split('命令：\n')[1]!.split('\n\n')[0]!.split('\n');
    const starts = block.map((l) => {
      const m = /^( {2}\S.*?\S {2,})\S/.exec(l)!;
      return displayWidth(m[1]!);
    });
    expect(block.length).toBeGreaterThanOrEqual(COMMANDS.length);
    expect(new Set(starts).size).toBe(1);
    expect(displayWidth('[选项]')).toBe(6);
    expect(displayWidth('ab')).toBe(2);
  });
});
