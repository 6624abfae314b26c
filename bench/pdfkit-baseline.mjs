// Baseline: the reference issue's text set by pdfkit's own doc.text() with the Noto Serif SC font object
// (parsed once with fontkit, as typesetting.md §5 advises). node bench/pdfkit-baseline.mjs ISSUE.yaml OUT.pdf
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import YAML from 'yaml';

const [file, output] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const fontFile = path.join(path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')), '400Regular/NotoSerifSC_400Regular.ttf');
const font = fontkit.create(readFileSync(fontFile));
const issue = YAML.parse(readFileSync(file, 'utf8'));

const doc = new PDFDocument({ size: 'A4', margins: { top: 105, left: 79, right: 74, bottom: 99 }, info: { CreationDate: new Date(0) } });
const chunks = [];
doc.on('data', (c) => chunks.push(c));
const done = new Promise((res) => doc.on('end', res));
doc.font(font).fontSize(16);
for (const section of issue.sections ?? []) {
  doc.text(`【${section.label}】`);
  for (const item of section.items ?? []) {
    const body = String(item.body ?? '').trim();
    for (const [i, para] of body.split(/\n+/).entries()) {
      const lead = i === 0 && item.title ? `${item.title}。` : '';
      doc.text(`　　${lead}${para}`, { align: 'justify', lineGap: 13 });
    }
    if (item.source) doc.text(`（${item.source}）`, { align: 'right' });
  }
}
doc.end();
await done;
writeFileSync(output, Buffer.concat(chunks));
