/** Identical input gives a byte-identical PDF; SOURCE_DATE_EPOCH changes the dates and nothing else. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/pipeline/build-issue.js';
import { pdffonts, pdfinfo, pdftotext, reference, suiteDir } from './helpers.js';

let tmp: ReturnType<typeof suiteDir>;
const out = (name: string) => path.join(tmp.dir, name);

async function build(name: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const r = await buildIssue(reference, { output: out(name), env });
  expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
  return readFileSync(out(name));
}

/** Lines (of the raw file) that differ between two PDFs of the same length. */
function differingLines(a: Buffer, b: Buffer): string[] {
  const lines = new Set<string>();
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const start = a.lastIndexOf(0x0a, i) + 1;
    const end = a.indexOf(0x0a, i);
    lines.add(a.subarray(start, end < 0 ? a.length : end).toString('latin1').trim());
    i = end < 0 ? a.length : end;
  }
  return [...lines];
}

let first: Buffer;
let second: Buffer;
let epoch: Buffer;

beforeAll(async () => {
  tmp = suiteDir();
  first = await build('a.pdf', {});
  second = await build('b.pdf', {});
  epoch = await build('c.pdf', { SOURCE_DATE_EPOCH: '1700000000' });
});

afterAll(() => tmp?.remove());

describe('reproducible builds', () => {
  it('two builds of the same issue are byte-identical', () => {
    expect(first.length).toBeGreaterThan(10_000);
    expect(second.equals(first)).toBe(true);
  });

  it('without SOURCE_DATE_EPOCH the dates are the issue date; with it, the epoch', () => {
    expect(pdfinfo(out('a.pdf')).CreationDate).toBe('2026-05-21T00:00:00Z');
    expect(pdfinfo(out('c.pdf')).CreationDate).toBe('2023-11-14T22:13:20Z');
  });

  it('a different SOURCE_DATE_EPOCH changes the creation date only (its copies in Info/XMP and the /ID derived from it)', () => {
    expect(epoch.equals(first)).toBe(false);
    expect(epoch.length).toBe(first.length);
    const lines = differingLines(first, epoch);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^\(D:\d{14}Z\)$|^<xmp:(CreateDate|ModifyDate|MetadataDate)>|^\/ID \[/);
    const strip = (info: Record<string, string>) => Object.fromEntries(Object.entries(info).filter(([k]) => !/Date/.test(k)));
    expect(strip(pdfinfo(out('c.pdf')))).toEqual(strip(pdfinfo(out('a.pdf'))));
    expect(pdftotext(out('c.pdf'))).toBe(pdftotext(out('a.pdf')));
    expect(pdffonts(out('c.pdf'))).toEqual(pdffonts(out('a.pdf')));
  });

  it('the same epoch twice gives the same bytes; an epoch that is not a number is ignored', async () => {
    expect((await build('d.pdf', { SOURCE_DATE_EPOCH: '1700000000' })).equals(epoch)).toBe(true);
    expect((await build('e.pdf', { SOURCE_DATE_EPOCH: 'yesterday' })).equals(first)).toBe(true);
  });
});
