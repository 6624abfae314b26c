/**
 * The package as docx.js wrote it, finished:
 * - byte-identical files: docx.js stamps the core properties with the clock and zips every part with the time of
 *   packing, so the parts are zipped again in the same order, the core properties' dates set to the document's date
 *   and every entry's time set to that day;
 * - what docx.js cannot write: a paragraph style's `w:snapToGrid w:val="0"` (it knows only the run property), which
 *   keeps captions and table cells at their own leading in LibreOffice instead of one grid line a line.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const CORE = 'docProps/core.xml';
const STYLES = 'word/styles.xml';

export interface PackageFinish {
  date: Date;
  /** Ids of paragraph styles whose lines stay off the document grid. */
  offGridStyles: string[];
}

export function finishPackage(zip: Uint8Array, finish: PackageFinish): Uint8Array {
  const parts = unzipSync(zip);
  const iso = finish.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = parts[CORE];
  if (core) {
    parts[CORE] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`));
  }
  const styles = parts[STYLES];
  if (styles && finish.offGridStyles.length) parts[STYLES] = strToU8(snapOff(strFromU8(styles), finish.offGridStyles));
  // Zip times are local wall-clock fields: built from the date's own calendar day, at noon (clear of any DST change),
  // they read the same in every time zone. Zip cannot hold a day before 1980.
  const { date } = finish;
  const y = Math.max(1980, date.getUTCFullYear());
  const mtime = new Date(y, y === date.getUTCFullYear() ? date.getUTCMonth() : 0, y === date.getUTCFullYear() ? date.getUTCDate() : 1, 12);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}

/** pPr children that come after w:snapToGrid in the schema's sequence (CT_PPrBase). */
const AFTER_SNAP = /<w:(spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/;

/** styles.xml with `<w:snapToGrid w:val="0"/>` in the paragraph properties of the styles `ids`. */
export function snapOff(xml: string, ids: string[]): string {
  return xml.replace(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) => {
    if (!ids.includes(id) || style.includes('<w:snapToGrid')) return style;
    const snap = '<w:snapToGrid w:val="0"/>';
    const ppr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(style);
    if (!ppr) return style.replace(/(<w:rPr>|<\/w:style>)/, `<w:pPr>${snap}</w:pPr>$1`);
    const inner = ppr[1]!;
    const at = AFTER_SNAP.exec(inner)?.index ?? inner.length;
    return style.replace(ppr[0], `<w:pPr>${inner.slice(0, at)}${snap}${inner.slice(at)}</w:pPr>`);
  });
}
