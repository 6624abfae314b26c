import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { tempDir } from '../fixtures/tmp.js';

/** 1-based line and column of the first `needle` in `text`. */
function where(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

test('a character no font has is reported where it is written: masthead, source, footer, section label', async () => {
  const dir = tempDir();
  cpSync('examples/demo', dir, { recursive: true });
  const seriesFile = path.join(dir, 'bulletin.series.yaml');
  const issueFile = path.join(dir, 'pingjiang-006.yaml');
  const series = readFileSync(seriesFile, 'utf8').replace('securityMark: 内部资料　注意保存', 'securityMark: 内部资料　注意\u{30000}保存').replace('林小禾', '林\u{30001}禾');
  const issue = readFileSync(issueFile, 'utf8').replace('source: 区住建局', 'source: 区住\u{30002}局').replace('label: 摘报', 'label: 摘\u{30003}');
  writeFileSync(seriesFile, series);
  writeFileSync(issueFile, issue);
  const r = await buildIssue(issueFile, { output: path.join(dir, 'out.pdf') });
  expect(r.ok).toBe(false);
  const found = (cp: number) => r.diagnostics.find((d) => d.rule === 'font-missing-glyph' && d.message.en.includes(`U+${cp.toString(16).toUpperCase()}`));
  expect(found(0x30000)).toMatchObject({ file: seriesFile, ...where(series, '\u{30000}') });
  expect(found(0x30001)).toMatchObject({ file: seriesFile, ...where(series, '\u{30001}') });
  expect(found(0x30002)).toMatchObject({ file: issueFile, ...where(issue, '\u{30002}') });
  expect(found(0x30003)).toMatchObject({ file: issueFile, ...where(issue, '\u{30003}') });
});
