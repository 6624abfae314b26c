/** Reading a .docx back in tests: its parts as text, and its paragraphs with their style and text, from the XML. */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  names: string[];
  part(name: string): string;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files),
    part(name) {
      const f = files[name];
      if (!f) throw new Error(`no part ${name} in the package (${Object.keys(files).join(', ')})`);
      return strFromU8(f);
    },
  };
}

export interface DocxParagraph {
  style?: string;
  text: string;
  xml: string;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of a part in order (those in table cells too), a tab as \t. */
export function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1];
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[0] === '<w:tab/>' ? '\t' : unescape(t[1]!))).join('');
    return style ? { style, text, xml: m[0] } : { text, xml: m[0] };
  });
}

/** A style's definition in styles.xml by id. */
export function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

/** Attributes of the first element `name` in `xml`. */
export function attrs(xml: string, name: string): Record<string, string> {
  const m = new RegExp(`<${name}\\b([^>]*)/?>`).exec(xml);
  if (!m) throw new Error(`no <${name}>`);
  return Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)]));
}

/**
 * Where a style's run or paragraph properties take effect: the style's own, then the document defaults' (every
 * paragraph style here is based on Normal, which adds nothing), so attrs() finds the value Word uses first.
 */
export function effective(styles: string, id: string, part: 'rPr' | 'pPr'): string {
  const style = styleXml(styles, id);
  const own = new RegExp(`<w:${part}>[\\s\\S]*?</w:${part}>`).exec(style)?.[0] ?? '';
  const def = part === 'rPr' ? '<w:rPrDefault>' : '<w:pPrDefault>';
  const defaults = styles.slice(styles.indexOf(def), styles.indexOf(def.replace('<', '</')));
  return own + defaults;
}
