import type { Scenario, TraceEvent } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { cmReqOffPolicy } from '../../processes/cm-req-off/policy.ts';
import { dh831Policy } from '../../processes/dh-831/policy.ts';
import { type Check, strict } from '../verdicts.ts';
import { judge } from './judge.ts';

const codeVerdict = (
  process: 'cm-req-off' | 'dh-831',
  ...pair: Parameters<typeof cmReqOffPolicy.codeVerdict>
) => (process === 'cm-req-off' ? cmReqOffPolicy : dh831Policy).codeVerdict(...pair);

const msg = (messageCode: string, responseCodes: string[]) => ({ messageCode, responseCodes });

describe('codeVerdict: which code differences the documents decide', () => {
  it('CM_REQ_OFF: 175 is the one code the page names, so its absence or presence is a FAIL', () => {
    expect(
      codeVerdict('cm-req-off', msg('ANTWORT_CMQF', ['175']), msg('ANTWORT_CMQF', ['99'])),
    ).toMatchObject({
      verdict: 'FAIL',
      key: 'OFF-ANSWER-CODES',
    });
    expect(
      codeVerdict('cm-req-off', msg('ANTWORT_CMQF', ['99']), msg('ANTWORT_CMQF', ['175'])),
    ).toMatchObject({
      verdict: 'FAIL',
    });
  });

  it('CM_REQ_OFF: a rejection must carry a negative code; which negative one is open (WARNING)', () => {
    expect(
      codeVerdict('cm-req-off', msg('ABLEHNUNG_CMQF', ['180']), msg('ABLEHNUNG_CMQF', ['99'])),
    ).toMatchObject({
      verdict: 'FAIL',
      key: 'OFF-RESPONSE-CODES',
    });
    expect(
      codeVerdict('cm-req-off', msg('ABLEHNUNG_CMQF', ['180']), msg('ABLEHNUNG_CMQF', ['177'])),
    ).toMatchObject({
      verdict: 'WARNING',
      key: 'OFF-RESPONSE-CODES',
    });
    expect(
      codeVerdict('cm-req-off', msg('ANTWORT_CMQF', ['99']), msg('ANTWORT_CMQF', [])),
    ).toMatchObject({
      verdict: 'WARNING',
      key: 'OFF-ANSWER-CODES',
    });
  });

  it('DH-831: a positive ACK for a negative one (or the reverse) is a FAIL, another error id a WARNING', () => {
    expect(codeVerdict('dh-831', msg('ACK', ['EC.AUTH.002']), msg('ACK', []))).toMatchObject({
      verdict: 'FAIL',
    });
    expect(codeVerdict('dh-831', msg('ACK', []), msg('ACK', ['EC.AUTH.001']))).toMatchObject({
      verdict: 'FAIL',
    });
    expect(
      codeVerdict('dh-831', msg('ACK', ['EC.AUTH.002']), msg('ACK', ['EC.AUTH.001'])),
    ).toMatchObject({
      verdict: 'WARNING',
      key: 'DH-ERROR-IDS',
    });
  });
});

describe('strict', () => {
  it('turns every WARNING into a FAIL that names the reading, and leaves the rest', () => {
    const base = { path: 'p', step: null, expected: '', actual: '', at: null, title: 'message 2' };
    const checks: Check[] = [
      { ...base, id: 'p:message#1', verdict: 'PASS', interpretations: [] },
      { ...base, id: 'p:message#2', verdict: 'WARNING', interpretations: ['OFF-RESPONSE-CODES'] },
    ];
    const judged = strict(checks);
    expect(judged.map((c) => c.verdict)).toEqual(['PASS', 'FAIL']);
    expect(judged[1]?.title).toBe('message 2 [strict: a WARNING under OFF-RESPONSE-CODES]');
    expect(checks[1]?.verdict).toBe('WARNING');
  });
});

describe('judge: steps reported under an alias (OFF-STEP-IDS)', () => {
  const at = '2026-03-20T10:00:00.000+01:00';
  const step = (id: string, party: string): TraceEvent => ({
    seq: 0,
    at,
    atMs: Date.parse(at),
    kind: 'step',
    party,
    from: null,
    to: null,
    channel: null,
    step: id,
    messageCode: null,
    responseCodes: [],
    document: null,
    detail: null,
  });
  const run = (reported: string) =>
    judge({
      pathId: 'p',
      role: 'vnb',
      scenario: { process: 'cm-req-off', expect: {} } as unknown as Scenario,
      policy: cmReqOffPolicy,
      covers: [],
      trace: [step(reported, 'vnb')],
      reference: [step('CM_REQ_ONL_VNB_15', 'vnb')],
      sutDocuments: [],
      errors: [],
    });

  it('compares the canonical id and warns, naming the alias', () => {
    const [check] = run('CM_REQ_OFF_VNB_15');
    expect(check).toMatchObject({ verdict: 'WARNING', interpretations: ['OFF-STEP-IDS'] });
    expect(check?.title).toContain('reported as its alias CM_REQ_OFF_VNB_15');
  });

  it('passes the canonical id and fails another step', () => {
    expect(run('CM_REQ_ONL_VNB_15')[0]?.verdict).toBe('PASS');
    expect(run('CM_REQ_OFF_VNB_16')[0]?.verdict).toBe('FAIL');
  });
});
