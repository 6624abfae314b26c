/**
 * The parts of a 公文 that 通报 and 督查 issues borrow (GB/T 9704 §7.3.2–7.3.5): the addressee line (主送), flush
 * left, as written (it ends in ：); the attachments note (附件说明), two characters in, each name hanging after
 * its number; the signature (落款), the organ two characters from the right and the date under it, shifted two
 * characters right of the organ's first.
 */
import type { Item } from '../issue/model.js';
import type { AttachmentsBlock, FlowParagraph, ParagraphBlock, SignatureBlock } from './doc.js';
import { written, type Styles } from './styles.js';
import { attachmentLabel, formatDate } from './wording.js';

export function composeAddressee(item: Item, st: Styles): ParagraphBlock | undefined {
  if (!item.addressee) return undefined;
  return { kind: 'paragraph', spans: [st.body(item.addressee.text, 'body', written(item.addressee.ref))], align: 'justify', keepWithNext: true };
}

/**
 * "附件：1. 名称": the names start in one column after "附件："; a wrapped name continues under its first
 * character, after the number. One attachment takes no number.
 */
export function composeAttachments(item: Item, st: Styles): AttachmentsBlock | undefined {
  const names = item.attachments ?? [];
  if (names.length === 0) return undefined;
  const { pitch } = st.grid;
  const indent = 2 * pitch;
  const paragraphs = names.map((name, i): FlowParagraph => {
    const label = attachmentLabel(i, names.length);
    // "附件：" is three cells of the grid: later names hang their number in the column after it.
    const p: FlowParagraph = { spans: [st.body(name.text, 'body', written(name.ref))], align: 'justify', left: i === 0 ? indent : indent + 3 * pitch };
    if (label) p.hang = { label: st.body(label, 'body'), width: { gap: 0 } };
    if (i < names.length - 1) p.keepWithNext = true;
    return p;
  });
  return { kind: 'attachments', paragraphs };
}

export function composeSignature(item: Item, st: Styles): SignatureBlock | undefined {
  const sig = item.signature;
  if (!sig) return undefined;
  const { pitch } = st.grid;
  const date = st.body(formatDate(sig.date), 'body');
  if (sig.dateRef) date.source = { kind: 'derived', ref: sig.dateRef, what: 'date' };
  return { kind: 'signature', organ: st.body(sig.organ.text, 'body', written(sig.organ.ref)), date, right: 2 * pitch, shift: 2 * pitch };
}
