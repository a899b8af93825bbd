import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../../coverage/test-scenarios.ts';
import { CM_REQ_OFF_DERIVED_MUTANTS } from '../../mutants/cm-req-off-derived.ts';
import { DH_831_DERIVED_MUTANTS } from '../../mutants/dh-831-derived.ts';
import { runRoleUntilFail } from '../../mutants/run.ts';
import { PROCESSES, type ProcessName } from '../../processes/index.ts';

const scenarios = [...shippedScenarios('cm-req-off'), ...shippedScenarios('dh-831')];

describe('derived fields (issue 11 item 3)', () => {
  const mutants = [...CM_REQ_OFF_DERIVED_MUTANTS, ...DH_831_DERIVED_MUTANTS];

  it('has at least two mutants per role whose fields are derived', () => {
    const roles = [
      'cm-req-off/sp',
      'cm-req-off/vnb',
      'cm-req-off/customer',
      'dh-831/seller',
      'dh-831/datahub',
      'dh-831/customer',
    ];
    for (const role of roles) {
      expect(
        mutants.filter((m) => `${m.process}/${m.role}` === role).length,
        role,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  for (const mutant of mutants) {
    it(`kills ${mutant.id} with a derived-field FAIL, without --strict`, async () => {
      const verdict = await runRoleUntilFail(
        PROCESSES[mutant.process as ProcessName],
        mutant.role,
        { [mutant.role]: mutant.machine() },
        mutant.focus,
        { scenarios, maxPaths: 0, ...(mutant.documents ? { documents: mutant.documents } : {}) },
      );
      expect(verdict.status).toBe('KILLED');
      if (verdict.status !== 'KILLED') return;
      expect(verdict.strict).toBe(false);
      // The first FAIL of the path is the derived-field check, naming both values.
      expect(verdict.check.id).toContain(':derived#');
      expect(verdict.check.expected).toContain(' of ');
    }, 30_000);
  }
  // Correct systems whose documents differ only legitimately (other prefixes, instants in UTC)
  // are legitimate variants of the mutant catalogue (mutants/*-variants.ts), run by sim mutants.
});
