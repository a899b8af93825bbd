/**
 * The last check of a scenario file: its process's wiring is built once, as a run would build
 * it, so that what only the process can judge (a party override it cannot honour, an event a
 * role does not have, a parameter out of the process's range) is reported like every other
 * problem of the file — with line, column and field path — and never as an internal error.
 */
import { type ProcessTable, processIn, ScenarioSetupError } from '../process/definition.ts';
import { createRng } from '../rng.ts';
import type { Scenario } from './types.ts';

type Path = ReadonlyArray<string | number>;

export interface SetupIssue {
  path: Path;
  message: string;
}

/**
 * The wiring's problems with `scenario`, each split into its field path and message.
 *
 * @example setupIssues(scenario, processes); // [{ path: ['stimuli', 0, 'event'], message: … }]
 */
export function setupIssues(scenario: Scenario, processes: ProcessTable): SetupIssue[] {
  const definition = processIn(processes, scenario.process);
  try {
    definition.wiring(scenario, createRng(scenario.seed).fork('wiring'), {});
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioSetupError)) throw error;
    return error.problems.map(splitProblem);
  }
}

/** `stimuli[1].with.consent: must be …` → path `['stimuli', 1, 'with', 'consent']` + message. */
export function splitProblem(problem: string): SetupIssue {
  const match = /^([A-Za-z_$][\w$-]*(?:\[\d+\]|\.[\w$-]+)*): (.*)$/su.exec(problem);
  if (match === null) return { path: [], message: problem };
  const [, field = '', message = ''] = match;
  const path: (string | number)[] = [];
  for (const part of field.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)) {
    path.push(part[2] === undefined ? (part[1] ?? '') : Number(part[2]));
  }
  return { path, message };
}
