// Every generated CM_REQ_OFF path runs through the real engine (machines, EDA XML, QR images,
// virtual time) and must match the expectation the test model derived from the catalogue.
import { generatePaths, PROCESSES } from '@consent-sim/conformance';
import { runScenario } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { describeFailures } from './describe-failures.ts';

const generated = generatePaths(PROCESSES['cm-req-off']);

describe(`cm-req-off model paths (${generated.stats.count} generated in ${generated.stats.generationMs} ms)`, () => {
  it('generation is deterministic: the same ids in the same order twice', () => {
    const again = generatePaths(PROCESSES['cm-req-off']);
    expect(again.paths.map((path) => path.id)).toEqual(generated.paths.map((path) => path.id));
    expect(new Set(again.paths.map((path) => path.id)).size).toBe(again.paths.length);
    expect(generated.stats.dropped).toBe(0);
  });

  it('reaches every final state of the model and every VNB_06 branch but schema and metering point', () => {
    const covered = new Set(generated.paths.flatMap((path) => path.covers));
    for (const branch of [
      'duplicate',
      'sender',
      'unknownConsent',
      'expired',
      'mismatch',
      'redeemed',
    ]) {
      expect(covered).toContain(`VNB_06.no.${branch}`);
    }
    for (const key of ['VNB_06.yes', 'BP_05.yes', 'BP_05.no', 'VNB_10.yes', 'VNB_10.no']) {
      expect(covered).toContain(key);
    }
  });

  for (const path of generated.paths) {
    it(`${path.title} [${path.id}]`, () => {
      const result = runScenario(path.toScenario(), { processes: PROCESSES });
      expect(result.passed, describeFailures(result)).toBe(true);
    });
  }
});
