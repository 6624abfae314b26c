/** `bulletin import FILE… [-o OUT.yaml] [--series SERIES.yaml]`: Word and text drafts to an issue file (src/import/). */
import type { Command } from 'commander';
import type { Lang } from '../diagnostics.js';
import { translator } from '../i18n/lang.js';
import type { CommandRegistration } from './index.js';

interface ImportFlags {
  output?: string;
  series?: string;
}

export const registerImport: CommandRegistration = (program: Command, ctx) => {
  program
    .command('import')
    .description(ctx.t('把 Word（.docx）或文本（.txt）导入为简报文件：一期完整的简报，或各部门的信息（每个文件一条）', 'import Word (.docx) or text (.txt) files as an issue file: a whole issue, or departments\' items (one per file)'))
    .argument('<files...>', ctx.t('.docx 或 .txt 文件（文本可以是 UTF-8 或 GBK 编码）', '.docx or .txt files (text in UTF-8 or GBK)'))
    .option('-o, --output <out>', ctx.t('简报文件（默认与第一个文件同名、扩展名 .yaml，放在它旁边）；也可以是文件夹', 'the issue file (default: the first input\'s name with .yaml, beside it); or a folder'))
    .option('--series <series>', ctx.t('与这个系列文件比较，只把不同的设置写进简报文件（默认按 check 的方式向上查找；找不到时新建 bulletin.series.yaml）', 'compare with this series file and write only the differing settings into the issue file (default: found as check finds it; a new bulletin.series.yaml when there is none)'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin import 第22期.txt -o issues/gusu-022.yaml\n  bulletin import 发改局.docx 商务局.docx -o issues/gusu-023.yaml --series issues/bulletin.series.yaml\n\n' +
          '识别：报头（名称、第N期、编发单位、日期）、本期目录（只用来核对）、【栏目】、每条的标题（导语句）、正文和（来源）、【简讯】、报尾；\n' +
          '跨页断开的段落会合并，页码会去掉。推断的地方在文件中用 # 注释标出；没有导入的内容（图片、表格等）逐条列出。已有的文件不会被覆盖。\n\n' +
          '退出码：0 已生成；1 看不出是简报、文件已存在或文件无法识别（空文件、加密、不是 Word 文档等）；2 用法错误或文件无法读写',
        '\nExamples:\n  bulletin import issue-22.txt -o issues/gusu-022.yaml\n  bulletin import dept-a.docx dept-b.docx -o issues/gusu-023.yaml --series issues/bulletin.series.yaml\n\n' +
          'Recognises the masthead (name, issue line, offices, date), the contents (to cross-check only), 【sections】, each item\'s title (lead sentence), body and (source), 【简讯】 briefs and the footer;\n' +
          'paragraphs cut by page breaks are joined, page numbers dropped. Guesses are marked with # comments in the file; whatever was not imported (pictures, tables…) is listed. Existing files are never overwritten.\n\n' +
          'Exit codes: 0 written; 1 not a bulletin, the file exists, or the input is unusable (empty, encrypted, not a Word document…); 2 usage error or unreadable/unwritable file',
      ),
    )
    .action(async (files: string[], opts: ImportFlags) => {
      ctx.exit(await runImport(files, { lang: ctx.lang, out: opts.output, series: opts.series }));
    });
};

export async function runImport(files: string[], options: { lang: Lang; out?: string; series?: string; env?: NodeJS.ProcessEnv }): Promise<number> {
  const t = translator(options.lang);
  const { importFiles } = await import('../import/import-files.js');
  const r = await importFiles(files, options);
  if (r.exit !== 0) {
    const where = r.file ? `${r.file}${t('：', ': ')}` : '';
    process.stderr.write(`${t('bulletin import：', 'bulletin import: ')}${where}${r.message[options.lang]}\n${t('没有生成任何文件', 'no file was written')}\n`);
    return r.exit;
  }
  const { formatReport } = await import('../import/report.js');
  process.stdout.write(formatReport(r, options.lang));
  return 0;
}
