/**
 * Issue 12 item 2: the whole mutant catalogue against SUTs that report no `steps`. A wrong
 * system that leaves out the optional field must still be caught by what it sends (message-level
 * probes: the OFF-DAYS and deadline paths at +1 ms outside the DST hour), unless its wrongness is
 * by nature invisible in messages (`stepsOnly`): then the run says NOT_JUDGED and
 * `--require-steps` kills it.
 */
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { PROCESSES, type ProcessName } from '../processes/index.ts';
import { runMutant } from './run.ts';

const MUTANTS = Object.values(PROCESSES).flatMap((p) => p.mutants);
const scenarios = [...shippedScenarios('cm-req-off'), ...shippedScenarios('dh-831')];

describe('the mutant catalogue against SUTs that report no steps', () => {
  it('kills every mutant from messages alone but those marked stepsOnly, which --require-steps kills', async () => {
    const survivors: string[] = [];
    let killed = 0;
    for (const mutant of MUTANTS) {
      const plugin = PROCESSES[mutant.process as ProcessName];
      const { verdict } = await runMutant(plugin, mutant, { scenarios, withoutSteps: true });
      if (verdict.status === 'SURVIVED') survivors.push(mutant.id);
      if (verdict.status === 'KILLED') killed += 1;
    }
    const stepsOnly = MUTANTS.filter(
      (m) => m.stepsOnly !== undefined && m.equivalent === undefined,
    );
    // On failure: how many were killed, and the survivors by id.
    expect(survivors.sort(), `${killed} of ${MUTANTS.length} killed without steps`).toEqual(
      stepsOnly.map((m) => m.id).sort(),
    );
    const equivalent = MUTANTS.filter((m) => m.equivalent !== undefined).length;
    expect(killed).toBe(MUTANTS.length - equivalent - stepsOnly.length);
    for (const mutant of stepsOnly) {
      const plugin = PROCESSES[mutant.process as ProcessName];
      const { verdict } = await runMutant(plugin, mutant, {
        scenarios,
        withoutSteps: true,
        requireSteps: true,
      });
      expect(verdict.status === 'KILLED' ? verdict.check.title : '', mutant.id).toContain(
        '--require-steps',
      );
    }
  }, 1_800_000);
});
