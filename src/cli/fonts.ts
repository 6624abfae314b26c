/** `bulletin fonts [ISSUE.yaml]`: the font behind each role, and the characters no font covers (src/report/fonts-report.ts). */
import type { Command } from 'commander';
import type { CommandRegistration } from './index.js';

export const registerFonts: CommandRegistration = (program: Command, ctx) => {
  program
    .command('fonts')
    .description(ctx.t('列出报头、正文、标题、楷体、页码各用哪个字体文件（正式字体或替代字体），以及一期中没有字体包含的字', 'show the font file serving each role (masthead, body, heading, kai, number), official or stand-in, and the characters of an issue no font has'))
    .argument('[issue]', ctx.t('简报文件（可选）：同时检查这一期的每个字是否有字体可用；也可以是系列文件。不写时按当前文件夹所用的系列文件', 'an issue file (optional): also check that every character of it is in a font; or a series file. Without one, the series file the current folder uses'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin fonts\n  bulletin fonts examples/gusu-022.yaml\n  bulletin fonts examples/demo/bulletin.series.yaml\n  bulletin --lang en fonts examples/gusu-022.yaml\n\n' +
          '正式字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体）放在简报或系列文件旁的 fonts/ 文件夹中，或安装到系统中。\n\n' +
          '退出码：0 正常（可能在用替代字体）；1 有字没有任何字体包含，或这一期（系列文件）有错误；2 用法错误或文件无法读取',
        '\nExamples:\n  bulletin fonts\n  bulletin fonts examples/gusu-022.yaml\n  bulletin fonts examples/demo/bulletin.series.yaml\n\n' +
          'Put the official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) in a fonts/ folder beside the issue or series file, or install them.\n\n' +
          'Exit codes: 0 fine (stand-ins may be in use); 1 some character is in no font, or the issue (series file) has errors; 2 usage error or unreadable file',
      ),
    )
    .action(async (issue: string | undefined) => {
      const { fontsReport } = await import('../report/fonts-report.js');
      ctx.exit(await fontsReport(issue, ctx.lang));
    });
};
