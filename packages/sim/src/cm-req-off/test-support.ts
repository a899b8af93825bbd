// Test helpers: a CM_REQ_OFF scenario from inline YAML, run with the real wiring or with
// deliberately wrong role machines.

import type { RunResult } from '../report/run-result.ts';
import { createRng } from '../rng.ts';
import { registerProcess, runScenario } from '../runner.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
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
  );
}

/** Runs `scenario` with the given wiring options, then restores the default registration. */
export function runWith(scenario: Scenario, options: CmReqOffWiringOptions): RunResult {
  registerProcess('cm-req-off', (s, rng) => createCmReqOffWiring(s, rng, options));
  try {
    return runScenario(scenario);
  } finally {
    registerProcess('cm-req-off', (s, rng) => createCmReqOffWiring(s, rng));
  }
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
