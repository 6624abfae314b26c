import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSchemas, schemaFingerprint } from '../../src/issue/validate.js';

const names = ['bulletin.schema.json', 'bulletin.series.schema.json'];
const texts = names.map((n) => readFileSync(path.join('schemas', n), 'utf8'));
// Inside the package, so the generated code's require('ajv/dist/runtime/…') resolves as it does from dist/.
mkdirSync(path.resolve('node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(path.resolve('node_modules/.cache/bulletin-validators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validators compiled ahead of time (npm run build)', () => {
  it('report exactly what the validators compiled at run time report', () => {
    const { ajv, schemas } = compileSchemas(texts);
    const file = path.join(dir, 'v.cjs');
    writeFileSync(file, (standaloneCode as unknown as (a: unknown, r: unknown) => string)(ajv, { issue: names[0], series: names[1] }));
    const pre = createRequire(import.meta.url)(file) as Record<string, (d: unknown) => boolean> & Record<string, { errors?: unknown }>;
    const bad = { number: '二十二', date: '2026-5-21', sections: [{ label: 3, items: [{ titel: 'x', body: 1 }] }], yearNumbr: 4 };
    expect(schemas.issue(bad)).toBe(false);
    expect((pre.issue as unknown as (d: unknown) => boolean)(bad)).toBe(false);
    const strip = (errs: unknown) => JSON.parse(JSON.stringify(errs));
    expect(strip((pre.issue as unknown as { errors: unknown }).errors)).toEqual(strip(schemas.issue.errors));
    const good = { name: '姑苏信息', offices: ['x'] };
    expect((pre.series as unknown as (d: unknown) => boolean)(good)).toBe(schemas.series(good));
  });

  it('are recognised by the schema text they were made from, so an edited schema is never checked by stale code', () => {
    const fp = schemaFingerprint(texts);
    expect(schemaFingerprint(texts)).toBe(fp);
    expect(schemaFingerprint([texts[0]!.replace('期号', '期数'), texts[1]!])).not.toBe(fp);
  });
});
