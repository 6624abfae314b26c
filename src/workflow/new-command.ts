/** File handling for `bulletin new`: read the previous issue, pick the output name, write without overwriting. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../diagnostics.js';
import { defaultOutName, nextIssue } from './next-issue.js';
import { today } from './today.js';
import { translator } from '../i18n/lang.js';

export async function createNextIssue(from: string, out: string | undefined, options: { lang: Lang; env?: NodeJS.ProcessEnv }): Promise<number> {
  const t = translator(options.lang);
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const day = today(options.env);
  if ('error' in day) {
    say(t(`bulletin new：BULLETIN_TODAY=${day.error} 不是有效日期，应写成 YYYY-MM-DD`, `bulletin new: BULLETIN_TODAY=${day.error} is not a valid date; write YYYY-MM-DD`));
    return 2;
  }
  const prevFile = path.resolve(from);
  let prevText: string;
  try {
    prevText = await readFile(prevFile, 'utf8');
  } catch (err) {
    say(t(`bulletin new：无法读取上一期文件 ${from}：${reason(err, 'zh')}`, `bulletin new: cannot read the previous issue ${from}: ${reason(err, 'en')}`));
    return 2;
  }
  // The default name needs the previous number; compute against a provisional target first.
  const provisional = out ? path.resolve(out) : prevFile;
  const first = nextIssue(prevText, prevFile, provisional, day);
  if (!first.ok) {
    say(`${from}${first.line ? `:${first.line}` : ''}: ${first.message[options.lang]}`);
    return 1;
  }
  const outFile = out ? path.resolve(out) : path.join(path.dirname(prevFile), defaultOutName(prevFile, first.next.number - 1, first.next.number));
  if (outFile === prevFile) {
    say(t('bulletin new：新文件不能与上一期是同一个文件', 'bulletin new: the new file cannot be the previous one'));
    return 2;
  }
  const result = out ? first : nextIssue(prevText, prevFile, outFile, day);
  if (!result.ok) return 1;
  try {
    // 'wx': fail if it exists, atomically — never overwrite an issue someone has started writing.
    await writeFile(outFile, result.next.text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      say(t(`bulletin new：${rel(outFile)} 已经存在，不会覆盖；请换一个文件名，或先删除它`, `bulletin new: ${rel(outFile)} already exists and is not overwritten; choose another name or delete it first`));
      return 1;
    }
    say(t(`bulletin new：无法写入 ${rel(outFile)}：${reason(err, 'zh')}`, `bulletin new: cannot write ${rel(outFile)}: ${reason(err, 'en')}`));
    return 2;
  }
  const n = result.next;
  const line = n.yearNumber === undefined ? `第 ${n.number} 期` : `第 ${n.number} 期（${day.year} 年 ${n.yearNumber} 期）`;
  process.stdout.write(
    t(
      `✓ 已生成 ${rel(outFile)}：${line}，${n.date}\n  请把【待填写】处换成本期内容，然后运行：bulletin check ${rel(outFile)}\n`,
      `✓ created ${rel(outFile)}: issue ${n.number}${n.yearNumber === undefined ? '' : ` (${day.year} no. ${n.yearNumber})`}, ${n.date}\n  replace every 【待填写】 with this issue's content, then run: bulletin check ${rel(outFile)}\n`,
    ),
  );
  return 0;
}

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r && !r.startsWith('..') ? r : file;
}

function reason(err: unknown, lang: Lang): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return lang === 'zh' ? '文件或文件夹不存在' : 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return lang === 'zh' ? '没有权限' : 'permission denied';
  if (code === 'EISDIR') return lang === 'zh' ? '这是一个文件夹' : 'it is a folder';
  return err instanceof Error ? err.message : String(err);
}
