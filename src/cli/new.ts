/** `bulletin new --from PREV.yaml [OUT.yaml]`: the next issue of a series, ready to fill in (src/scaffold/next-issue.ts). */
import type { Command } from 'commander';
import type { Lang } from '../diagnostics.js';
import type { CommandRegistration } from './index.js';

export const registerNew: CommandRegistration = (program: Command, ctx) => {
  program
    .command('new')
    .description(ctx.t('根据上一期生成下一期：期号加一、年度期号加一（跨年从 1 开始）、日期为今天、栏目保留、条目待填写', 'create the next issue from the previous one: number + 1, running number + 1 (1 in a new year), today\'s date, same sections with items to fill in'))
    .argument('[out]', ctx.t('新一期的文件，或放它的文件夹（默认与上一期同一文件夹，如 gusu-022.yaml → gusu-023.yaml）', 'the new issue file, or a folder for it (default: beside the previous one, e.g. gusu-022.yaml → gusu-023.yaml)'))
    .requiredOption('--from <prev>', ctx.t('上一期的简报文件', 'the previous issue file'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin new --from examples/gusu-022.yaml            # 生成 examples/gusu-023.yaml\n  bulletin new --from 第22期.yaml 第23期.yaml\n  BULLETIN_TODAY=2027-01-04 bulletin new --from gusu-052.yaml   # 指定“今天”的日期\n\n' +
          '新文件中的【待填写】处需要换成本期内容；bulletin check 会逐条指出。已有的文件不会被覆盖。\n' +
          '上一期文件中覆盖系列设置的项（如临时增印的 printCount）会原样带到新的一期，并逐项列出，请决定是否删去。\n\n' +
          '退出码：0 已生成；1 目标文件已存在或上一期文件有问题；2 用法错误（如 --from 给的是系列文件）或文件无法读写',
        '\nExamples:\n  bulletin new --from examples/gusu-022.yaml            # writes examples/gusu-023.yaml\n  bulletin new --from issue-22.yaml issue-23.yaml\n  BULLETIN_TODAY=2027-01-04 bulletin new --from gusu-052.yaml   # pin "today"\n\n' +
          'Replace every 【待填写】 in the new file with this issue\'s content; bulletin check lists each one. An existing file is never overwritten.\n' +
          'Series settings the previous issue overrode (such as a one-off printCount) are carried over and listed, for you to keep or delete.\n\n' +
          'Exit codes: 0 created; 1 the target exists or the previous issue is unusable; 2 usage error (e.g. --from names a series file) or unreadable/unwritable file',
      ),
    )
    .action(async (out: string | undefined, opts: { from: string }) => {
      ctx.exit(await runNew(opts.from, out, { lang: ctx.lang }));
    });
};

export async function runNew(from: string, out: string | undefined, options: { lang: Lang; env?: NodeJS.ProcessEnv }): Promise<number> {
  const { createNextIssue } = await import('../scaffold/new-command.js');
  return createNextIssue(from, out, options);
}
