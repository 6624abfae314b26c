import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/tmp.js';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; definitions?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/bulletin.schema.json'), 'utf8')) as Schema;

/** Every property schema (following local $refs once), with its path. */
function properties(s: Schema, at: string, out: [string, Schema][] = []): [string, Schema][] {
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const ref = prop.$ref as string | undefined;
    const target = ref ? schema.definitions![ref.replace('#/definitions/', '')]! : prop;
    out.push([`${at}.${name}`, target]);
    properties(target, `${at}.${name}`, out);
    if (target.items) properties(target.items.$ref ? schema.definitions![String(target.items.$ref).replace('#/definitions/', '')]! : target.items, `${at}.${name}[]`, out);
    for (const alt of target.anyOf ?? []) properties(alt, `${at}.${name}|`, out);
  }
  return out;
}

describe('schemas/bulletin.schema.json', () => {
  const all = properties(schema, '$');

  it('covers the format', () => {
    const names = new Set(all.map(([p]) => p.split('.').pop()));
    for (const key of ['number', 'yearNumber', 'date', 'sections', 'label', 'numbered', 'listed', 'style', 'title', 'body', 'source', 'note', 'name', 'securityMark', 'distribution', 'printCount', 'fonts', 'page']) {
      expect(names.has(key), key).toBe(true);
    }
  });

  it('gives every property a Chinese title and description', () => {
    for (const [p, s] of all) {
      expect(s.title, p).toMatch(/[\u4e00-\u9fff]|^[A-Z]+$/);
      expect(s.description, p).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('allows no unknown keys anywhere', () => {
    expect(schema.additionalProperties).toBe(false);
    for (const [p, s] of all) if (s.type === 'object') expect(s.additionalProperties, p).toBe(false);
    for (const [, d] of Object.entries(schema.definitions!)) if (d.type === 'object' && d.properties) expect(d.additionalProperties).toBe(false);
  });
});
