/**
 * `bulletin init [DIR]`: a new series folder — bulletin.series.yaml (commented, Chinese), the first issue and
 * fonts/README.md. Everything the editor must still write is a 【待填写】 placeholder that `check` points at,
 * so the folder checks with only "fill this in" findings and builds as it is.
 */
import { schemaPath } from '../io/package-paths.js';
import { yamlScalar } from '../issue/yaml-scalar.js';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '../diagnostics.js';
import { PLACEHOLDER } from '../check/rules/placeholder.js';
import { msg } from '../i18n/lang.js';
import { describeFsError } from '../io/fs-errors.js';
import type { Day } from '../issue/today.js';

export interface InitOptions {
  name?: string;
  office?: string;
  /** File name stem of the issues: issue → issue-001.yaml. */
  prefix?: string;
  today: Day;
}

export type InitResult =
  | { ok: true; files: string[] }
  | { ok: false; reason: 'not-empty' | 'not-folder' }
  /** A bad --name/--office/--prefix (usage error); nothing was written. */
  | { ok: false; reason: 'usage'; message: Message }
  /** The file system refused (permission, read-only, full disk…); nothing was left behind. */
  | { ok: false; reason: 'io'; message: Message };

/**
 * What is wrong with the options, if anything. The prefix becomes part of a file name in DIR, so it may not be
 * empty, name another folder (`../evil`, `a/b`) or hold characters Windows refuses in file names; the name and
 * the office are one line each (the name is also written into a comment).
 */
export function optionProblem(o: Pick<InitOptions, 'name' | 'office' | 'prefix'>): Message | undefined {
  for (const [flag, value] of [['--name', o.name], ['--office', o.office]] as const) {
    if (value === undefined) continue;
    if (value.trim() === '') return msg(`${flag} 不能为空`, `${flag} cannot be empty`);
    if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) return msg(`${flag} 只能是一行文字，不能含有换行或控制字符`, `${flag} must be one line of text, without line breaks or control characters`);
  }
  const p = o.prefix;
  if (p !== undefined) {
    if (p.trim() === '') return msg('--prefix 不能为空（它是文件名的开头，如 gusu → gusu-001.yaml）', '--prefix cannot be empty (it starts the file names: gusu → gusu-001.yaml)');
    if (/[\\/:*?"<>|\u0000-\u001f\u007f]/.test(p) || p.startsWith('.') || p !== p.trim()) {
      return msg(
        `--prefix 只能是文件名的开头，如 gusu（→ gusu-001.yaml）；不能含有 / \\ : * ? " < > | 等字符，不能以 . 开头或带首尾空格：${p}`,
        `--prefix is the start of a file name, like gusu (→ gusu-001.yaml); it cannot contain / \\ : * ? " < > |, start with a dot, or have leading/trailing spaces: ${p}`,
      );
    }
  }
  return undefined;
}

function seriesFile(dir: string, o: InitOptions): string {
  const name = yamlScalar(o.name ?? `${PLACEHOLDER}信息`);
  const office = yamlScalar(o.office ?? `${PLACEHOLDER}编发单位`);
  return `# yaml-language-server: $schema=${schemaPath(dir, 'bulletin.series.schema.json')}
# ${o.name ? `《${o.name}》` : '本系列'}各期共用的设置。每期的文件只写期号、日期和栏目；这里的任何一项都可以在某一期中覆盖
# （映射逐键合并，列表整体替换）。在 VS Code 中装上 YAML 插件，把鼠标停在键名上可以看到中文说明。

# 简报名称，排在报头（红色大字）。
name: ${name}
# 名称下方括号中的一行（可选），如 动态·摘报。
# seriesLine: 动态·摘报
# 编发单位，排在期号下方左侧；可以写多个。
offices:
  - ${office}
# 密级或“内部资料”标注，排在报头左上角（可选）。
# securityMark: 内部资料　注意保存
# 报头和分隔线的颜色：CMYK 百分比或 "#E60012"（默认 CMYK 0,100,100,0）。
# colour: { cmyk: [0, 100, 100, 0] }

# 报尾的报送范围，按顺序排列：送、报、发、抄送……
distribution:
  - label: 送
    recipients: ${PLACEHOLDER}报送单位，多个单位之间用逗号隔开
# 责任编辑。
editors:
  - ${PLACEHOLDER}
# 印数（可选）：共印 N 份。
# printCount: 60
# 报尾的编号（可选），排在最后一行。
# serial: (XX)简字001号

# 各用途的字体（可选）：名称或路径，按顺序尝试。正式字体放在 fonts/ 文件夹中即可自动找到，见 fonts/README.md。
# fonts:
#   body: [仿宋_GB2312, fonts/FangSong_GB2312.ttf]
# 已知的来源单位（可选）：写了以后，bulletin check 会指出不在列表中的来源（多为笔误）。
# sources: [区发改局, 区商务局]
# 检查规则的级别（可选）：规则编号 → off、warning 或 error。
# rules: { title-length: off }
# 文字体例（可选）：标题最长字数、数字与汉字之间的空格（none、space、any）、是否允许日期晚于今天。
# check: { titleMaxLength: 40, numberSpacing: any, allowFutureDate: false }
`;
}

function firstIssue(dir: string, o: InitOptions): string {
  return `# yaml-language-server: $schema=${schemaPath(dir, 'bulletin.schema.json')}
# 第 1 期。系列设置在同一文件夹的 bulletin.series.yaml 中；下一期用 bulletin new --from 本文件 生成。
number: 1           # 期号：第 1 期
yearNumber: 1       # 年度期号：（${o.today.year} 年 1 期）；不需要可以删去
date: ${o.today.iso}    # 印发日期，YYYY-MM-DD

sections:
  - label: 动态      # 排成【动态】；条目连续编号并列入目录
    items:
      - title: ${PLACEHOLDER}动态栏目的标题（一句话，末尾不加句号）
        body: |
          ${PLACEHOLDER}正文。段落之间空一行。
        source: ${PLACEHOLDER}来源单位
        # note: 编者按（可选），以楷体排在正文之前

  - label: 简讯
    numbered: false   # 不编号
    listed: false     # 不列入目录
    style: bullets    # 每条以“•”开头，只有正文和来源
    items:
      - body: |
          ${PLACEHOLDER}正文。段落之间空一行。
        source: ${PLACEHOLDER}来源单位
`;
}

const FONTS_README = `# fonts/ 字体文件夹

bulletin 按 GB/T 9704-2012 的要求使用下列字体。把字体文件（.ttf、.otf、.ttc）放在这个文件夹里，
bulletin build 就会自动找到并使用它们：

| 用途 | 正式字体 | 常见文件名 | 没有时使用的替代字体 |
|---|---|---|---|
| 报头（简报名称） | 方正小标宋简体 | FZXBSJW.TTF | Noto Serif SC Black |
| 正文 | 仿宋_GB2312 | FangSong_GB2312.ttf、simfang.ttf | Noto Serif SC Regular |
| 标题 | 黑体 | simhei.ttf | Noto Sans SC Medium |
| 编者按 | 楷体_GB2312 | KaiTi_GB2312.ttf、simkai.ttf | 霞鹜文楷（已安装时），否则 Noto Serif SC Regular |
| 页码 | 宋体 | simsun.ttc | Noto Serif SC Regular |

- 这些正式字体需要授权，bulletin 不附带。办公电脑上通常已经安装（Windows 的 C:\\Windows\\Fonts），
  bulletin 也会在系统字体文件夹中查找，这时不必复制到这里。
- 找不到正式字体时，bulletin 使用免费的替代字体（思源/Noto 字体，SIL OFL 许可，随 npm 安装），
  排出的 PDF 版式相同，但字形与正式印发的简报不同。正式印发前请装好正式字体。
- 运行 \`bulletin fonts\`（或 \`bulletin fonts 某一期.yaml\`）查看每种用途实际使用的字体文件、是否为替代字体，
  以及这一期中有没有任何字体都没有的字。
- 字体按授权使用；把本文件夹放进 Git 仓库时，请确认授权允许，否则把字体文件加入 .gitignore。
- 也可以在 bulletin.series.yaml 的 \`fonts:\` 中写字体名称或文件路径，指定各用途的字体。
`;

/**
 * Creates the folder, or fills an empty one, with nothing half-written: a new folder is put together beside it
 * under a hidden name and renamed into place; an existing empty folder gets its files one by one, and they are
 * removed again if one fails. Never throws for a file system error: it comes back as `reason: 'io'`.
 */
export async function initSeries(dir: string, o: InitOptions): Promise<InitResult> {
  const problem = optionProblem(o);
  if (problem) return { ok: false, reason: 'usage', message: problem };
  const abs = path.resolve(dir);
  let exists = false;
  try {
    const st = statSync(abs);
    if (!st.isDirectory()) return { ok: false, reason: 'not-folder' };
    if (readdirSync(abs).length > 0) return { ok: false, reason: 'not-empty' };
    exists = true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { ok: false, reason: 'not-folder' };
    if (code !== 'ENOENT') return ioFailure(abs, err);
  }
  const issueName = `${o.prefix ?? 'issue'}-001.yaml`;
  const files: [string, string][] = [
    ['bulletin.series.yaml', seriesFile(abs, o)],
    [issueName, firstIssue(abs, o)],
    [path.join('fonts', 'README.md'), FONTS_README],
  ];
  const written = files.map(([name]) => path.join(abs, name));
  return exists ? fillEmptyFolder(abs, files, written) : createFolder(abs, files, written);
}

function ioFailure(where: string, err: unknown): InitResult {
  const why = describeFsError(err);
  return { ok: false, reason: 'io', message: msg(`无法写入 ${where}：${why.zh}`, `cannot write ${where}: ${why.en}`) };
}

function writeAll(root: string, files: [string, string][]): void {
  mkdirSync(path.join(root, 'fonts'));
  for (const [name, text] of files) writeFileSync(path.join(root, name), text, { flag: 'wx' });
}

/** A new folder: its parents as needed, the files in a hidden sibling, one rename. */
function createFolder(abs: string, files: [string, string][], written: string[]): InitResult {
  const parent = path.dirname(abs);
  let madeParents: string | undefined;
  let staging: string | undefined;
  let where = parent;
  try {
    madeParents = mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(path.join(parent, `.${path.basename(abs)}.init-`));
    where = abs;
    writeAll(staging, files);
    renameSync(staging, abs);
    return { ok: true, files: written };
  } catch (err) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    // Parent folders made for this folder go too; the first one made holds all the others.
    if (madeParents) rmSync(madeParents, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    // Someone made the folder meanwhile: not ours to fill.
    if (code === 'EEXIST' || code === 'ENOTEMPTY') return { ok: false, reason: 'not-empty' };
    return ioFailure(where, err);
  }
}

/** An existing empty folder (perhaps the working folder, which must not be renamed over): file by file. */
function fillEmptyFolder(abs: string, files: [string, string][], written: string[]): InitResult {
  let madeFonts = false;
  const made: string[] = [];
  try {
    mkdirSync(path.join(abs, 'fonts'));
    madeFonts = true;
    for (const [name, text] of files) {
      const file = path.join(abs, name);
      writeFileSync(file, text, { flag: 'wx' });
      made.push(file);
    }
    return { ok: true, files: written };
  } catch (err) {
    for (const f of made) rmSync(f, { force: true });
    if (madeFonts) {
      try {
        rmdirSync(path.join(abs, 'fonts'));
      } catch {
        /* someone put something there meanwhile: leave it */
      }
    }
    return ioFailure(abs, err);
  }
}
