/** The small judgements of the text reader: encodings, page furniture, sources, lead sentences, page-break cuts. */
import { describe, expect, it } from 'vitest';
import { decodeText, textBlocks } from '../../src/import/decode-text.js';
import { endsSentence, leadSentence, trailingSource } from '../../src/import/sentences.js';
import { encodeGb18030 } from './make-inputs.js';

const TEXT = '区民政局开展“敬老月”活动。走访慰问老人120人次。（区民政局）\n';

describe('decodeText', () => {
  it('names the encoding it read: UTF-8, UTF-8 with a BOM, UTF-16 (Notepad\'s "Unicode"), GBK/GB18030', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const cases: [Buffer, string][] = [
      [Buffer.from(TEXT, 'utf8'), 'UTF-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'UTF-8（BOM）'],
      [utf16, 'UTF-16'],
      [encodeGb18030(TEXT), 'GBK/GB18030'],
    ];
    for (const [bytes, encoding] of cases) expect(decodeText(bytes), encoding).toEqual({ ok: true, text: TEXT, encoding });
  });

  it('refuses control characters other than tabs, line and page breaks, and says on which line', () => {
    const r = decodeText(Buffer.from('第一行\n第二行\u0007\n'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.zh).toMatch(/第 2 行有控制字符/);
  });
});

describe('textBlocks', () => {
  it('keeps line numbers, drops indentation and page numbers (and says which), splits at form feeds', () => {
    const { blocks, skipped } = textBlocks('　　第一段。\n\n- 2 -\n第二\f段。\n第 3 页\n');
    expect(blocks).toEqual([
      { text: '第一段。', at: 1 },
      { text: '第二', at: 4 },
      { text: '段。', at: 4 },
    ]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.at).toEqual([3, 5]);
  });
});

describe('sentences', () => {
  it('a lead sentence ends at the first 。 outside quotes and brackets; a ！ or ？ stays in the title', () => {
    expect(leadSentence('“一是。二是”活动启动。正文。')).toEqual({ title: '“一是。二是”活动启动', rest: '正文。' });
    expect(leadSentence('怎样办好民生实事？正文。')).toEqual({ title: '怎样办好民生实事？', rest: '正文。' });
    expect(leadSentence('没有句号的一行')).toBeUndefined();
  });

  it('a bracket is a source only at the end, after a sentence, and short', () => {
    expect(trailingSource('正文。（区发改局）')).toMatchObject({ source: '区发改局', before: '正文。', halfWidth: false });
    expect(trailingSource('(综合来稿)')).toMatchObject({ source: '综合来稿', before: '', halfWidth: true });
    expect(trailingSource('供稿：区商务局')).toMatchObject({ source: '区商务局', labelled: true });
    expect(trailingSource('苏作快闪市集（第一期）')).toBeUndefined();
    expect(trailingSource('正文。（这是一句很长的说明，里面有逗号。）')).toBeUndefined();
  });

  it('a paragraph that ends without a sentence mark was cut by a page break', () => {
    expect(endsSentence('签约服务模式，')).toBe(false);
    expect(endsSentence('整合休息补给、政')).toBe(false);
    expect(endsSentence('“干部追着问。”')).toBe(true);
    expect(endsSentence('具体内容包括：')).toBe(true);
  });
});
