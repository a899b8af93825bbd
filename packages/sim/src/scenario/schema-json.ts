import { scenarioSchema } from './schema.ts';

/**
 * The scenario schema as the text of `scenarios/scenario.schema.json` (two-space JSON, final
 * newline).
 *
 * @example JSON.parse(scenarioSchemaJson()).title; // 'consent-sim scenario'
 */
export function scenarioSchemaJson(): string {
  return `${JSON.stringify(scenarioSchema, null, 2)}\n`;
}
