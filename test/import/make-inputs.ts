/**
 * Inputs for the import tests, made here rather than shipped: Word files written with the `docx` package, a GB18030/GBK
 * encoding of any text (Node decodes it but has no encoder: the table is Node's own decoder turned round), a
 * plain zip, and a password-protected Word file's container (an OLE compound file written with `cfb`).
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import CFB from 'cfb';

/** A 1×1 red PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

export type Part = Paragraph | Table;

/** A .docx with these paragraphs and tables; numbered lists use the reference 'numbers'. */
export async function docx(children: Part[]): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
export const boldLead = (lead: string, rest: string) => new Paragraph({ children: [new TextRun({ text: lead, bold: true }), new TextRun(rest)] });
export const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
export const numbered = (text: string) => new Paragraph({ numbering: { reference: 'numbers', level: 0 }, children: [new TextRun(text)] });
export const image = () => new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })] });
export const table = (rows: string[][]) =>
  new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [p(c)] })) })) });

let gbTable: Map<string, number[]> | undefined;

/**
 * `text` in GB18030 as Windows saves Chinese text ("ANSI" on a Chinese system): GBK's two-byte codes for Han and
 * Chinese punctuation, four-byte codes for the rest (• is not in GBK).
 */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    const t = new Map<string, number[]>();
    const dec = new TextDecoder('gb18030');
    const add = (bytes: number[]) => {
      const ch = dec.decode(new Uint8Array(bytes));
      if (ch.length === 1 && ch !== '\ufffd' && !t.has(ch)) t.set(ch, bytes);
    };
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) add([a, b]);
    for (let a = 0x81; a <= 0x84; a++) for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) add([a, b, c, d]);
    gbTable = t;
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`not in GB18030's BMP table: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive (stored, no compression) holding these files: a zip that is not a Word document. */
export function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const fname = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += local.length + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * What Word saves when a document has an open password: an OLE compound file with the encryption header and the
 * encrypted package as streams (MS-OFFCRYPTO 2.3.4), not a zip. The stream contents here are stand-ins.
 */
export function encryptedDocx(): Buffer {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.from('<?xml version="1.0"?><encryption/>')]));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}
