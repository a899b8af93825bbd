// Every shipped DH-831 scenario runs through the engine with the real wiring (public entry
// @consent-sim/sim) and every reporter, passes its own expectations and the invariants, and is
// reproducible byte for byte.

import { PROCESSES } from '@consent-sim/conformance';
import { renderJson, renderJunit, renderMermaid, renderText, runScenario } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { DH831_SCENARIO_FILES, shippedScenario } from './scenarios.ts';

const REQUIRED = [
  'approved',
  'approved-partially',
  'rejected-by-customer',
  'expired',
  'cancelled-dh-851',
  'cancel-after-approval-refused',
  'start-in-past',
  'start-beyond-90-days',
  'start-at-90-days',
  'reminder-sent',
  'reminder-not-sent-when-closed',
  'no-recipient-no-email',
  'invalid-customer-id',
  'invalid-accounting-point',
  'wrong-accounting-points',
];

describe('shipped DH-831 scenarios', () => {
  it('include every required scenario', () => {
    const names = DH831_SCENARIO_FILES.map((file) => file.replace(/\.yaml$/, ''));
    expect(names).toEqual(expect.arrayContaining(REQUIRED));
  });

  describe.each(DH831_SCENARIO_FILES)('%s', (file) => {
    const scenario = shippedScenario(file);
    const result = runScenario(scenario, { processes: PROCESSES });

    it('meets its expectations and every invariant', () => {
      expect(result.failures.map((f) => f.message)).toEqual([]);
      expect(result.violations).toEqual([]);
      expect(result.passed).toBe(true);
      expect(result.outcome).toBe(scenario.expect.outcome);
    });

    it('pins the exact steps, messages and states', () => {
      expect(scenario.expect.steps?.length ?? 0).toBeGreaterThan(0);
      expect(scenario.expect.messages?.length ?? 0).toBeGreaterThan(0);
      expect(Object.keys(scenario.expect.states ?? {}).sort()).toEqual([
        'customer',
        'datahub',
        'seller',
      ]);
    });

    it('renders as text in Helsinki time, JSON, JUnit and Mermaid', () => {
      const text = renderText(result);
      expect(text).toContain(`dh-831/${scenario.name}`);
      expect(text).toMatch(/UTC\+0[23]:00/);
      expect(text).toContain('PASS');
      const json = JSON.parse(renderJson(result)) as { passed: boolean; events: { at: string }[] };
      expect(json.passed).toBe(true);
      for (const event of json.events) expect(event.at).toMatch(/\+0[23]:00$/);
      const junit = renderJunit([result]);
      expect(junit).toContain('failures="0"');
      expect(junit).toContain(scenario.name);
      expect(renderMermaid(result)).toMatch(/^sequenceDiagram/);
    });

    it('gives a byte-identical JSON report for the same seed', () => {
      expect(renderJson(runScenario(shippedScenario(file), { processes: PROCESSES }))).toBe(
        renderJson(result),
      );
    });
  });

  it('draws other ids and party addresses for another seed, with the same steps', () => {
    const scenario = shippedScenario('approved.yaml');
    const a = runScenario(scenario, { processes: PROCESSES });
    const b = runScenario(scenario, { processes: PROCESSES, seed: scenario.seed + 1000 });
    const stepsOf = (r: typeof a) => r.events.filter((e) => e.kind === 'step').map((e) => e.step);
    expect(stepsOf(b)).toEqual(stepsOf(a));
    expect(renderJson(b)).not.toBe(renderJson(a));
  });
});
