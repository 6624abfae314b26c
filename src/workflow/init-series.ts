/**
 * `bulletin init [DIR]`: a new series folder — bulletin.series.yaml (commented, Chinese), the first issue and
 * fonts/README.md. Everything the editor must still write is a 【待填写】 placeholder that `check` points at,
 * so the folder checks with only "fill this in" findings and builds as it is.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLACEHOLDER } from '../check/rules/placeholder.js';
import type { Day } from './today.js';

export interface InitOptions {
  name?: string;
  office?: string;
  /** File name stem of the issues: issue → issue-001.yaml. */
  prefix?: string;
  today: Day;
}

export type InitResult = { ok: true; files: string[] } | { ok: false; reason: 'not-empty' | 'not-folder' };

function schemaPath(dir: string, name: string): string {
  const abs = fileURLToPath(new URL(`../../schemas/${name}`, import.meta.url));
  return path.relative(dir, abs).split(path.sep).join('/');
}

function seriesFile(dir: string, o: InitOptions): string {
  const name = o.name ?? `${PLACEHOLDER}信息`;
  const office = o.office ?? `${PLACEHOLDER}编发单位`;
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
# 简报登记号（可选），排在报尾。
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

export async function initSeries(dir: string, o: InitOptions): Promise<InitResult> {
  const abs = path.resolve(dir);
  try {
    const entries = await readdir(abs);
    if (entries.length > 0) return { ok: false, reason: 'not-empty' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { ok: false, reason: 'not-folder' };
    if (code !== 'ENOENT') throw err;
  }
  await mkdir(path.join(abs, 'fonts'), { recursive: true });
  const issueName = `${o.prefix ?? 'issue'}-001.yaml`;
  const files: [string, string][] = [
    ['bulletin.series.yaml', seriesFile(abs, o)],
    [issueName, firstIssue(abs, o)],
    [path.join('fonts', 'README.md'), FONTS_README],
  ];
  for (const [name, text] of files) await writeFile(path.join(abs, name), text, { flag: 'wx' });
  return { ok: true, files: files.map(([name]) => path.join(abs, name)) };
}
