/**
 * `bulletin build ISSUE.yaml… [-o OUT.pdf] [--docx]`: one PDF per issue, beside it by default, and with --docx a
 * Word file beside the PDF. With several files (or a folder), one progress line per file and a summary; the others
 * are still built when one fails.
 */
import type { Command } from 'commander';
import type { Lang } from '../diagnostics.js';
import type { CommandRegistration } from './index.js';
import { translator } from '../i18n/lang.js';

export interface BuildCommandOptions {
  lang: Lang;
  output?: string;
  allowMissingGlyphs?: boolean;
  verbose?: boolean;
  /** Rebuild whenever the issue, its series file or its fonts change (one file only). */
  watch?: boolean;
  /** Worker threads for several files (default: the number of cores). */
  jobs?: number;
  /** Build only issues `bulletin check` finds no error in (rules that look at one issue). */
  strict?: boolean;
  /** Also write an editable .docx beside each PDF. */
  docx?: boolean;
}

export const registerBuild: CommandRegistration = (program: Command, ctx) => {
  program
    .command('build')
    .description(ctx.t('把简报 YAML 排成可直接印发的红头 A4 PDF（默认写在 YAML 文件旁边）', 'lay out issue YAML files as print-ready red-header A4 PDFs (written beside each file by default)'))
    .argument('<files...>', ctx.t('简报文件或文件夹（文件夹中的所有 .yaml/.yml，系列文件除外）', 'issue files or folders (every .yaml/.yml in them except series files)'))
    .option('-o, --output <file>', ctx.t('输出的 PDF 文件（只用于单个输入文件）', 'output PDF (for a single input file only)'))
    .option('--docx', ctx.t('同时在 PDF 旁边写一份可编辑的 Word 文件（同名 .docx），供报送电子版、摘编转载', 'also write an editable Word file beside each PDF (the same name, .docx), for sending the issue on electronically'))
    .option('--allow-missing-glyphs', ctx.t('有字符在所有字体中都没有时，仍然生成 PDF（只给出警告）', 'build even when a character is in no font (a warning, not an error)'))
    .option('--verbose', ctx.t('显示每个字体角色使用的字体文件', 'show which font file serves each role'))
    .option('-w, --watch', ctx.t('监视简报、系列设置和字体文件，有改动就重新生成（只用于单个文件）', 'rebuild whenever the issue, its series file or its fonts change (single file only)'))
    .option('--strict', ctx.t('先按 bulletin check 的规则检查这一期，有错误（如【待填写】）就不生成 PDF', 'check the issue with bulletin check\'s rules first and build nothing if there is an error (such as 【待填写】)'))
    .option('-j, --jobs <n>', ctx.t('同时生成的文件数（工作线程），默认为 CPU 核数', 'files built at once (worker threads); default: the number of cores'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin build examples/gusu-022.yaml\n  bulletin build issue.yaml -o 第22期.pdf --verbose\n  bulletin build issue.yaml --docx\n  bulletin build issues/ --jobs 2\n  bulletin build issue.yaml --watch\n  bulletin build issues/ --strict\n\n' +
          '还有【待填写】等占位文字时照样生成 PDF，并逐处给出警告；--strict 则不生成。\n\n退出码：0 成功（可能有警告）；1 有文件没有生成；2 用法错误，或文件无法读取/写入',
        '\nExamples:\n  bulletin build examples/gusu-022.yaml\n  bulletin build issue.yaml -o issue22.pdf --verbose\n  bulletin build issue.yaml --docx\n  bulletin build issues/ --jobs 2\n  bulletin build issue.yaml --watch\n  bulletin build issues/ --strict\n\n' +
          'Placeholders such as 【待填写】 left in an issue are listed as warnings and the PDF is still built; with --strict it is not.\n\nExit codes: 0 built (warnings allowed); 1 some file was not built; 2 usage error, or a file could not be read/written',
      ),
    )
    .action(async (files: string[], opts: { output?: string; allowMissingGlyphs?: boolean; verbose?: boolean; watch?: boolean; jobs?: string; strict?: boolean; docx?: boolean }) => {
      const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
        process.stderr.write(ctx.t(`bulletin build：--jobs 要是正整数，不能是 ${opts.jobs}\n`, `bulletin build: --jobs takes a positive whole number, not ${opts.jobs}\n`));
        return ctx.exit(2);
      }
      ctx.exit(await runBuild(files, { lang: ctx.lang, ...opts, jobs }));
    });
};

export async function runBuild(inputs: string[], options: BuildCommandOptions): Promise<number> {
  const { lang } = options;
  const t = translator(lang);
  const { displayPath } = await import('../io/display-path.js');
  const { formatFindings } = await import('../check/formats/findings.js');
  const { buildFiles } = await import('../pipeline/build-files.js');
  const { writtenFiles } = await import('../pipeline/build-issue.js');
  const { faceKind } = await import('../fonts/roles.js');
  const outcome = await buildFiles(inputs, options, {
    note: (message) => process.stderr.write(`${t('bulletin build：', 'bulletin build: ')}${message[lang]}\n`),
    findings: (diagnostics) => process.stderr.write(formatFindings(diagnostics, lang)),
    refused: (file) => process.stdout.write(t(`✖ ${displayPath(file)}：未生成 PDF\n`, `✖ ${displayPath(file)}: no PDF written\n`)),
    watch: async (file, buildOptions) => (await import('../pipeline/watch.js')).runWatch(file, buildOptions, lang),
    built: (item) => {
      const r = item.result;
      if (r.diagnostics.length) process.stderr.write(formatFindings(r.diagnostics, lang));
      if (options.verbose && r.fonts) {
        for (const f of r.fonts) {
          process.stdout.write(`  ${f.role.padEnd(8)} ${f.postscriptName} (${faceKind(f)[lang]}) ${f.file}\n`);
        }
      }
      if (r.ok) {
        const ms = Math.round(item.ms);
        const w = r.diagnostics.filter((d) => d.severity === 'warning').length;
        const warned = w ? t(`，${w} 个警告`, `, ${w} warning${w > 1 ? 's' : ''}`) : '';
        const out = writtenFiles(r).map((f) => displayPath(f)).join(t('、', ', '));
        process.stdout.write(t(`✓ ${displayPath(item.file)} → ${out}（${r.pages} 页，${ms} 毫秒${warned}）\n`, `✓ ${displayPath(item.file)} → ${out} (${r.pages} pages, ${ms} ms${warned})\n`));
      } else {
        process.stdout.write(t(`✖ ${displayPath(item.file)}：未生成 PDF\n`, `✖ ${displayPath(item.file)}: no PDF written\n`));
      }
    },
  });
  if (outcome.kind === 'usage') {
    process.stderr.write(`${t('bulletin build：', 'bulletin build: ')}${outcome.message[lang]}\n`);
    return 2;
  }
  if (outcome.kind === 'watched') return outcome.exitCode;
  if (outcome.total > 1) {
    const { total, failed } = outcome;
    process.stdout.write(t(`共 ${total} 个文件：${total - failed} 个成功，${failed} 个失败\n`, `${total} files: ${total - failed} built, ${failed} failed\n`));
  }
  return EXIT_CODES[outcome.kind];
}

/** 70: a build that crashed is a bug, whatever else happened; 2: the one file could not be read or written. */
const EXIT_CODES = { ok: 0, failed: 1, io: 2, crashed: 70 } as const;
