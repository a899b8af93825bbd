// Test helpers: a CM_REQ_OFF scenario from inline YAML, run with the real wiring or with
// deliberately wrong role machines.

import { runScenario } from '../process/run-scenario.ts';
import { TEST_PROCESSES } from '../process/test-processes.ts';
import type { RunResult } from '../report/run-result.ts';
import { createRng, type Rng } from '../rng.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import type { WiringOptions } from '../wiring.ts';
import { cmReqOffProcess } from './process.ts';
import { type CmReqOffWiringOptions, createCmReqOffWiring } from './wiring.ts';

/** Header shared by the inline scenarios: fixed addresses, one metering point. */
export const HEADER = `process: cm-req-off
summary: test
seed: 1
start: 2026-03-02T09:00:00+01:00
parties:
  vnb: { address: AT001000 }
  sp: { address: EP100200 }
`;

/** A scenario named `name` from the header, `body` (parameters, stimuli) and an outcome. */
export function inlineScenario(name: string, body: string, outcome = 'active'): Scenario {
  return loadScenario(
    `name: ${name}\n${HEADER}${body}\nexpect:\n  outcome: ${outcome}\n`,
    `${name}.yaml`,
    TEST_PROCESSES,
  );
}

/**
 * Runs `scenario` with the given wiring options: machines swapped for this run only, or the
 * `intents` wire through a table whose CM_REQ_OFF wiring asks for it (tests pass what they swap).
 */
export function runWith(scenario: Scenario, options: CmReqOffWiringOptions): RunResult {
  const { wire, ...rest } = options;
  const processes =
    wire === undefined
      ? TEST_PROCESSES
      : {
          ...TEST_PROCESSES,
          'cm-req-off': {
            ...cmReqOffProcess,
            wiring: (s: Scenario, rng: Rng, o?: WiringOptions) =>
              createCmReqOffWiring(s, rng, { ...o, wire }),
          },
        };
  return runScenario(scenario, { processes, ...rest });
}

/** The wiring's setup-time problems (parameters, parties, stimuli) as thrown. */
export function wiringError(scenario: Scenario): string {
  try {
    createCmReqOffWiring(scenario, createRng(1).fork('wiring'));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
}
