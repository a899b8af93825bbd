// Every shipped CM_REQ_OFF scenario runs through the engine with the real wiring (public entry
// @consent-sim/sim) and every reporter, passes its own expectations and the invariants, and is
// reproducible byte for byte.

import { PROCESSES } from '@consent-sim/conformance';
import { renderJson, renderJunit, renderMermaid, renderText, runScenario } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { CM_REQ_OFF_SCENARIO_FILES, shippedScenario } from './scenarios.ts';

const REQUIRED = [
  'happy-path',
  'objection-within-window',
  'objection-after-window',
  'qr-never-redeemed',
  'redeemed-at-deadline',
  'redeemed-after-deadline',
  'objection-at-deadline',
  'objection-after-deadline',
  'duplicate-consent-request',
  'unknown-consent-id',
  'expired-consent-id',
  'metering-point-mismatch',
  'qr-too-large',
  'customer-declines',
  'customer-not-authenticated',
  'dso-functional-error',
  'periodic-data-delivery',
  'lossy-network',
];

describe('shipped CM_REQ_OFF scenarios', () => {
  it('include every required scenario', () => {
    const names = CM_REQ_OFF_SCENARIO_FILES.map((file) => file.replace(/\.yaml$/, ''));
    expect(names).toEqual(expect.arrayContaining(REQUIRED));
  });

  describe.each(CM_REQ_OFF_SCENARIO_FILES)('%s', (file) => {
    const scenario = shippedScenario(file);
    const result = runScenario(scenario, { processes: PROCESSES });

    it('meets its expectations and every invariant', () => {
      expect(result.failures.map((f) => f.message)).toEqual([]);
      expect(result.violations).toEqual([]);
      expect(result.passed).toBe(true);
      expect(result.outcome).toBe(scenario.expect.outcome);
    });

    it('pins the exact steps, messages and final states of all three parties', () => {
      expect(scenario.expect.steps?.length ?? 0).toBeGreaterThan(0);
      expect(scenario.expect.messages).toBeDefined();
      expect(Object.keys(scenario.expect.states ?? {}).sort()).toEqual(['customer', 'sp', 'vnb']);
    });

    it('renders as text in Vienna time, JSON, JUnit and Mermaid', () => {
      const text = renderText(result);
      expect(text).toContain(`cm-req-off/${scenario.name}`);
      expect(text).toMatch(/UTC\+0[12]:00/);
      expect(text).toContain('PASS');
      const json = JSON.parse(renderJson(result)) as { passed: boolean; events: { at: string }[] };
      expect(json.passed).toBe(true);
      for (const event of json.events) expect(event.at).toMatch(/\+0[12]:00$/);
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

  it('draws other ids and generated identities for another seed, with the same steps', () => {
    const scenario = shippedScenario('happy-path.yaml');
    const a = runScenario(scenario, { processes: PROCESSES });
    const b = runScenario(scenario, { processes: PROCESSES, seed: 99 });
    const steps = (r: typeof a) => r.events.filter((e) => e.kind === 'step').map((e) => e.step);
    expect(steps(b)).toEqual(steps(a));
    expect(renderJson(b)).not.toBe(renderJson(a));
  });

  it('puts the 30-day window across the change to summer time on 2026-03-29 (OFF-DAYS)', () => {
    const result = runScenario(shippedScenario('qr-never-redeemed.yaml'), { processes: PROCESSES });
    const issued = result.events.find((e) => e.step === 'CM_REQ_OFF_VNB_01');
    const expired = result.events.find((e) => e.step === 'CM_REQ_OFF_VNB_17');
    expect(issued?.at).toBe('2026-03-20T10:00:00.000+01:00');
    expect(expired?.at).toBe('2026-04-19T10:00:00.001+02:00');
    expect((expired?.atMs ?? 0) - (issued?.atMs ?? 0)).toBe((30 * 24 - 1) * 3_600_000 + 1);
  });
});
