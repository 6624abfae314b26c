/**
 * The command line: global options, Chinese help by default, exit codes. Each command is one small
 * registration whose action imports its implementation on demand, so `bulletin check` never loads the
 * typesetter or pdfkit, and `--help` loads nothing but commander.
 */
import { packageVersion } from '../io/package-paths.js';
import { Command, CommanderError } from 'commander';
import type { Lang } from '../diagnostics.js';
import { displayWidth } from '../i18n/display-width.js';
import { detectLang, translator } from '../i18n/lang.js';
import { registerBuild } from './build.js';
import { internalErrorLine } from '../check/formats/findings.js';
import { registerSchema } from './schema.js';
import { registerNew } from './new.js';
import { registerInit } from './init.js';
import { registerFonts } from './fonts.js';
import { registerImport } from './import.js';
import { registerStats } from './stats.js';

/** What a command registration gets: the language and a way to set the exit code. */
export interface CliContext {
  lang: Lang;
  /** zh or en text, for help strings. */
  t(zh: string, en: string): string;
  exit(code: number): void;
}

export type CommandRegistration = (program: Command, ctx: CliContext) => void;

const registerCheck: CommandRegistration = (program, ctx) => {
  program
    .command('check')
    .description(ctx.t('检查简报 YAML 文件：格式、必填项、日期、编号和文字规范', 'check issue YAML files: format, required fields, dates, numbering and editorial rules'))
    .argument('<files...>', ctx.t('简报文件或文件夹（文件夹中的所有 .yaml/.yml，系列文件除外）', 'issue files or folders (every .yaml/.yml in them except series files)'))
    .option('--format <format>', ctx.t('输出格式：stylish（默认）、json、github', 'output format: stylish (default), json, github'))
    .option('--fix', ctx.t('自动修正可以修正的问题（改写 YAML 文件）', 'fix what can be fixed automatically (rewrites the YAML files)'))
    .addHelpText(
      'after',
      ctx.t(
        '\n示例：\n  bulletin check examples/gusu-022.yaml\n  bulletin check issues/ --format github\n  bulletin check 第23期.yaml --fix\n\n退出码：0 没有错误（可能有警告）；1 有错误；2 用法错误或文件无法读取',
        '\nExamples:\n  bulletin check examples/gusu-022.yaml\n  bulletin check issues/ --format github\n  bulletin check issue-23.yaml --fix\n\nExit codes: 0 no errors (warnings allowed); 1 errors found; 2 usage error or unreadable file',
      ),
    )
    .action(async (files: string[], opts: { format?: string; fix?: boolean }) => {
      const { runCheck } = await import('./check.js');
      ctx.exit(await runCheck(files, { lang: ctx.lang, format: opts.format, fix: opts.fix }));
    });
};

/** One entry per command; add a registration here to add a command. */
const COMMANDS: CommandRegistration[] = [registerCheck, registerBuild, registerNew, registerInit, registerImport, registerFonts, registerStats, registerSchema];

/** Re-exported for the tests of the help's columns; the one definition is in src/i18n. */
export { displayWidth };

const TITLES_ZH: Record<string, string> = {
  // formatHelp puts one space after the title: "用法：  bulletin [选项] [命令]".
  'Usage:': '用法： ',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Commander's placeholders in usage lines and command lists, in Chinese help. */
const WORDS_ZH: Record<string, string> = { '[options]': '[选项]', '[command]': '[命令]' };

/** The help's titles and placeholders in the user's language, with columns measured as the terminal shows them. */
function helpConfig(lang: Lang) {
  const word = (s: string) => (lang === 'zh' ? (WORDS_ZH[s] ?? s) : s);
  return {
    styleTitle: (s: string) => (lang === 'zh' ? (TITLES_ZH[s] ?? s) : s),
    styleOptionText: word,
    styleSubcommandText: word,
    styleArgumentText: word,
    displayWidth,
    // Commander wraps descriptions at spaces only, which cuts Chinese text at the odd Latin word; the terminal wraps.
    ...(lang === 'zh' ? { minWidthToWrap: Number.MAX_SAFE_INTEGER } : {}),
  };
}

/** Commander's own error lines, in Chinese when the user reads Chinese. */
export function translateCommanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .replace(/^error: unknown command '(.*)'/m, "错误：没有 '$1' 这个命令；用 bulletin --help 查看可用的命令")
    .replace(/^error: missing required argument '(.*)'/m, "错误：缺少参数 '$1'")
    .replace(/^error: required option '(.*)' not specified/m, "错误：缺少必需的选项 '$1'")
    .replace(/^error: unknown option '(.*?)'/m, "错误：不认识的选项 '$1'")
    .replace(/^error: option '(.*)' argument missing/m, "错误：选项 '$1' 需要一个值")
    .replace(/^error: option '(.*)' argument '(.*)' is invalid\.?/m, "错误：选项 '$1' 的值 '$2' 无效")
    .replace(/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\./m, "错误：参数太多：$1 最多 $2 个参数，给了 $3 个")
    .replace(/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m, '错误：参数太多：最多 $1 个参数，给了 $2 个')
    .replace(/^error: too many arguments.*/m, '错误：参数太多')
    .replace(/\(Did you mean (.*)\?\)/, '（你是不是想用 $1？）')
    .replace(/^error: /m, '错误：');
}

/** `--lang` has to be known before commander builds the help text, so it is read from argv first. */
function langFromArgv(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') return args[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** argv as process.argv gives it (node, script, …) or just the user's arguments. */
function userArgs(argv: string[]): string[] {
  const looksLikeNode = argv.length >= 2 && (/(^|[\\/])node(\.exe)?$/.test(argv[0]!) || /bulletin(\.js)?$/.test(argv[1]!));
  return looksLikeNode ? argv.slice(2) : argv;
}

export async function main(argv: string[]): Promise<number> {
  const args = userArgs(argv);
  const requested = langFromArgv(args);
  const lang = detectLang(requested);
  const t = translator(lang);
  if (requested !== undefined && requested !== 'zh' && requested !== 'en') {
    process.stderr.write(t(`bulletin：--lang 只能是 zh 或 en，不能是 ${requested}\n`, `bulletin: --lang must be zh or en, not ${requested}\n`));
    return 2;
  }

  let code = 0;
  const ctx: CliContext = { lang, t, exit: (c) => (code = c) };
  const program = new Command();
  program
    .name('bulletin')
    .description(t('简报编排工具：把 YAML 描述的一期简报检查并排成红头 A4 PDF', 'bulletin compiler: checks an issue described in YAML and lays it out as a red-header A4 PDF'))
    .version(packageVersion(), '-V, --version', t('显示版本号', 'show the version'))
    .option('--lang <lang>', t('消息语言：zh（默认）或 en', 'message language: zh (default) or en'))
    .helpOption('-h, --help', t('显示帮助', 'show help'))
    .helpCommand('help [command]', t('显示某个命令的帮助', 'show help for a command'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp(helpConfig(lang))
    .addHelpText(
      'after',
      t(
        '\n示例：\n  bulletin init issues --name 姑苏信息\n  bulletin check issues/\n  bulletin build issues/issue-001.yaml\n  bulletin new --from issues/issue-001.yaml\n\n退出码：0 成功；1 发现错误（或文件已存在等拒绝执行的情况）；2 用法错误或文件无法读写；70 内部错误（请报告）',
        '\nExamples:\n  bulletin init issues --name 姑苏信息\n  bulletin check issues/\n  bulletin build issues/issue-001.yaml\n  bulletin new --from issues/issue-001.yaml\n\nExit codes: 0 success; 1 errors found (or refused, e.g. the file exists); 2 usage error or unreadable/unwritable file; 70 internal error (please report it)',
      ),
    )
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(translateCommanderError(s, lang)),
    });
  for (const register of COMMANDS) register(program, ctx);
  for (const sub of program.commands) {
    sub.helpOption('-h, --help', t('显示帮助', 'show help'));
    sub.exitOverride();
    sub.configureHelp(helpConfig(lang));
    sub.showHelpAfterError(t(`（用 bulletin ${sub.name()} --help 查看用法和示例）`, `(bulletin ${sub.name()} --help shows the usage and examples)`));
  }

  if (args.length === 0) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    // A bug of ours (an expected failure is a diagnostic or a message by now): one line, never a stack trace,
    // exit 70 (EX_SOFTWARE) so scripts can tell it from a usage error (2).
    process.stderr.write(internalErrorLine(err, lang));
    return 70;
  }
}
