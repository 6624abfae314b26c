/** `bulletin init [DIR]`: start a new series folder (src/scaffold/init-series.ts). */
import path from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../diagnostics.js';
import type { CommandRegistration } from './index.js';
import { translator } from '../i18n/lang.js';
import { displayPath } from '../io/display-path.js';

interface InitFlags {
  name?: string;
  office?: string;
  prefix?: string;
}

export const registerInit: CommandRegistration = (program: Command, ctx) => {
  program
    .command('init')
    .description(ctx.t('新建一个简报系列文件夹：系列文件、第 1 期和字体说明', 'start a new series folder: series file, first issue and a fonts README'))
    .argument('[dir]', ctx.t('文件夹（默认当前文件夹；必须为空或不存在）', 'the folder (default: the current one; must be empty or not exist)'), '.')
    .option('--name <name>', ctx.t('简报名称，如 姑苏信息（默认留待填写）', 'bulletin name, e.g. 姑苏信息 (default: to fill in)'))
    .option('--office <office>', ctx.t('编发单位（默认留待填写）', 'issuing office (default: to fill in)'))
    .option('--prefix <prefix>', ctx.t('简报文件名的前缀（默认 issue，即 issue-001.yaml）', 'issue file name prefix (default issue: issue-001.yaml)'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin init issues\n  bulletin init 平江信息 --name 平江信息 --office 平江新区管委会办公室 --prefix pingjiang\n\n' +
          '生成的文件中，【待填写】处需要换成实际内容；bulletin check 会逐条指出。\n\n' +
          '退出码：0 已创建；1 文件夹不为空；2 用法错误或无法写入',
        '\nExamples:\n  bulletin init issues\n  bulletin init pingjiang --name 平江信息 --office 平江新区管委会办公室 --prefix pingjiang\n\n' +
          'Replace every 【待填写】 in the created files; bulletin check lists each one.\n\n' +
          'Exit codes: 0 created; 1 the folder is not empty; 2 usage error or cannot write',
      ),
    )
    .action(async (dir: string, opts: InitFlags) => {
      ctx.exit(await runInit(dir, { lang: ctx.lang, ...opts }));
    });
};

export async function runInit(dir: string, options: InitFlags & { lang: Lang; env?: NodeJS.ProcessEnv }): Promise<number> {
  const t = translator(options.lang);
  const { initSeries } = await import('../scaffold/init-series.js');
  const { today } = await import('../issue/today.js');
  const day = today(options.env);
  if ('error' in day) {
    process.stderr.write(t(`bulletin init：BULLETIN_TODAY=${day.error} 不是有效日期，应写成 YYYY-MM-DD\n`, `bulletin init: BULLETIN_TODAY=${day.error} is not a valid date; write YYYY-MM-DD\n`));
    return 2;
  }
  const r = await initSeries(dir, { name: options.name, office: options.office, prefix: options.prefix, today: day });
  if (!r.ok) {
    if (r.reason === 'usage' || r.reason === 'io') {
      process.stderr.write(`${t('bulletin init：', 'bulletin init: ')}${r.message[options.lang]}\n`);
      return 2;
    }
    process.stderr.write(
      r.reason === 'not-empty'
        ? t(`bulletin init：${dir} 不是空文件夹；为了不覆盖已有文件，请指定一个新的或空的文件夹\n`, `bulletin init: ${dir} is not empty; to avoid overwriting anything, name a new or empty folder\n`)
        : t(`bulletin init：${dir} 是一个文件，不是文件夹\n`, `bulletin init: ${dir} is a file, not a folder\n`),
    );
    return r.reason === 'not-empty' ? 1 : 2;
  }
  const issue = r.files[1]!;
  process.stdout.write(
    t(
      `✓ 已创建系列文件夹 ${path.resolve(dir)}：\n${r.files.map((f) => `  ${displayPath(f)}\n`).join('')}下一步：把【待填写】处换成实际内容，然后运行\n  bulletin check ${displayPath(issue)}\n  bulletin build ${displayPath(issue)}\n`,
      `✓ created the series folder ${path.resolve(dir)}:\n${r.files.map((f) => `  ${displayPath(f)}\n`).join('')}Next: replace every 【待填写】, then run\n  bulletin check ${displayPath(issue)}\n  bulletin build ${displayPath(issue)}\n`,
    ),
  );
  return 0;
}
