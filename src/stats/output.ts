/** The report in the chosen format, as the bytes to print or write; the format follows -o's extension when not given. */
import type { Diagnostic, Lang, Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';
import { formatCsv } from './formats/csv.js';
import { formatJson } from './formats/json.js';
import { listMatrix, summaryMatrix } from './formats/matrix.js';
import { formatTable } from './formats/table.js';
import type { SkippedFile, StatsBy, StatsReport } from './types.js';

export const FORMATS = ['table', 'csv', 'xlsx', 'json'] as const;
export type StatsFormat = (typeof FORMATS)[number];
export const GROUPINGS: StatsBy[] = ['source', 'section', 'month'];

/** The format asked for, or the one -o's extension names (.csv, .xlsx, .json; anything else: the table). */
export function chooseFormat(format: string | undefined, output: string | undefined): { format: StatsFormat } | { error: Message } {
  if (format !== undefined) {
    if ((FORMATS as readonly string[]).includes(format)) return { format: format as StatsFormat };
    return { error: msg(`不认识的输出格式 ${format}，可用：${FORMATS.join('、')}`, `unknown format ${format}; use one of ${FORMATS.join(', ')}`) };
  }
  const ext = /\.([a-z]+)$/i.exec(output ?? '')?.[1]?.toLowerCase();
  return { format: ext === 'csv' || ext === 'xlsx' || ext === 'json' ? ext : 'table' };
}

export interface RenderOptions {
  format: StatsFormat;
  by: StatsBy;
  lang: Lang;
  list?: boolean;
  skipped: SkippedFile[];
  diagnostics: Diagnostic[];
}

/** Text for the text formats (printed as is), bytes for .xlsx. */
export async function renderStats(report: StatsReport, o: RenderOptions): Promise<string | Uint8Array> {
  switch (o.format) {
    case 'table':
      return formatTable(report, o);
    case 'csv':
      // --list: one row per credit instead of the summary (Excel's filters and pivot tables start from it).
      return formatCsv(o.list ? listMatrix(report, o.lang) : summaryMatrix(report, o.by, o.lang));
    case 'json':
      return formatJson(report, o.diagnostics, o.skipped, o.lang);
    case 'xlsx':
      return (await import('./formats/xlsx.js')).formatXlsx(report, o);
  }
}
