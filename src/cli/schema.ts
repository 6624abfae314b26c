/**
 * `bulletin schema [--series] [--path]`: prints the JSON Schema of an issue file (or of the series file), so an
 * editor or a CI job can use it without knowing where the package is installed.
 */
import { readFile } from 'node:fs/promises';
import { schemaFile } from '../io/package-paths.js';
import type { Command } from 'commander';
import type { Lang } from '../diagnostics.js';
import type { CommandRegistration } from './index.js';


export const registerSchema: CommandRegistration = (program: Command, ctx) => {
  program
    .command('schema')
    .description(ctx.t('输出简报文件的 JSON Schema（供编辑器补全和检查）', 'print the JSON Schema of issue files (for editor completion and checking)'))
    .option('--series', ctx.t('输出系列文件 bulletin.series.yaml 的 Schema（自成一体，不引用其他文件）', 'print the schema of the series file bulletin.series.yaml (self-contained)'))
    .option('--path', ctx.t('只输出 Schema 文件在本机的路径', 'print only the path of the schema file on this machine'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin schema > bulletin.schema.json\n  bulletin schema --series\n  bulletin schema --path\n\n' +
          '在 YAML 文件第一行写上 # yaml-language-server: $schema=<路径>，VS Code 的 YAML 插件即可补全并用中文解释每一项。\n\n' +
          '退出码：0 成功；2 用法错误或文件无法读取',
        '\nExamples:\n  bulletin schema > bulletin.schema.json\n  bulletin schema --series\n  bulletin schema --path\n\n' +
          'With # yaml-language-server: $schema=<path> as the first line of a YAML file, VS Code\'s YAML extension completes and explains every field.\n\n' +
          'Exit codes: 0 printed; 2 usage error or unreadable file',
      ),
    )
    .action(async (opts: { series?: boolean; path?: boolean }) => {
      ctx.exit(await runSchema({ lang: ctx.lang, series: !!opts.series, path: !!opts.path }));
    });
};

export async function runSchema(options: { lang: Lang; series: boolean; path: boolean }): Promise<number> {
  const file = schemaFile(options.series ? 'series' : 'issue');
  if (options.path) {
    process.stdout.write(`${file}\n`);
    return 0;
  }
  try {
    const issueText = await readFile(schemaFile('issue'), 'utf8');
    if (!options.series) {
      // Byte for byte the file, so `bulletin schema > x.json` equals the published schema.
      process.stdout.write(issueText.endsWith('\n') ? issueText : `${issueText}\n`);
      return 0;
    }
    // The series schema on disk refers to bulletin.schema.json by relative path; printed on its own it carries
    // the definitions it needs, so the output works wherever it is saved.
    const series = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const issue = JSON.parse(issueText) as { definitions: Record<string, unknown> };
    const bundled = { ...series, $ref: '#/definitions/series', definitions: issue.definitions };
    process.stdout.write(`${JSON.stringify(bundled, null, 2)}\n`);
    return 0;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    process.stderr.write(options.lang === 'zh' ? `bulletin schema：无法读取 ${file}：${detail}\n` : `bulletin schema: cannot read ${file}: ${detail}\n`);
    return 2;
  }
}
