import { LineCounter, parseDocument, visit, isMap, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import type { YamlSourceMap } from './source-map.js';

/** Aliases may be expanded at most this many times (guards against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/** Tags an issue file may spell out; anything else (`!!binary`, `!python/object`, `!foo`) is refused. */
const ALLOWED_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

export interface Parsed {
  doc?: Document;
  /** Plain data; undefined when the file has errors that make it meaningless. */
  data?: unknown;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML text keeping positions and registers it in the source map. The `core` schema keeps
 * `2026-05-21` a string (YAML 1.1 would make it a timestamp) and `no` a string (YAML 1.1: false).
 */
export function parseYaml(file: string, text: string, sources: YamlSourceMap): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, schema: 'core', uniqueKeys: true, strict: true });
  sources.addFile(file, text, doc, lines);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => sources.positionAt(file, offset);

  const tabLines = findTabIndentation(text);
  if (doc.errors.length > 0 && tabLines.length > 0) {
    for (const line of tabLines.slice(0, 5)) {
      diagnostics.push({
        file,
        line,
        column: 1,
        severity: 'error',
        rule: 'yaml-tab',
        message: msg(
          '这一行用 Tab 键缩进；YAML 只能用空格缩进，请把 Tab 换成空格（建议每级 2 个空格）',
          'this line is indented with a tab; YAML allows only spaces for indentation — replace the tab with spaces (2 per level)',
        ),
      });
    }
  }
  const tabSet = new Set(tabLines);
  const reported = new Set<number>();
  for (const error of doc.errors) {
    // The start of the offending token: skip indentation so the column shows where the text begins.
    let offset = error.pos[0];
    while (text[offset] === ' ') offset++;
    const pos = at(offset);
    // One error usually sets off more on the same line; the first is the one worth reading.
    if (tabSet.has(pos.line) || reported.has(pos.line)) continue;
    reported.add(pos.line);
    diagnostics.push({ file, ...pos, severity: 'error', rule: 'yaml-syntax', message: yamlErrorMessage(error) });
  }
  if (diagnostics.length > 0) return { doc, diagnostics };

  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below with the tag's name
    diagnostics.push({ file, ...at(warning.pos[0]), severity: 'warning', rule: 'yaml-syntax', message: msg(warning.message, warning.message) });
  }


  if (doc.contents === null || doc.contents === undefined) {
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'empty-file',
      message: msg('文件是空的：至少要写期号（number）、日期（date）和栏目（sections）', 'the file is empty: it needs at least number, date and sections'),
    });
    return { doc, diagnostics };
  }
  if (!isMap(doc.contents)) {
    diagnostics.push({
      file,
      ...at(doc.contents.range?.[0] ?? 0),
      severity: 'error',
      rule: 'yaml-not-mapping',
      message: msg('文件的顶层应是“键: 值”的映射，如 number: 22', 'the top level of the file must be a mapping of "key: value", e.g. number: 22'),
    });
    return { doc, diagnostics };
  }

  visit(doc, (_key, node) => {
    if (!node || typeof node !== 'object') return;
    const tag = (node as { tag?: string }).tag;
    const range = (node as { range?: [number, number, number] }).range;
    if (tag && !ALLOWED_TAGS.has(tag)) {
      diagnostics.push({
        file,
        ...at(range?.[0] ?? 0),
        severity: 'error',
        rule: 'yaml-tag',
        message: msg(`不支持 YAML 标签 ${shortTag(tag)}；简报文件只用普通的文字、数字、列表和映射`, `the YAML tag ${shortTag(tag)} is not supported; issue files use plain text, numbers, lists and mappings only`),
      });
    }
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { doc, diagnostics };

  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { doc, data, diagnostics };
  } catch (err) {
    // Point at the first alias: that is where the expansion starts, and where the editor has to look.
    let first: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        first = node.range?.[0];
        return visit.BREAK;
      },
    });
    diagnostics.push({
      file,
      ...at(first ?? 0),
      severity: 'error',
      rule: 'yaml-alias',
      message: msg(
        `别名（*引用）展开次数过多（上限 ${MAX_ALIAS_COUNT}）；简报文件用不到别名，请把内容直接写出来（${(err as Error).message}）`,
        `too many alias (*reference) expansions (limit ${MAX_ALIAS_COUNT}); issue files need no aliases, write the content out (${(err as Error).message})`,
      ),
    });
    return { doc, diagnostics };
  }
}

/** Line numbers (1-based) whose indentation contains a tab. */
function findTabIndentation(text: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^ *\t/.test(line) && line.trim() !== '') out.push(i + 1);
  });
  return out;
}

function yamlErrorMessage(error: YAMLError): { zh: string; en: string } {
  const en = error.message.split('\n')[0] ?? error.message;
  // The parser recurses per level: hundreds of nested [ or { (or an attack) run it out of stack.
  if (/Maximum call stack size exceeded/.test(en)) {
    return msg(
      '嵌套层数太多（列表或映射一层套一层，有几百层）；简报文件只需要几层，请检查这里的 [ 或 { 是否多写了',
      'the structure is nested too deeply (hundreds of lists or mappings inside each other); an issue file needs only a few levels — check the [ and { here',
    );
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return msg('YAML 不能用 Tab 缩进，请换成空格', `${en}; use spaces`);
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return msg(
        '缩进不对：同一级的键要对齐到同一列，下一级要多缩进（建议 2 个空格），“键:”的冒号后面要有空格',
        `wrong indentation (${en}): keys of one level must start in the same column, nested keys further right, and a colon needs a space after it`,
      );
    case 'MISSING_CHAR':
      if (/Sequence item without/.test(en)) {
        return msg(
          '缩进不对：这一行与上一行不在同一级（列表项“- ”下的键要与第一个键对齐）',
          `wrong indentation (${en}): this line is not aligned with the keys above it`,
        );
      }
      if (/quote/i.test(en)) return msg('引号没有闭合：缺少结尾的引号', `unclosed quote (${en})`);
      return msg(`缺少字符：${en}`, en);
    case 'DUPLICATE_KEY':
      return msg('键重复：同一个映射里这个键已经出现过', `duplicate key (${en})`);
    case 'MULTIPLE_DOCS':
      return msg('文件里有多个 YAML 文档（---）；一个文件只写一期', `${en}; one file holds one issue`);
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return msg(`别名（*引用）写法不对：${en}`, en);
    case 'UNEXPECTED_TOKEN':
      return msg(`这里有无法识别的内容（${en}）；检查缩进、冒号和引号`, en);
    default:
      return msg(`YAML 语法错误：${en}`, `YAML syntax error: ${en}`);
  }
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}
