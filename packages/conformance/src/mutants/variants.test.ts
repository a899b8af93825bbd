/**
 * Issue 12 build 5: the legitimate variants of the catalogue — correct systems that differ from
 * the reference only where the documents allow — and the runner that must tell a false FAIL.
 * Every variant's focus paths run in `sim mutants --max-paths 0` (apps/sim mutants.test.ts);
 * the late SP, seller, DSO and Datahub run over every path in sut/later.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { PROCESSES, type ProcessName } from '../processes/index.ts';
import { collectPaths } from '../vectors/sources.ts';
import { answeringLater, writing } from './variant-writers.ts';
import { runVariant } from './variants-run.ts';

const VARIANTS = Object.values(PROCESSES).flatMap((p) => p.variants);
const scenarios = [...shippedScenarios('cm-req-off'), ...shippedScenarios('dh-831')];

describe('legitimate variants', () => {
  it('has own ids, 1 s later, 1 min later and no steps for each client role, and a variant for every role', () => {
    expect(new Set(VARIANTS.map((v) => v.id)).size).toBe(VARIANTS.length);
    for (const variant of VARIANTS) {
      expect(variant.id).toMatch(new RegExp(`^${variant.process}/legit-${variant.role}-`));
      expect(variant.differs, variant.id).toMatch(/correct/);
    }
    for (const [process, role] of [
      ['cm-req-off', 'sp'],
      ['dh-831', 'seller'],
    ] as const) {
      const names = VARIANTS.filter((v) => v.process === process && v.role === role).map((v) =>
        v.id.slice(`${process}/legit-${role}-`.length),
      );
      expect(names).toEqual(
        expect.arrayContaining(['own-ids', 'prefixes', '1s-later', '1min-later', 'no-steps']),
      );
    }
    for (const name of Object.keys(PROCESSES) as ProcessName[]) {
      for (const role of PROCESSES[name].roles) {
        expect(
          VARIANTS.some((v) => v.process === name && v.role === role),
          `${name}/${role}`,
        ).toBe(true);
      }
    }
  });

  it('names in focus only paths its role runs (a focus that matches nothing would test nothing)', () => {
    const pathIds = new Map<string, Set<string>>();
    for (const variant of VARIANTS) {
      const served = `${variant.process}/${variant.role}`;
      const plugin = PROCESSES[variant.process as ProcessName];
      const ids =
        pathIds.get(served) ??
        new Set(collectPaths(plugin, { scenarios, judging: variant.role }).paths.map((p) => p.id));
      pathIds.set(served, ids);
      expect(variant.focus.length, variant.id).toBeGreaterThan(0);
      for (const id of variant.focus) expect(ids.has(id), `${variant.id}: ${id}`).toBe(true);
    }
  });

  // The runner can fail: a "variant" that is not legitimate is reported as FALSE-FAIL, naming
  // its first failing check.
  it('reports a system a day late as FALSE-FAIL (lateness beyond an hour is no variant)', async () => {
    const plugin = PROCESSES['cm-req-off'];
    const { verdict } = await runVariant(
      plugin,
      {
        id: 'cm-req-off/legit-sp-1-day-later',
        process: 'cm-req-off',
        role: 'sp',
        differs: 'not correct: a day late',
        transport: answeringLater(24 * 3_600_000),
        focus: ['happy-path'],
      },
      { scenarios, maxPaths: 0 },
    );
    expect(verdict.status).toBe('FALSE-FAIL');
    if (verdict.status !== 'FALSE-FAIL') return;
    expect(verdict.check.path).toBe('happy-path');
    expect(verdict.check.id).toMatch(/^happy-path:(message|step|document)#/);
  }, 60_000);

  it('reports a writer that changes a field taken from the input as FALSE-FAIL', async () => {
    const plugin = PROCESSES['dh-831'];
    const { verdict } = await runVariant(
      plugin,
      {
        id: 'dh-831/legit-seller-own-request-id',
        process: 'dh-831',
        role: 'seller',
        differs: 'not correct: the RequestId is the stimulus value (DH-831.SELLER.SEND)',
        transport: writing((item) =>
          item.document === null
            ? item
            : { ...item, document: item.document.replace(/RequestId>REQ-/g, 'RequestId>OWN-') },
        ),
        focus: ['approved'],
      },
      { scenarios, maxPaths: 0 },
    );
    expect(verdict.status).toBe('FALSE-FAIL');
    if (verdict.status !== 'FALSE-FAIL') return;
    expect(verdict.check.id).toMatch(/^approved:/);
  }, 60_000);

  it('counts what a passing run may hold: NOT_JUDGED without steps, WARNINGs when late', async () => {
    const find = (id: string) => {
      const variant = VARIANTS.find((v) => v.id === id);
      if (variant === undefined) throw new Error(`variant ${id} is gone`);
      return variant;
    };
    const plugin = PROCESSES['cm-req-off'];
    const noSteps = await runVariant(plugin, find('cm-req-off/legit-sp-no-steps'), {
      scenarios,
      maxPaths: 0,
    });
    expect(noSteps.verdict).toMatchObject({ status: 'PASS', paths: 1 });
    expect(noSteps.verdict.counts.notJudged).toBeGreaterThan(0);
    const later = await runVariant(plugin, find('cm-req-off/legit-sp-1s-later'), {
      scenarios,
      maxPaths: 0,
    });
    expect(later.verdict.status).toBe('PASS');
    expect(later.verdict.counts.warning).toBeGreaterThan(0);
    // The redemption at the deadline's last millisecond crosses it when 1 s late.
    expect(later.verdict.counts.inconclusive).toBeGreaterThan(0);
  }, 60_000);
});
