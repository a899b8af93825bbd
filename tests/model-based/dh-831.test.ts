// Every generated DH-831 path runs through the real engine (machines, Datahub XML and e-mails,
// virtual time) and must match the expectation the test model derived from the catalogue.
import { generatePaths, PROCESSES } from '@consent-sim/conformance';
import { dh831 } from '@consent-sim/core';
import { runScenario } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { describeFailures } from './describe-failures.ts';

const generated = generatePaths(PROCESSES['dh-831']);

describe(`dh-831 model paths (${generated.stats.count} generated in ${generated.stats.generationMs} ms)`, () => {
  it('generation is deterministic: the same ids in the same order twice', () => {
    const again = generatePaths(PROCESSES['dh-831']);
    expect(again.paths.map((path) => path.id)).toEqual(generated.paths.map((path) => path.id));
    expect(new Set(again.paths.map((path) => path.id)).size).toBe(again.paths.length);
    expect(generated.stats.dropped).toBe(0);
  });

  it('covers every gateway branch of the catalogue and every rule with an outside value', () => {
    const covered = new Set(generated.paths.flatMap((path) => path.covers));
    for (const [gateway, { branches }] of Object.entries(dh831.DH831_GATEWAYS)) {
      if (gateway === 'DH-851.GW.OPEN' || gateway === 'DH-831.GW.REMINDER_OPEN') continue;
      for (const branch of Object.keys(branches)) expect(covered).toContain(`${gateway}.${branch}`);
    }
    for (const id of ['001', '002', '003', '010', '011', '012', '014', '016']) {
      expect(covered).toContain(`EC.AUTH.${id}`);
    }
    expect(covered).toContain('DH-851.GW.OPEN');
    expect(covered).toContain('DH-831.GW.REMINDER_OPEN.open');
  });

  for (const path of generated.paths) {
    it(`${path.title} [${path.id}]`, () => {
      const result = runScenario(path.toScenario(), { processes: PROCESSES });
      expect(result.passed, describeFailures(result)).toBe(true);
    });
  }
});
