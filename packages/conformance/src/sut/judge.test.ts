import { describe, expect, it } from 'vitest';
import { codeVerdict } from './judge.ts';
import { type Check, strict } from './verdicts.ts';

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
