/**
 * BulletinDoc → .docx bytes: a second printer of the document the PDF layout takes. The page and its grid as Word's
 * 公文 templates set them, every paragraph and run-in text in a named style, the masthead rule as a paragraph border,
 * the 报尾 as a table whose cell borders are its rules, floated to the foot of the last page, and page numbers as
 * PAGE fields in even/odd footers. Word (or WPS, or LibreOffice) breaks the lines and pages when the file is opened;
 * nothing of the PDF's line breaking is carried.
 */
import {
  BookmarkEnd,
  BookmarkStart,
  Document,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  BorderStyle,
  OverlapType,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphPropertiesOptions,
  type ParagraphChild,
} from 'docx';
import type { BulletinDoc } from '../compose/doc.js';
import type { DocxFonts } from './fonts.js';
import { finishPackage } from './pack.js';
import { planDocument, type Border, type ParaLook, type PlanFooter, type PlanParagraph, type RunLook } from './plan.js';
import { paraProps, runProps, styleBook, styleOptions, type StyleBook } from './styles.js';
import { CHAR_STYLES, PARA_STYLES } from './style-names.js';
import { pageSection } from './page.js';
import { mediaOf } from './media.js';
import { twips } from './units.js';

export { docxFonts, type DocxFonts } from './fonts.js';

export interface DocxOptions {
  fonts: DocxFonts;
  /** The document's date (the issue's, or SOURCE_DATE_EPOCH): core properties and zip entries carry it, never the clock. */
  date: Date;
  /** Photos as the build prepared them for print, by file (else the files are read as they are). */
  images?: ReadonlyMap<string, Uint8Array>;
}

export async function writeDocx(doc: BulletinDoc, options: DocxOptions): Promise<Uint8Array> {
  const { fonts } = options;
  const plan = planDocument(doc);
  const section = pageSection(doc, plan.gridLine);
  const book = styleBook(plan, [section.pageNumberStyle]);
  let bookmarkId = 0;
  const para = (p: PlanParagraph): Paragraph => paragraphOf(p, book, fonts, () => bookmarkId++);
  const children: (Paragraph | Table)[] = [];
  const media = [...(plan.media ?? [])];
  const width = twips(doc.grid.width);
  plan.paragraphs.forEach((p, i) => {
    while (media[0] && media[0].after === i) children.push(...mediaOf(media.shift()!.media, width, para, options.images ?? new Map()));
    children.push(para(p));
  });
  for (const m of media) children.push(...mediaOf(m.media, width, para, options.images ?? new Map()));
  if (plan.footer) children.push(footerTable(plan.footer, doc, para), afterFooter());
  const info = doc.info;
  const document = new Document({
    title: info.title,
    subject: info.subject,
    creator: info.author,
    keywords: info.keywords.join(', '),
    lastModifiedBy: 'bulletin',
    revision: 1,
    evenAndOddHeaderAndFooters: section.evenAndOdd,
    styles: {
      default: {
        document: {
          run: { ...runProps(book.defaults.run, fonts), language: { value: info.lang, eastAsia: info.lang } },
          paragraph: defaultParagraph(book.defaults.para),
        },
      },
      ...styleOptions(book, fonts),
    },
    sections: [
      {
        properties: section.properties,
        footers: section.footers((p) => footerParagraph(p, book, fonts)),
        children,
      },
    ],
  });
  const offGridStyles = Object.values(PARA_STYLES)
    .filter((s) => s.offGrid)
    .map((s) => s.id);
  return finishPackage(await Packer.toBuffer(document), { date: options.date, offGridStyles });
}

/**
 * Every paragraph on the grid's lines, and no widow or orphan control: a page holds its 22 lines, as 公文 templates
 * set it (with Word's default of two lines kept together, a page ends a line short wherever a paragraph would).
 */
function defaultParagraph(look: ParaLook): IParagraphPropertiesOptions {
  return { ...paraProps(look), widowControl: false };
}

/**
 * 报尾: a one-column table as wide as the type area, no cell margins (the text keeps the indents the BulletinDoc
 * gives it), its rules the cells' top and bottom borders; floated to the bottom of the type area (GB/T 9704 §7.4.1:
 * the last rule on the type area's bottom edge). Word floats it there; LibreOffice 7.4 sets a floating table as wide
 * as the text in the flow, after the last paragraph. (A framePr frame would float in both, but LibreOffice drops a
 * frame whose paragraphs have different borders, and the rules differ.)
 */
function footerTable(footer: PlanFooter, doc: BulletinDoc, para: (p: PlanParagraph) => Paragraph): Table {
  const width = twips(doc.grid.width);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const side = (b: Border | undefined) => (b ? { style: BorderStyle.SINGLE, size: b.size, color: b.colour } : none);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    // Keep-with-next on every row but the last holds the footer together where it flows (LibreOffice).
    rows: footer.rows.map(
      (r, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              borders: { top: side(r.top), bottom: side(r.bottom), left: none, right: none },
              children: r.paragraphs.map((p) => para(i < footer.rows.length - 1 ? { ...p, keepNext: true } : p)),
            }),
          ],
        }),
    ),
  });
}

/** A document ends with a paragraph, and a floating table is anchored to the one after it: one as low as Word allows. */
function afterFooter(): Paragraph {
  return new Paragraph({ spacing: { line: 20, lineRule: 'exact' }, children: [] });
}

function paragraphOf(p: PlanParagraph, book: StyleBook, fonts: DocxFonts, nextId: () => number): Paragraph {
  const def = book.para.get(p.style)!;
  let runs: ParagraphChild[] = p.runs.map((r) => {
    const base: RunLook = r.charStyle ? book.char.get(r.charStyle)! : def.run;
    const props = { ...runProps(r.look, fonts, base), ...(r.charStyle ? { style: CHAR_STYLES[r.charStyle].id } : {}) };
    return typeof r.text === 'string' ? new TextRun({ text: r.text, ...props }) : new TextRun({ children: [new Tab()], ...props });
  });
  if (p.link) runs = [new InternalHyperlink({ anchor: p.link, children: runs })];
  if (p.bookmark) {
    // docx.js's Bookmark numbers bookmarks from one counter per process, so a second build in the same process (watch,
    // batch workers, tests) would write other ids: the ids are counted here, per document. Its types leave the parts
    // out of ParagraphChild, but a paragraph writes any component it is given.
    const id = nextId();
    runs = [new BookmarkStart(p.bookmark, id) as unknown as ParagraphChild, new BookmarkEnd(id) as unknown as ParagraphChild, ...runs];
  }
  const border = p.top || p.bottom ? { ...(p.top ? { top: borderOf(p.top) } : {}), ...(p.bottom ? { bottom: borderOf(p.bottom) } : {}) } : undefined;
  const props = paraProps(p.look, def.look);
  return new Paragraph({
    style: PARA_STYLES[p.style].id,
    ...props,
    ...(p.before ? { spacing: { ...(props.spacing ?? {}), before: p.before } } : {}),
    ...(p.keepNext && !def.keepNext ? { keepNext: true } : {}),
    ...(border ? { border } : {}),
    ...(p.rightTabs ? { tabStops: p.rightTabs.map((position) => ({ type: TabStopType.RIGHT, position })) } : {}),
    children: runs,
  });
}

function borderOf(b: { size: number; colour: string }): { style: 'single'; size: number; color: string; space: number } {
  return { style: 'single', size: b.size, color: b.colour, space: 0 };
}

/** "— N —" with N a PAGE field, so that it stays right when the document is edited. */
function footerParagraph(p: { align: 'left' | 'center' | 'right'; left: number; right: number; prefix: string; suffix: string }, book: StyleBook, fonts: DocxFonts): Paragraph {
  const def = book.para.get('pageNumber')!;
  return new Paragraph({
    style: PARA_STYLES.pageNumber.id,
    ...paraProps({ ...def.look, align: p.align, left: p.left, right: p.right }, def.look),
    children: [new TextRun({ children: [p.prefix, PageNumber.CURRENT, p.suffix], ...runProps(def.run, fonts, def.run) })],
  });
}

