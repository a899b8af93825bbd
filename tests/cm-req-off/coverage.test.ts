// Every step of the CM_REQ_OFF catalogue is performed in at least one shipped scenario, except
// the steps that docs/interpretations/cm-req-off.md names, with a reason, in its coverage section.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROCESSES } from '@consent-sim/conformance';
import { cmReqOff } from '@consent-sim/core';
import { runScenario } from '@consent-sim/sim';
import { expect, it } from 'vitest';
import { CM_REQ_OFF_SCENARIO_FILES, REPO, shippedScenario } from './scenarios.ts';

/** The step ids listed under "Not reached by a shipped scenario" (bullets starting with the id). */
function documentedExceptions(): string[] {
  const notes = readFileSync(path.join(REPO, 'docs/interpretations/cm-req-off.md'), 'utf8');
  const section = notes.split('## OFF-SIM-COVERAGE')[1];
  if (section === undefined)
    throw new Error('docs/interpretations/cm-req-off.md has no OFF-SIM-COVERAGE section');
  const exceptions = section.split('Not reached by a shipped scenario')[1]?.split('\n## ')[0] ?? '';
  return [...exceptions.matchAll(/^- `([A-Z0-9_]+)`/gm)].map((m) => m[1] ?? '');
}

it('reaches every catalogue step in some shipped scenario (exceptions documented)', () => {
  const reached = new Set<string>();
  for (const file of CM_REQ_OFF_SCENARIO_FILES) {
    for (const event of runScenario(shippedScenario(file), { processes: PROCESSES }).events) {
      if (event.kind === 'step' && event.step !== null) reached.add(event.step);
    }
  }
  const missing = cmReqOff.CM_REQ_OFF_STEP_IDS.filter((id) => !reached.has(id));
  expect(missing).toEqual(documentedExceptions());
  // Nothing outside the catalogue: every step in a trace is a canonical id.
  const catalogue: readonly string[] = cmReqOff.CM_REQ_OFF_STEP_IDS;
  expect([...reached].filter((id) => !catalogue.includes(id))).toEqual([]);
});
