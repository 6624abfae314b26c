/**
 * `bulletin stats DIR|FILE…`: the command line around src/stats — options checked, files found as `check` finds
 * them, one call, findings on stderr, the report printed or written atomically, the exit code.
 */
import type { Command } from 'commander';
import type { Lang } from '../diagnostics.js';
import { translator } from '../i18n/lang.js';
import type { CommandRegistration } from './index.js';

export interface StatsCommandOptions {
  lang: Lang;
  from?: string;
  to?: string;
  year?: string;
  quarter?: string;
  month?: string;
  by?: string;
  format?: string;
  output?: string;
  list?: boolean;
}

export const registerStats: CommandRegistration = (program: Command, ctx) => {
  program
    .command('stats')
    .description(ctx.t('信息采用统计：各来源单位被采用的信息条数（按栏目）和分值，可按月、季度、年度统计', 'submissions used: how many items of each source unit were used (per section) and their points, for a month, quarter or year'))
    .argument('<files...>', ctx.t('简报文件或文件夹（文件夹中的所有 .yaml/.yml，系列文件除外）', 'issue files or folders (every .yaml/.yml in them except series files)'))
    .option('--from <date>', ctx.t('从这一天起（YYYY-MM-DD，含当天）', 'from this day on (YYYY-MM-DD, inclusive)'))
    .option('--to <date>', ctx.t('到这一天为止（YYYY-MM-DD，含当天）', 'up to this day (YYYY-MM-DD, inclusive)'))
    .option('--year <yyyy>', ctx.t('统计这一年；与 --quarter、--month 合用时为其所在年份（不写时取最近一期的年份）', 'this year; with --quarter or --month, their year (default: the year of the latest issue)'))
    .option('--quarter <n>', ctx.t('统计第 N 季度（1–4）', 'quarter N (1–4)'))
    .option('--month <n>', ctx.t('统计 N 月（1–12）', 'month N (1–12)'))
    .option('--by <what>', ctx.t('分组：source 按单位（默认）、section 按栏目、month 单位×月份（全年）', 'rows: source per unit (default), section per section, month units × months (a year)'))
    .option('--format <format>', ctx.t('输出格式：table（默认）、csv、xlsx、json；不写时按 -o 的扩展名', 'output format: table (default), csv, xlsx, json; by default from the extension of -o'))
    .option('-o, --output <file>', ctx.t('写入文件（原子写入：失败时不留下半个文件）；xlsx 必须写入文件', 'write to a file (atomically: nothing half-written on failure); xlsx needs one'))
    .option('--list', ctx.t('列出每个单位被采用的各条信息（csv 输出每条一行的明细）', 'list each unit\'s items (csv: one row per item)'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin stats examples/\n  bulletin stats issues/ --year 2026 --quarter 1\n  bulletin stats issues/ --by month --year 2026\n  bulletin stats issues/ --from 2026-03-01 --to 2026-03-31 --list\n  bulletin stats issues/ --year 2026 -o 2026年信息采用.xlsx\n  bulletin stats issues/ --format csv > 统计.csv\n\n' +
          '各栏目的分值、加分标记和联合来稿的计分办法写在系列设置的 stats: 中，单位的别名写在 sources: 中（见 README“信息采用统计”）。\n未通过格式校验的文件不计入统计，并在表下注明。\n\n退出码：0 成功（可能有警告）；1 有文件未计入统计；2 用法错误，或文件无法读取/写入',
        '\nExamples:\n  bulletin stats examples/\n  bulletin stats issues/ --year 2026 --quarter 1\n  bulletin stats issues/ --by month --year 2026\n  bulletin stats issues/ --from 2026-03-01 --to 2026-03-31 --list\n  bulletin stats issues/ --year 2026 -o used-2026.xlsx\n  bulletin stats issues/ --format csv > stats.csv\n\n' +
          'Points per section, marks and how joint items are scored are series settings (stats:); aliases of units go in sources: (see README).\nFiles that do not validate are left out of the counts, as the note under the table says.\n\nExit codes: 0 done (warnings allowed); 1 some file was left out; 2 usage error, or a file could not be read/written',
      ),
    )
    .action(async (files: string[], opts: Omit<StatsCommandOptions, 'lang'>) => {
      ctx.exit(await runStats(files, { lang: ctx.lang, ...opts }));
    });
};

export async function runStats(inputs: string[], options: StatsCommandOptions): Promise<number> {
  const { lang } = options;
  const t = translator(lang);
  const fail = (m: { zh: string; en: string }) => (process.stderr.write(t(`bulletin stats：${m.zh}\n`, `bulletin stats: ${m.en}\n`)), 2);
  const { chooseFormat, GROUPINGS, renderStats } = await import('../stats/output.js');
  const { readPeriodOptions } = await import('../stats/period.js');

  const chosen = chooseFormat(options.format, options.output);
  if ('error' in chosen) return fail(chosen.error);
  const by = options.by ?? 'source';
  if (!(GROUPINGS as string[]).includes(by)) {
    return fail({ zh: `--by 只能是 ${GROUPINGS.join('、')}，不能是 ${by}`, en: `--by takes ${GROUPINGS.join(', ')}, not ${by}` });
  }
  const period = readPeriodOptions(options);
  if ('error' in period) return fail(period.error);
  if (chosen.format === 'xlsx' && !options.output) {
    return fail({ zh: 'xlsx 是二进制文件，不能输出到终端：用 -o 指定文件，如 -o 统计.xlsx', en: 'xlsx is a binary file and cannot go to the terminal: name a file with -o, e.g. -o stats.xlsx' });
  }

  const { expandInputs } = await import('../issue/inputs.js');
  const { formatFindings } = await import('../check/formats/findings.js');
  const expanded = await expandInputs(inputs);
  process.stderr.write(formatFindings(expanded.diagnostics, lang));
  if (expanded.files.length === 0) return 2;

  const { collectStats } = await import('../stats/collect.js');
  const { report, diagnostics, skipped } = await collectStats(expanded.files, { period: period.spec, by: by as 'source' });
  process.stderr.write(formatFindings(diagnostics, lang));
  const rendered = await renderStats(report, { format: chosen.format, by: by as 'source', lang, list: options.list, skipped, diagnostics });

  if (options.output) {
    const { writeFileAtomic, WriteError } = await import('../io/write-atomic.js');
    try {
      writeFileAtomic(options.output, typeof rendered === 'string' ? Buffer.from(rendered, 'utf8') : rendered);
    } catch (err) {
      if (err instanceof WriteError) return fail(err.msg);
      throw err;
    }
    const { displayPath } = await import('../check/formats/stylish.js');
    process.stdout.write(t(`✓ 信息采用统计已写入 ${displayPath(options.output)}（${report.issues} 期，${report.items} 条信息）\n`, `✓ statistics written to ${displayPath(options.output)} (${report.issues} issue(s), ${report.items} item(s))\n`));
  } else {
    process.stdout.write(rendered);
  }
  // The table says it under the totals; other formats go to files or tools, so the terminal hears it here.
  if (skipped.length > 0 && (chosen.format !== 'table' || options.output)) {
    process.stderr.write(t(`bulletin stats：有 ${skipped.length} 个文件未计入统计（问题见上方）\n`, `bulletin stats: ${skipped.length} file(s) left out of the counts (problems listed above)\n`));
  }
  if (expanded.diagnostics.length > 0 || skipped.some((s) => s.io)) return 2;
  return skipped.length > 0 || diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
