import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace.ts';
import { checkExpectations, expectationsAtSeed } from './expectations.ts';
import type { ScenarioFault } from './types.ts';

let seq = 0;
function event(fields: Partial<TraceEvent> & Pick<TraceEvent, 'kind'>): TraceEvent {
  seq++;
  return {
    seq,
    at: `2026-03-02T09:00:${String(seq).padStart(2, '0')}.000+01:00`,
    atMs: Date.parse('2026-03-02T08:00:00Z') + seq * 1000,
    party: null,
    from: null,
    to: null,
    channel: null,
    step: null,
    messageCode: null,
    responseCodes: [],
    document: null,
    detail: null,
    ...fields,
  };
}

const step = (id: string, party: string) => event({ kind: 'step', step: id, party });
const deliver = (code: string | null, from: string, to: string, codes: string[] = []) =>
  event({
    kind: 'deliver',
    messageCode: code,
    from,
    to,
    party: to,
    responseCodes: codes,
    channel: 'eda',
  });

const trace: TraceEvent[] = [
  step('CM_REQ_OFF_SP_04', 'sp'),
  // A send is not a delivery, and the deliver event repeats the sender's step id: neither counts.
  event({
    kind: 'send',
    messageCode: 'ANFORDERUNG_CMQF',
    from: 'sp',
    to: 'vnb',
    step: 'CM_REQ_OFF_SP_04',
  }),
  deliver('ANFORDERUNG_CMQF', 'sp', 'vnb'),
  step('CM_REQ_OFF_VNB_05', 'vnb'),
  step('CM_REQ_OFF_VNB_09', 'vnb'),
  deliver('ANTWORT_CMQF', 'vnb', 'sp', ['99']),
  deliver(null, 'vnb', 'customer'),
  step('CM_REQ_OFF_VNB_16', 'vnb'),
];
const ended = { outcome: 'active', states: { vnb: 'active', sp: 'done' } };

describe('checkExpectations', () => {
  it('passes when every expectation holds', () => {
    const failures = checkExpectations(
      {
        outcome: 'active',
        steps: ['CM_REQ_OFF_SP_04', 'CM_REQ_OFF_VNB_05', 'CM_REQ_OFF_VNB_09', 'CM_REQ_OFF_VNB_16'],
        stepsInclude: ['CM_REQ_OFF_SP_04', 'CM_REQ_OFF_VNB_16'],
        stepsExclude: ['CM_REQ_OFF_VNB_13'],
        messages: [
          { code: 'ANFORDERUNG_CMQF', from: 'sp', to: 'vnb' },
          { code: 'ANTWORT_CMQF', responseCodes: [99] },
        ],
        states: { vnb: 'active' },
      },
      trace,
      ended,
    );
    expect(failures).toEqual([]);
  });

  it('reports the outcome and a final state with expected and actual', () => {
    const failures = checkExpectations(
      { outcome: 'rejected', states: { vnb: 'rejected', bp: 'x' } },
      trace,
      ended,
    );
    expect(failures).toEqual([
      {
        field: 'outcome',
        expected: 'rejected',
        actual: 'active',
        message: 'outcome: expected rejected, got active',
      },
      {
        field: 'states.vnb',
        expected: 'rejected',
        actual: 'active',
        message: 'states.vnb: expected rejected, got active',
      },
      {
        field: 'states.bp',
        expected: 'x',
        actual: null,
        message: 'states.bp: expected x, got (no such party in the run)',
      },
    ]);
  });

  it('shows where the step sequence first differs, with context', () => {
    const [failure] = checkExpectations(
      {
        outcome: 'active',
        steps: ['CM_REQ_OFF_SP_04', 'CM_REQ_OFF_VNB_05', 'CM_REQ_OFF_VNB_13', 'CM_REQ_OFF_VNB_16'],
      },
      trace,
      ended,
    );
    expect(failure?.field).toBe('steps');
    expect(failure?.message).toBe(
      [
        'steps differ at [2]: expected CM_REQ_OFF_VNB_13, got CM_REQ_OFF_VNB_09',
        '  expected: [0] CM_REQ_OFF_SP_04, [1] CM_REQ_OFF_VNB_05, [2] CM_REQ_OFF_VNB_13, [3] CM_REQ_OFF_VNB_16',
        '  actual:   [0] CM_REQ_OFF_SP_04, [1] CM_REQ_OFF_VNB_05, [2] CM_REQ_OFF_VNB_09, [3] CM_REQ_OFF_VNB_16',
      ].join('\n'),
    );
  });

  it('says when the trace ends early', () => {
    const [failure] = checkExpectations(
      {
        outcome: 'active',
        steps: [
          'CM_REQ_OFF_SP_04',
          'CM_REQ_OFF_VNB_05',
          'CM_REQ_OFF_VNB_09',
          'CM_REQ_OFF_VNB_16',
          'CM_REQ_OFF_VNB_19',
        ],
      },
      trace,
      ended,
    );
    expect(failure?.message.split('\n')[0]).toBe(
      'steps: the trace ends after 4 items; expected [4] CM_REQ_OFF_VNB_19 next',
    );
  });

  it('compares only deliveries that carry a message code, and response codes as text', () => {
    const [failure] = checkExpectations(
      {
        outcome: 'active',
        messages: [
          { code: 'ANFORDERUNG_CMQF' },
          { code: 'ANTWORT_CMQF', from: 'vnb', responseCodes: [175] },
        ],
      },
      trace,
      ended,
    );
    expect(failure?.message).toBe(
      [
        'messages differ at [1]: expected ANTWORT_CMQF vnb→* [175], got ANTWORT_CMQF vnb→sp [99]',
        '  expected: [0] ANFORDERUNG_CMQF, [1] ANTWORT_CMQF vnb→* [175]',
        '  actual:   [0] ANFORDERUNG_CMQF sp→vnb, [1] ANTWORT_CMQF vnb→sp [99]',
      ].join('\n'),
    );
    expect(failure?.actual).toEqual([
      { code: 'ANFORDERUNG_CMQF', from: 'sp', to: 'vnb', responseCodes: [] },
      { code: 'ANTWORT_CMQF', from: 'vnb', to: 'sp', responseCodes: ['99'] },
    ]);
  });

  it('checks relative order for stepsInclude and names a step that came only earlier', () => {
    const [failure] = checkExpectations(
      { outcome: 'active', stepsInclude: ['CM_REQ_OFF_VNB_09', 'CM_REQ_OFF_VNB_05'] },
      trace,
      ended,
    );
    expect(failure?.message.split('\n')[0]).toBe(
      'stepsInclude[1]: CM_REQ_OFF_VNB_05 not found after CM_REQ_OFF_VNB_09 (trace step [2]); it appears only earlier, at trace step [1]',
    );
  });

  it('names the event of a step that must not happen', () => {
    const [failure] = checkExpectations(
      { outcome: 'active', stepsExclude: ['CM_REQ_OFF_VNB_09'] },
      trace,
      ended,
    );
    expect(failure?.message).toBe(
      'stepsExclude: CM_REQ_OFF_VNB_09 must not happen, but vnb performed it at 2026-03-02T09:00:05.000+01:00 (event #5)',
    );
  });

  it('reports a run without outcome', () => {
    const [failure] = checkExpectations({ outcome: 'active' }, [], { outcome: null, states: {} });
    expect(failure?.message).toBe(
      'outcome: expected active, got (none: the run did not reach an outcome)',
    );
  });
});

describe('expectationsAtSeed', () => {
  const expect_ = {
    outcome: 'active',
    steps: ['CM_REQ_OFF_SP_04'],
    stepsInclude: ['CM_REQ_OFF_SP_04'],
    messages: [{ code: 'ANFORDERUNG_CMQF' }],
    states: { vnb: 'active' },
  };
  const scenario = (faults: ScenarioFault[]) => ({ seed: 17, faults, expect: expect_ });
  const seeded: ScenarioFault = { kind: 'drop', channel: 'eda', probability: 0.3 };

  it('with seeded faults, leaves the exact steps and messages out at another seed only', () => {
    expect(expectationsAtSeed(scenario([seeded]), 17)).toEqual({ expect: expect_, unchecked: [] });
    const other = expectationsAtSeed(scenario([seeded]), 5);
    expect(other.unchecked).toEqual(['steps', 'messages']);
    expect(other.expect).toEqual({
      outcome: 'active',
      stepsInclude: ['CM_REQ_OFF_SP_04'],
      states: { vnb: 'active' },
    });
    const stepsOnly = { ...scenario([seeded]), expect: { outcome: 'active', steps: ['X'] } };
    expect(expectationsAtSeed(stepsOnly, 5).unchecked).toEqual(['steps']);
  });

  it('checks everything at every seed when no fault is seeded (nth, probability 0 or 1)', () => {
    const faults: ScenarioFault[] = [
      { kind: 'drop', nth: 1 },
      { kind: 'duplicate', probability: 1 },
      { kind: 'corrupt', probability: 0 },
    ];
    expect(expectationsAtSeed(scenario(faults), 5)).toEqual({ expect: expect_, unchecked: [] });
  });
});
