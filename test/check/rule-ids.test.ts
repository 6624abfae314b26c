/** The schema's `rules:` keys are the rule ids a series file can set severities for, kept in step with the rules. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, seriesRules } from '../../src/check/rules/index.js';
import { loadIssue } from '../../src/issue/load.js';
import { MINIMAL, repoRoot, tempFiles } from '../fixtures/tmp.js';

const allRuleIds = [...rules, ...seriesRules].map((r) => r.id);

interface RuleSchema {
  title: string;
  description: string;
  enum: string[];
}
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/bulletin.schema.json'), 'utf8')) as {
  definitions: { rules: { additionalProperties: unknown; properties: Record<string, RuleSchema> } };
};
const inSchema = schema.definitions.rules;

describe('rules: in the schema', () => {
  it('lists exactly the rule ids, each with its description, default and whether --fix fixes it', () => {
    expect(Object.keys(inSchema.properties)).toEqual(allRuleIds);
    expect(inSchema.additionalProperties).toBe(false);
    for (const rule of [...rules, ...seriesRules]) {
      const s = inSchema.properties[rule.id]!;
      expect(s.title, rule.id).toBe(rule.description.zh);
      expect(s.description, rule.id).toContain(`默认 ${rule.defaultSeverity}`);
      expect(s.description.includes('--fix'), rule.id).toBe(rule.fixable);
      expect(s.enum).toEqual(['off', 'warning', 'error']);
    }
    // Ids are unique (a second rule with the same id could not be configured on its own).
    expect(new Set(allRuleIds).size).toBe(allRuleIds.length);
  });

  it('a misspelt rule id is an error at the key, with did-you-mean; a known id with a bad level names the levels', async () => {
    const dir = tempFiles({ 'i.yaml': `${MINIMAL}rules:\n  punct-halfwdth: off\n  title-length: 3\n` });
    const { diagnostics } = await loadIssue(path.join(dir, 'i.yaml'), { noSeries: true });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['13:3 schema-unknown-key', '14:17 schema-enum']);
    expect(diagnostics[0]!.message.zh).toContain('未知的键「punct-halfwdth」，你是不是想写「punct-halfwidth」？');
    expect(diagnostics[0]!.message.en).toContain('did you mean "punct-halfwidth"?');
    expect(diagnostics[1]!.message.zh).toContain('应为 off、warning、error 之一；实际是 3');
  });

  it('ids of findings that are not editorial rules (date-invalid, schema-…) are said to be fixed errors', async () => {
    const dir = tempFiles({ 'i.yaml': `${MINIMAL}rules:\n  date-valid: off\n  schema-type: warning\n` });
    const { diagnostics } = await loadIssue(path.join(dir, 'i.yaml'), { noSeries: true });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['13:3 schema-unknown-key', '14:3 schema-unknown-key']);
    expect(diagnostics[0]!.message.zh).toMatch(/^「date-valid」不能调整级别：格式问题、读取问题和不存在的日期总是错误/);
    expect(diagnostics[1]!.message.en).toMatch(/^the level of "schema-type" cannot be set/);
  });
});
