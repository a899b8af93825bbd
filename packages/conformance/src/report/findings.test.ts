import { describe, expect, it } from 'vitest';
import type { Check } from '../sut/verdicts.ts';
import { differenceOf } from './difference.ts';
import { groupFindings } from './findings.ts';
import { buildConformReport, reproduceCommand } from './report.ts';

const check = (path: string, id: string, rest: Partial<Check>): Check => ({
  id: `${path}:${id}`,
  path,
  verdict: 'FAIL',
  title: '',
  step: null,
  interpretations: [],
  expected: '',
  actual: '',
  at: null,
  ...rest,
});

/** A wrong objection window as the judge reports it in one path (its own step, then the customer's). */
function windowOneDayShort(path: string, wantAt: string, gotAt: string): Check[] {
  return [
    check(path, 'step#3', {
      title: 'step 4: CM_REQ_OFF_BP_06 (instant: 23 h 59 min earlier)',
      step: 'CM_REQ_OFF_BP_06',
      expected: `CM_REQ_OFF_BP_06 by customer at ${wantAt}`,
      actual: `CM_REQ_OFF_BP_06 by customer at ${gotAt}`,
      at: gotAt,
    }),
    check(path, 'step#4', {
      title: 'step 5: CM_REQ_OFF_VNB_10 (instant: 23 h 59 min earlier)',
      step: 'CM_REQ_OFF_VNB_10',
      expected: `CM_REQ_OFF_VNB_10 by vnb at ${wantAt}`,
      actual: `CM_REQ_OFF_VNB_10 by vnb at ${gotAt}`,
      at: gotAt,
    }),
    check(path, 'message#9', {
      title: 'message 10: ABLEHNUNG_CMQF (missing)',
      step: 'CM_REQ_OFF_VNB_13',
      expected: 'ABLEHNUNG_CMQF vnb→sp [172] at 2026-03-31T10:00:06.000+02:00',
      actual: 'none',
    }),
  ];
}

describe('root-cause findings', () => {
  const a = windowOneDayShort(
    'aaaaaaaaaaaa',
    '2026-03-31T10:00:03.000+02:00',
    '2026-03-30T10:00:03.001+02:00',
  );
  const b = windowOneDayShort(
    'bbbbbbbbbbbb',
    '2026-03-31T10:00:03.001+02:00',
    '2026-03-30T10:00:03.001+02:00',
  );

  it('reads a difference without ordinal, and an instant a day ± 1 ms off as one day', () => {
    expect(a.map(differenceOf)).toEqual([
      'CM_REQ_OFF_BP_06 (instant: 1 d earlier)',
      'CM_REQ_OFF_VNB_10 (instant: 1 d earlier)',
      'ABLEHNUNG_CMQF vnb→sp [172] missing',
    ]);
    expect(differenceOf(b[1] as Check)).toBe('CM_REQ_OFF_VNB_10 (instant: 1 d earlier)');
  });

  it("collapses the paths into one finding: the SUT's own first difference, the rest as its consequences", () => {
    const { findings, differences } = groupFindings(
      [...a, ...b],
      'vnb',
      (c) => c.verdict === 'FAIL',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'F1',
      kind: 'step',
      step: 'CM_REQ_OFF_VNB_10',
      paths: ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'],
      count: 2,
      consequences: [
        { step: 'CM_REQ_OFF_BP_06', count: 2 },
        { difference: 'ABLEHNUNG_CMQF vnb→sp [172] missing', count: 2 },
      ],
    });
    // Every FAIL, grouped by its own signature, stays in the JSON.
    expect(differences.map((d) => d.count)).toEqual([2, 2, 2]);
  });

  it('leaves expected failures out of the findings and the path verdicts', () => {
    const report = buildConformReport({
      process: 'cm-req-off',
      role: 'vnb',
      target: 'http://127.0.0.1:8080/',
      strict: false,
      summary: {
        total: 3,
        pass: 0,
        warning: 0,
        inconclusive: 0,
        notJudged: 0,
        fail: 0,
        expectedFail: 3,
      },
      paths: [
        {
          id: 'aaaaaaaaaaaa',
          title: 't',
          source: 'model',
          seed: 1,
          start: '2026-03-01T00:00:00.000Z',
        },
      ],
      checks: a,
      expectedFailures: new Set(a.map((c) => c.id)),
    });
    expect(report.findings).toEqual([]);
    expect(report.paths[0]?.verdict).toBe('PASS');
    expect(report.expectedFailures).toHaveLength(3);
  });

  it('quotes a target the shell would split in the reproduce command', () => {
    expect(
      reproduceCommand(
        { process: 'dh-831', role: 'datahub', target: "http://h/a b'c", strict: true },
        { id: 'approve', source: 'scenario', seed: 3 },
      ),
    ).toBe(
      "pnpm sim conform --role datahub --process dh-831 --target 'http://h/a b'\\''c' --seed 3 --scenario approve --strict",
    );
  });
});
