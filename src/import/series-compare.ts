/**
 * An issue imported next to an existing series file (named with --series, or found above the output as `check`
 * would find it) keeps only what differs: each setting the input shows is compared with the series file's, and
 * only a different or missing one is written into the issue file, with the series file's value in a comment.
 */
import path from 'node:path';
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { loadSeries } from '../issue/load.js';
import { SERIES_KEYS, type DraftSeries, type SeriesKey } from './types.js';

/** `name`: the series file's bulletin name, to tell another bulletin's series file from this one's. */
export type Compared = { overrides: { key: SeriesKey; comment?: string }[]; name?: string } | { message: Message };

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? `${(v as { label?: string }).label}：${(v as { recipients?: string }).recipients}` : String(v))).join('、');
  return String(value);
}

/** Values as compared: strings trimmed, distribution lines as label and recipients only. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => (typeof v === 'object' && v !== null ? { label: String((v as Record<string, unknown>).label ?? '').trim(), recipients: String((v as Record<string, unknown>).recipients ?? '').trim() } : String(v).trim())));
  return JSON.stringify(typeof value === 'string' ? value.trim() : value);
}

export async function compareWithSeries(file: string, series: DraftSeries): Promise<Compared> {
  const abs = path.resolve(file);
  const loaded = await loadSeries(abs);
  const error = loaded.diagnostics.find((d) => d.severity === 'error');
  if (error) {
    return {
      message: msg(
        `系列文件 ${file} 有问题（第 ${error.line} 行：${error.message.zh}）；请先改正（bulletin check ${file}），或用 --series 指定另一个系列文件`,
        `the series file ${file} has a problem (line ${error.line}: ${error.message.en}); fix it first (bulletin check ${file}) or name another with --series`,
      ),
    };
  }
  const data = (loaded.documents.get(abs)?.toJS() ?? {}) as Record<string, unknown>;
  const overrides: { key: SeriesKey; comment?: string }[] = [];
  for (const key of SERIES_KEYS) {
    const mine = series[key];
    if (mine === undefined) continue;
    const theirs = data[key];
    if (theirs === undefined) overrides.push({ key, comment: '系列文件中没有这一项' });
    else if (canonical(theirs) !== canonical(mine)) overrides.push({ key, comment: `系列文件中为：${shown(theirs)}` });
  }
  return { overrides, name: typeof data.name === 'string' ? data.name : undefined };
}
