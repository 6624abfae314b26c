import { stringify } from 'yaml';

/** A value as one YAML scalar that reads back as exactly that string (quoted when it has to be). */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0, blockQuote: false }).trimEnd();
}
