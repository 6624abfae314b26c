/**
 * CSV as Excel opens it correctly on a Chinese Windows desktop: UTF-8 with a byte order mark (without it Excel
 * reads GBK and the Chinese is garbled), CRLF line ends, fields quoted when they hold a comma, quote or line break
 * (RFC 4180).
 */
import { roundPoints } from '../tally.js';
import type { Cell, Matrix } from './matrix.js';

function field(c: Cell): string {
  const s = typeof c === 'number' ? String(roundPoints(c)) : c;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(m: Matrix): string {
  const rows = [m.header, ...m.rows, ...(m.totals ? [m.totals] : [])];
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
