import { packageFile } from '../io/package-paths.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import type { Diagnostic, Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { impossibleDate } from './dates.js';
import { didYouMean } from './did-you-mean.js';
import type { YamlPath, YamlSourceMap } from './source-map.js';

type Localize = (errors?: ErrorObject[] | null) => void;
// ajv-i18n is CommonJS but its types declare an ES default export; take the function whichever way it arrives.
const localizeZh = ((localizeZhModule as unknown as { default?: Localize }).default ?? localizeZhModule) as unknown as Localize;

export type FileKind = 'issue' | 'series';

interface Schemas {
  issue: ValidateFunction;
  series: ValidateFunction;
}

let compiled: Schemas | undefined;
/** The issue schema as JSON: error messages look titles and definitions up in it (validators compiled ahead of
 * time carry no `.schema`). */
let issueSchemaJson: SchemaInfo | undefined;

const SCHEMA_FILES = ['bulletin.schema.json', 'bulletin.series.schema.json'] as const;

function readSchemaText(name: string): string {
  return readFileSync(packageFile(`schemas/${name}`), 'utf8');
}

/** Identifies the schema text a precompiled validator was made from. */
export function schemaFingerprint(texts: string[]): string {
  return createHash('sha256').update(texts.join('\u0000')).digest('hex').slice(0, 16);
}

/** The options the validators are compiled with, at run time or ahead of time (esbuild.config.mjs). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true } as const;

/**
 * `npm run build` compiles the schemas ahead of time into schema-validators.cjs beside this module (compiling
 * them costs a sixth of a cold build); it is used when it was made from the schema files as they are now.
 * Otherwise (tests on the sources, a schema edited since) they are compiled here.
 */
function precompiled(texts: string[]): Schemas | undefined {
  try {
    const mod = createRequire(import.meta.url)('./schema-validators.cjs') as { fingerprint?: string; issue?: ValidateFunction; series?: ValidateFunction };
    if (mod.fingerprint === schemaFingerprint(texts) && mod.issue && mod.series) return { issue: mod.issue, series: mod.series };
  } catch {
    /* not built: compile below */
  }
  return undefined;
}

export function compileSchemas(texts: string[]): { ajv: Ajv; schemas: Schemas } {
  // verbose: errors carry the offending data and the schema around the keyword (its title and description).
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  // No $id in the files: the series schema refers to `bulletin.schema.json` by relative path, which editors
  // (yaml-language-server) resolve next to it on disk and ajv resolves by the key given here.
  SCHEMA_FILES.forEach((name, i) => ajv.addSchema(JSON.parse(texts[i]!), name));
  return { ajv, schemas: { issue: ajv.getSchema(SCHEMA_FILES[0])!, series: ajv.getSchema(SCHEMA_FILES[1])! } };
}

function schemas(): Schemas {
  if (compiled) return compiled;
  const texts = SCHEMA_FILES.map(readSchemaText);
  issueSchemaJson = JSON.parse(texts[0]!) as SchemaInfo;
  compiled = precompiled(texts) ?? compileSchemas(texts).schemas;
  return compiled;
}

/** Validates one file's data against its schema; every error points at the YAML node it is about. */
export function validateFile(kind: FileKind, file: string, data: unknown, sources: YamlSourceMap): Diagnostic[] {
  const validate = schemas()[kind];
  const diagnostics: Diagnostic[] = [];
  if (!validate(data)) {
    const errors = simplify(validate.errors ?? []);
    // A misspelt required key shows up twice (unknown "titel", missing "title"); the did-you-mean says it all.
    const guessed = new Set(
      errors
        .filter((e) => e.keyword === 'additionalProperties')
        .map((e) => {
          const allowed = Object.keys((e.parentSchema as SchemaInfo | undefined)?.properties ?? {});
          return `${e.instancePath}/${didYouMean(String((e.params as { additionalProperty?: unknown }).additionalProperty), allowed) ?? ''}`;
        }),
    );
    for (const error of errors) {
      if (error.keyword === 'required' && guessed.has(`${error.instancePath}/${String((error.params as { missingProperty?: unknown }).missingProperty)}`)) continue;
      diagnostics.push(toDiagnostic(error, file, sources, kind));
    }
  }
  diagnostics.push(...checkDate(file, data, sources));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return diagnostics;
}

function pointerToPath(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * With allErrors, ajv reports every branch of an `anyOf` that failed. Keep what helps: drop branches whose
 * type did not even match, and of the rest keep the one with fewest errors; with no such branch, keep
 * the `anyOf` error itself (reported with the property's description of what is expected).
 */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  let out = errors.filter((e) => !anyOfs.includes(e));
  for (const a of anyOfs) {
    const prefix = `${a.schemaPath}/`;
    const inside = (e: ErrorObject) => e.schemaPath.startsWith(prefix) && (e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of out.filter(inside)) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    out = out.filter((e) => !inside(e));
    const candidates = [...branches.values()].filter((list) => !list.some((e) => e.keyword === 'type' && e.instancePath === a.instancePath));
    candidates.sort((x, y) => x.length - y.length);
    const best = candidates[0];
    // A branch that only says "not this value" (`series: true` against `const: false`) explains less than the
    // anyOf's own message, which names what each branch accepts.
    const valueOnly = best?.every((e) => (e.keyword === 'const' || e.keyword === 'enum') && e.instancePath === a.instancePath);
    out.push(...(best && !valueOnly ? best : [a]));
  }
  // A value outside an enum is often of the wrong type too (`punct-halfwidth: 3`): the enum error, which lists the
  // allowed values, says all the type error says.
  const parent = (e: ErrorObject) => e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
  const enums = new Set(out.filter((e) => e.keyword === 'enum').map((e) => `${e.instancePath}\u0000${parent(e)}`));
  // An empty text fails `minLength` and the not-only-blanks pattern alike: "must not be empty" says it.
  const empties = new Set(out.filter((e) => e.keyword === 'minLength').map((e) => `${e.instancePath}\u0000${parent(e)}`));
  return out.filter((e) => {
    const at = `${e.instancePath}\u0000${parent(e)}`;
    if (e.keyword === 'type') return !enums.has(at);
    if (e.keyword === 'pattern' && isNotBlank(e)) return !empties.has(at);
    return true;
  });
}

/** The schema's "not only blanks" pattern on texts (a title of spaces is as empty as none). */
const NOT_BLANK = '\\S';
function isNotBlank(e: ErrorObject): boolean {
  return e.keyword === 'pattern' && (e.params as { pattern?: unknown }).pattern === NOT_BLANK;
}

/**
 * English for the schema's descriptions (which are Chinese, for the editors' hover text), by property name: what
 * a missing or malformed value is, in the English messages.
 */
const DESCRIPTION_EN: Record<string, string> = {
  number: 'the issue number (第 N 期)',
  yearNumber: 'the running number in the year',
  date: 'the date of issue, written YYYY-MM-DD',
  sections: 'the sections of this issue, in order',
  items: 'the items of this section, in order',
  label: 'the label: a section name without brackets (动态 → 【动态】), or a distribution line\'s 送, 报, 发, 抄送',
  body: 'the text: one string (a blank line between paragraphs) or a list of paragraphs',
  recipients: 'the recipients after the colon, separated by ，',
  name: 'the bulletin name on the masthead',
  offices: 'the issuing offices, one or more',
  colour: 'the masthead colour: "#E60012", {cmyk: [0, 100, 100, 0]} or {rgb: [230, 0, 18]}',
  cmyk: 'four percentages, 0–100',
  series: 'the path of the series file (e.g. ../bulletin.series.yaml), or false (this file carries every setting)',
  rgb: 'three values, 0–255',
};

/** A description without its closing full stop, to be followed by more of the sentence. */
function clause(description: string | undefined): string {
  return (description ?? '').replace(/[。.]+$/u, '');
}

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（每项以“- ”开头）',
  object: '映射（“键: 值”）',
  null: '空值',
};
const TYPE_EN: Record<string, string> = {
  string: 'text',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (items starting with "- ")',
  object: 'a mapping ("key: value")',
  null: 'null',
};

function actualType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

interface SchemaInfo {
  title?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, { $ref?: string; title?: string; description?: string; examples?: unknown[] }>;
  definitions?: Record<string, SchemaInfo>;
  anyOf?: SchemaInfo[];
  oneOf?: SchemaInfo[];
}

function rootSchema(): SchemaInfo {
  schemas();
  return issueSchemaJson!;
}

/** The schema of property `name` inside `parent`, following a local `$ref`. */
function propertySchema(parent: SchemaInfo | undefined, name: string): SchemaInfo | undefined {
  const prop = parent?.properties?.[name];
  if (!prop) return undefined;
  if (prop.$ref?.startsWith('#/definitions/')) return rootSchema().definitions?.[prop.$ref.slice('#/definitions/'.length)];
  return prop as SchemaInfo;
}

function label(path: YamlPath): string {
  if (path.length === 0) return '（文件顶层）';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
function labelEn(path: YamlPath): string {
  return path.length === 0 ? '(top level)' : label(path);
}

function example(schema: SchemaInfo | undefined): string {
  const ex = schema?.examples?.[0];
  if (ex === undefined) return '';
  return typeof ex === 'string' ? ex : JSON.stringify(ex);
}

function toDiagnostic(error: ErrorObject, file: string, sources: YamlSourceMap, kind: FileKind): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const schema = error.parentSchema as SchemaInfo | undefined;
  const name = `「${label(path)}」${schema?.title ? `（${schema.title}）` : ''}`;
  const nameEn = `"${labelEn(path)}"${schema?.title ? ` (${schema.title})` : ''}`;
  const ex = example(schema);
  const exZh = ex ? `，如 ${ex}` : '';
  const exEn = ex ? `, e.g. ${ex}` : '';
  let position = sources.nodePosition(file, path);
  let rule = `schema-${error.keyword}`;
  let message: Message;
  const p = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      const sub = propertySchema(schema, missing);
      const what = sub?.title ? `（${sub.title}）` : '';
      const subEx = example(sub);
      message = msg(
        `${path.length ? `${name}中` : ''}缺少必填项「${missing}」${what}${sub?.description ? `：${sub.description}` : ''}${subEx ? `例如 ${missing}: ${subEx}` : ''}`,
        `${path.length ? `${nameEn} is ` : ''}missing the required property "${missing}"${sub?.title ? ` (${sub.title})` : ''}${DESCRIPTION_EN[missing] ? `: ${DESCRIPTION_EN[missing]}` : ''}${subEx ? `, e.g. ${missing}: ${subEx}` : ''}`,
      );
      rule = 'schema-required';
      break;
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys(schema?.properties ?? {});
      position = sources.keyPosition(file, [...path, key]);
      rule = 'schema-unknown-key';
      // number, date, sections … in a series file: they belong to each issue, not to the settings all issues share.
      const issueOnly = rootSchema().properties?.[key];
      if (kind === 'series' && path.length === 0 && issueOnly && !rootSchema().definitions?.series?.properties?.[key]) {
        message = msg(
          `「${key}」${issueOnly.title ? `（${issueOnly.title}）` : ''}只能写在每一期的简报文件中，不能写在系列文件里（系列文件只放各期共用的设置：${allowed.join('、')}）`,
          `"${key}"${issueOnly.title ? ` (${issueOnly.title})` : ''} belongs in each issue file, not in the series file (which holds the settings all issues share: ${allowed.join(', ')})`,
        );
        break;
      }
      // Findings that are not editorial rules: their level cannot be set (a file that cannot be read or is malformed,
      // or a date that does not exist, is always an error).
      if (path.length === 1 && path[0] === 'rules' && /^(schema-|yaml-|series-|date-invalid$|date-valid$|io$|encoding$|font-missing-glyph$)/.test(key)) {
        message = msg(
          `「${key}」不能调整级别：格式问题、读取问题${key.startsWith('date-') ? '和不存在的日期' : ''}总是错误；rules 中可写的规则编号：${allowed.join('、')}`,
          `the level of "${key}" cannot be set: format and reading problems${key.startsWith('date-') ? ', and dates that do not exist,' : ''} are always errors; rule ids rules may set: ${allowed.join(', ')}`,
        );
        break;
      }
      const guess = didYouMean(key, allowed);
      // A top-level setting written inside a section or item: say where it belongs.
      const misplaced = !guess && path.length > 0 && Object.prototype.hasOwnProperty.call(rootSchema().properties ?? {}, key);
      message = msg(
        `未知的键「${key}」${guess ? `，你是不是想写「${guess}」？` : misplaced ? `：「${key}」应写在文件顶层（或系列文件中），不能写在这里。` : '。'}${path.length ? `${name}` : '这里'}可用的键：${allowed.join('、')}`,
        `unknown key "${key}"${guess ? `; did you mean "${guess}"?` : misplaced ? `: "${key}" belongs at the top level of the file (or in the series file).` : '.'} Allowed here: ${allowed.join(', ')}`,
      );
      break;
    }
    case 'type': {
      const expected = String(p.type).split(',');
      const got = actualType(error.data);
      message = msg(
        `${name}应为${expected.map((t) => TYPE_ZH[t] ?? t).join('或')}${exZh}；实际是${TYPE_ZH[got] ?? got} ${show(error.data)}`,
        `${nameEn} must be ${expected.map((t) => TYPE_EN[t] ?? t).join(' or ')}${exEn}; got ${TYPE_EN[got] ?? got} ${show(error.data)}`,
      );
      rule = 'schema-type';
      break;
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map(String);
      message = msg(
        `${name}应为 ${values.join('、')} 之一；实际是 ${show(error.data)}`,
        `${nameEn} must be one of ${values.join(', ')}; got ${show(error.data)}`,
      );
      break;
    }
    case 'minLength':
      message = msg(`${name}不能为空${exZh}`, `${nameEn} must not be empty${exEn}`);
      rule = 'schema-empty';
      break;
    case 'minItems':
      message = msg(`${name}至少要有 ${p.limit} 项`, `${nameEn} needs at least ${p.limit} item(s)`);
      break;
    case 'maxItems':
      message = msg(`${name}最多只能有 ${p.limit} 项；实际有 ${Array.isArray(error.data) ? error.data.length : '?'} 项`, `${nameEn} may have at most ${p.limit} item(s)`);
      break;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const cmp = String(p.comparison);
      const zhCmp: Record<string, string> = { '>=': '不小于', '>': '大于', '<=': '不大于', '<': '小于' };
      message = msg(`${name}应${zhCmp[cmp] ?? cmp} ${p.limit}；实际是 ${show(error.data)}`, `${nameEn} must be ${cmp} ${p.limit}; got ${show(error.data)}`);
      rule = 'schema-range';
      break;
    }
    case 'pattern': {
      if (isNotBlank(error)) {
        message = msg(`${name}不能只有空白（空格、换行），请写上内容${exZh}`, `${nameEn} must not be blank (only spaces or line breaks)${exEn}`);
        rule = 'schema-empty';
        break;
      }
      const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
      message = msg(
        `${name}格式不对${schema?.description ? `：${clause(schema.description)}` : ''}${exZh}；实际是 ${show(error.data)}`,
        `${nameEn} has the wrong format${DESCRIPTION_EN[key] ? `: ${DESCRIPTION_EN[key]}` : ''}${exEn}; got ${show(error.data)}`,
      );
      rule = 'schema-format';
      break;
    }
    case 'anyOf':
    case 'oneOf': {
      // Each way of writing it has a title ("系列文件的路径", "false（不使用系列文件）"): name them all.
      const branches = (error.keyword === 'anyOf' ? schema?.anyOf : schema?.oneOf) ?? [];
      const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
      const titles = branches.map((b) => b.title);
      const ways = branches.length > 0 && titles.every(Boolean) ? (titles as string[]) : undefined;
      const or = (list: string[], word: string) => list.map((t, i) => (i === 0 ? t : `${word}${/^[\x00-\x7f]/.test(t) ? ' ' : ''}${t}`)).join('');
      message = ways
        ? msg(`${name}应为${or(ways, '，或')}${exZh}；实际是 ${show(error.data)}`, `${nameEn} must be ${DESCRIPTION_EN[key] ?? ways.join(' or ')}${exEn}; got ${show(error.data)}`)
        : msg(
            `${name}写法不对${schema?.description ? `：${clause(schema.description)}` : ''}；实际是 ${show(error.data)}`,
            `${nameEn} is not written correctly${exEn}; got ${show(error.data)}`,
          );
      rule = 'schema-type';
      break;
    }
    default: {
      const copy = [{ ...error }];
      localizeZh(copy);
      message = msg(`${name}${copy[0]?.message ?? ''}`, `${nameEn} ${error.message ?? ''}`);
    }
  }
  return { file, ...position, severity: 'error', rule, message };
}

function checkDate(file: string, data: unknown, sources: YamlSourceMap): Diagnostic[] {
  const date = (data as { date?: unknown } | null)?.date;
  if (typeof date !== 'string') return [];
  const why = impossibleDate(date);
  if (!why) return [];
  return [
    {
      file,
      ...sources.nodePosition(file, ['date']),
      severity: 'error',
      rule: 'date-invalid',
      message: msg(`日期 ${date} 不存在：${why.zh}`, `the date ${date} does not exist: ${why.en}`),
    },
  ];
}
