import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { PROCESSES, type ProcessName } from '../processes/index.ts';
import { mutationScore, runRoleUntilFail } from './run.ts';

const MUTANTS = Object.values(PROCESSES).flatMap((p) => p.mutants);

const scenarios = [...shippedScenarios('cm-req-off'), ...shippedScenarios('dh-831')];

describe('mutants', () => {
  for (const [process, role] of [
    ['cm-req-off', 'vnb'],
    ['cm-req-off', 'sp'],
    ['cm-req-off', 'customer'],
    ['dh-831', 'datahub'],
    ['dh-831', 'seller'],
    ['dh-831', 'customer'],
  ] as const satisfies readonly (readonly [ProcessName, string])[]) {
    it(`the reference ${role} passes every path that kills a ${process} mutant (no false kills)`, async () => {
      const focus = [
        ...new Set(
          MUTANTS.filter((m) => m.process === process && m.role === role).flatMap((m) => m.focus),
        ),
      ];
      expect(focus.length).toBeGreaterThanOrEqual(2);
      const verdict = await runRoleUntilFail(PROCESSES[process], role, undefined, focus, {
        scenarios,
        maxPaths: 0,
      });
      expect(verdict.status === 'KILLED' ? verdict.check : verdict.status).toBe('SURVIVED');
      expect(verdict.paths).toBe(focus.length);
    }, 60_000);
  }

  it('a mutant that is another reading (or another open code) draws WARNINGs, no FAIL, by default', async () => {
    const strictOnly = MUTANTS.filter((m) => m.strictOnly !== undefined);
    expect(strictOnly.length).toBeGreaterThanOrEqual(9);
    for (const mutant of strictOnly) {
      const writer = mutant.documents === undefined ? {} : { documents: mutant.documents };
      const lenient = await runRoleUntilFail(
        PROCESSES[mutant.process as ProcessName],
        mutant.role,
        { [mutant.role]: mutant.machine() },
        mutant.focus,
        { scenarios, maxPaths: 0, ...writer },
      );
      expect(lenient.status === 'KILLED' ? lenient.check : lenient.status, mutant.id).toBe(
        'SURVIVED',
      );
      const strict = await runRoleUntilFail(
        PROCESSES[mutant.process as ProcessName],
        mutant.role,
        { [mutant.role]: mutant.machine() },
        mutant.focus,
        { scenarios, maxPaths: 0, strict: true, ...writer },
      );
      expect(strict.status === 'KILLED' ? strict.check.title : '', mutant.id).toContain(
        '[strict: a WARNING under',
      );
    }
  }, 120_000);

  it('has at least 25 mutants across both processes, unique ids, each with focus paths', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
    expect(new Set(MUTANTS.map((m) => m.process))).toEqual(new Set(['cm-req-off', 'dh-831']));
    for (const mutant of MUTANTS) expect(mutant.focus.length, mutant.id).toBeGreaterThan(0);
  });

  it('scores killed over killed + survived, equivalents excluded', () => {
    const [a, b, c] = MUTANTS;
    if (a === undefined || b === undefined || c === undefined) throw new Error('three mutants');
    const check = {
      id: 'x',
      path: 'x',
      verdict: 'FAIL' as const,
      title: '',
      step: null,
      interpretations: [],
      expected: '',
      actual: '',
      at: null,
    };
    expect(
      mutationScore([
        { mutant: a, verdict: { status: 'KILLED', check, paths: 1, strict: false } },
        { mutant: b, verdict: { status: 'SURVIVED', paths: 3 } },
        { mutant: c, verdict: { status: 'EQUIVALENT', reason: 'r' } },
      ]),
    ).toEqual({ killed: 1, survived: 1, equivalent: 1, score: 0.5 });
  });
});
