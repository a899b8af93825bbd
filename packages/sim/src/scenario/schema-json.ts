import type { ProcessTable } from '../process/definition.ts';
import { scenarioSchema } from './schema.ts';

/**
 * The scenario schema of `processes` as the text of `scenarios/scenario.schema.json`
 * (two-space JSON, final newline).
 *
 * @example JSON.parse(scenarioSchemaJson(PROCESSES)).title; // 'consent-sim scenario'
 */
export function scenarioSchemaJson(processes: ProcessTable): string {
  return `${JSON.stringify(scenarioSchema(processes), null, 2)}\n`;
}
