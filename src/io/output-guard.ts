/**
 * Whether a PDF may be written at `output`. Paths are compared as the file system sees them: a symlink to the
 * input, or the input reached through a symlinked folder, is the input (real paths, and device + inode where the
 * target exists, which also catches hard links). An existing file that is not a PDF is never replaced: a YAML,
 * a font or a document given by mistake as -o would be lost, and the atomic writer follows symlinks.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Message } from '../diagnostics.js';

export type OutputProblem = { kind: 'input' | 'not-pdf'; message: Message };

/** What the output is: an existing file of the same kind (a PDF, or a .docx's zip) is an earlier build, safe to replace. */
export type OutputKind = 'pdf' | 'docx';

const MAGIC: Record<OutputKind, string> = { pdf: '%PDF-', docx: 'PK\u0003\u0004' };

/** The kind in words, and what to do instead: a .docx is written beside the PDF, under the PDF's name. */
const WORDS: Record<OutputKind, { zh: string; en: string; fixZh: string; fixEn: string }> = {
  pdf: { zh: 'PDF', en: 'a PDF', fixZh: '请用 -o 指定另一个 .pdf 文件', fixEn: 'give another .pdf path with -o' },
  docx: {
    zh: 'Word 文档（.docx）',
    en: 'a Word document (.docx)',
    fixZh: '请用 -o 把 PDF 写到另一个名字（.docx 与 PDF 同名）',
    fixEn: 'give the PDF another name with -o (the .docx takes the PDF’s name)',
  },
};

/** undefined when writing `output` is safe; otherwise why not, in words for the user. */
export function outputProblem(output: string, inputs: readonly string[], kind: OutputKind = 'pdf'): OutputProblem | undefined {
  const out = identity(output);
  const words = WORDS[kind];
  for (const input of inputs) {
    const inp = identity(input);
    const same = out.real === inp.real || (out.ino !== undefined && out.ino === inp.ino && out.dev === inp.dev);
    if (same) {
      return {
        kind: 'input',
        message: {
          zh: `输出文件不能是输入文件本身：${output}${out.real !== resolve(output) ? `（实际是 ${out.real}）` : ''}；${words.fixZh}`,
          en: `the output would overwrite an input file: ${output}${out.real !== resolve(output) ? ` (it is ${out.real})` : ''}; ${words.fixEn}`,
        },
      };
    }
  }
  if (out.ino !== undefined && out.isFile && !startsLike(out.real, MAGIC[kind])) {
    return {
      kind: 'not-pdf',
      message: {
        zh: `输出文件 ${output} 已经存在，而且不是 ${words.zh}，不会覆盖它；${words.fixZh}（或先删去这个文件）`,
        en: `the output ${output} exists and is not ${words.en}, so it is not overwritten; ${words.fixEn} (or remove that file first)`,
      },
    };
  }
  return undefined;
}

interface Identity {
  /** The real path (through symlinks), or the resolved path when it does not exist yet. */
  real: string;
  dev?: number;
  ino?: number;
  isFile?: boolean;
}

function identity(file: string): Identity {
  const abs = resolve(file);
  let real = abs;
  try {
    real = realpathSync(abs);
  } catch {
    // Not there yet: its folder may still be a symlink to the input's.
    try {
      real = join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      /* the folder is missing too: the writer reports it */
    }
  }
  try {
    const st = statSync(real);
    return { real, dev: st.dev, ino: st.ino, isFile: st.isFile() };
  } catch {
    return { real };
  }
}

/** An empty file holds nothing to lose; anything else must begin as every PDF does. */
function startsLike(file: string, magic: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return true; // unreadable: the writer reports what is wrong
  }
  try {
    const head = Buffer.alloc(magic.length);
    const n = readSync(fd, head, 0, magic.length, 0);
    return n === 0 || head.toString('latin1', 0, n) === magic;
  } finally {
    closeSync(fd);
  }
}
