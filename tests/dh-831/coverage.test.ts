// The shipped scenarios together reach every step of the DH-831 catalogue and carry every
// message type it names, so a change that makes a step unreachable fails here.

import { PROCESSES } from '@consent-sim/conformance';
import { dh831 } from '@consent-sim/core';
import { deliveredMessages, runScenario } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { DH831_SCENARIO_FILES, shippedScenario } from './scenarios.ts';

const runs = DH831_SCENARIO_FILES.map((file) =>
  runScenario(shippedScenario(file), { processes: PROCESSES }),
);

describe('DH-831 catalogue coverage by the shipped scenarios', () => {
  it('reaches every step key at least once (no exceptions in docs/interpretations/dh-831.md)', () => {
    const reached = new Set(runs.flatMap((r) => r.events.map((e) => e.step)));
    const missing = dh831.DH831_STEP_KEYS.filter((key) => !reached.has(key));
    expect(missing).toEqual([]);
  });

  it('performs only catalogue steps', () => {
    const known = new Set<string>(dh831.DH831_STEP_KEYS);
    const unknown = runs.flatMap((r) =>
      r.events.flatMap((e) => (e.kind === 'step' && !known.has(e.step ?? '') ? [e.step] : [])),
    );
    expect(unknown).toEqual([]);
  });

  it('delivers every message type of the catalogue', () => {
    const codes = new Set(runs.flatMap((r) => deliveredMessages(r.events).map((m) => m.code)));
    expect([...codes].sort()).toEqual(Object.keys(dh831.DH831_MESSAGES).sort());
  });

  it('ends requests in every outcome label', () => {
    const labels = new Set(runs.flatMap((r) => (r.outcome ?? '').split(',')));
    for (const label of ['approved', 'rejected', 'expired', 'cancelled', 'refused']) {
      expect(labels).toContain(label);
    }
  });
});
