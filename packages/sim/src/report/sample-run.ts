import type { TraceEvent } from '../trace.ts';
import type { RunResult } from './run-result.ts';

type EventFields = Partial<TraceEvent> & Pick<TraceEvent, 'kind' | 'at'>;

/** A trace event with every field present, as the recorder writes them. */
export function traceEvent(seq: number, fields: EventFields): TraceEvent {
  return {
    seq,
    atMs: Date.parse(fields.at),
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

const events: EventFields[] = [
  {
    kind: 'stimulus',
    at: '2026-03-02T09:00:00.000+01:00',
    party: 'customer',
    detail: { type: 'stimulus.apply', channel: 'email' },
  },
  {
    kind: 'step',
    at: '2026-03-02T09:00:00.000+01:00',
    party: 'customer',
    step: 'CM_REQ_OFF_BP_01',
  },
  { kind: 'step', at: '2026-03-02T09:00:00.000+01:00', party: 'vnb', step: 'CM_REQ_OFF_VNB_03' },
  {
    kind: 'send',
    at: '2026-03-02T09:00:00.000+01:00',
    party: 'vnb',
    from: 'vnb',
    to: 'customer',
    channel: 'email',
    step: 'CM_REQ_OFF_VNB_03',
  },
  {
    kind: 'deliver',
    at: '2026-03-02T09:05:00.000+01:00',
    party: 'customer',
    from: 'vnb',
    to: 'customer',
    channel: 'email',
    step: 'CM_REQ_OFF_VNB_03',
    detail: { envelope: 'env-1', sentAt: 1772438400000, subject: 'Your QR code' },
  },
  {
    kind: 'stimulus',
    at: '2026-03-05T10:00:00.000+01:00',
    party: 'customer',
    detail: { type: 'stimulus.handOverQr' },
  },
  { kind: 'step', at: '2026-03-05T10:00:00.000+01:00', party: 'sp', step: 'CM_REQ_OFF_SP_04' },
  {
    kind: 'fault',
    at: '2026-03-05T10:00:00.000+01:00',
    party: 'sp',
    from: 'sp',
    to: 'vnb',
    channel: 'eda',
    messageCode: 'ANFORDERUNG_CMQF',
    detail: { fault: 'duplicate', rule: 'duplicate#0', envelope: 'env-2' },
  },
  {
    kind: 'deliver',
    at: '2026-03-05T10:00:03.000+01:00',
    party: 'vnb',
    from: 'sp',
    to: 'vnb',
    channel: 'eda',
    messageCode: 'ANFORDERUNG_CMQF',
    detail: { envelope: 'env-2', sentAt: 1772701200000 },
  },
  { kind: 'step', at: '2026-03-05T10:00:03.000+01:00', party: 'vnb', step: 'CM_REQ_OFF_VNB_05' },
  {
    kind: 'state',
    at: '2026-03-05T10:00:03.000+01:00',
    party: 'vnb',
    detail: { type: 'actor', value: 'objectionWindow' },
  },
  {
    kind: 'deliver',
    at: '2026-03-05T10:00:06.000+01:00',
    party: 'sp',
    from: 'vnb',
    to: 'sp',
    channel: 'eda',
    messageCode: 'ANTWORT_CMQF',
    responseCodes: ['99'],
    detail: { envelope: 'env-3', sentAt: 1772701203000 },
  },
  { kind: 'step', at: '2026-03-10T10:00:03.000+01:00', party: 'vnb', step: 'CM_REQ_OFF_VNB_16' },
  {
    kind: 'deliver',
    at: '2026-03-10T10:00:06.000+01:00',
    party: 'sp',
    from: 'vnb',
    to: 'sp',
    channel: 'eda',
    messageCode: 'ANTWORT_CMQF',
    responseCodes: ['175'],
    detail: { envelope: 'env-4', sentAt: 1773133203000 },
  },
  {
    kind: 'data',
    at: '2026-03-10T10:00:06.000+01:00',
    party: 'sp',
    from: 'vnb',
    to: 'sp',
    detail: { type: 'data', kind: 'QH', consentId: 'AT0010002026030209000000012345678' },
  },
];

/**
 * A hand-made run of CM_REQ_OFF's happy path (QR by e-mail on day 0, hand-over on day 3, no
 * objection within 5 days), small enough for golden reporter tests.
 */
export const SAMPLE_RUN: RunResult = {
  scenario: 'cm-req-off/happy-path',
  process: 'cm-req-off',
  seed: 1,
  passed: true,
  outcome: 'active',
  summary:
    'The customer hands the QR code over on day 3 and does not object; the release becomes active.',
  events: events.map((fields, index) => traceEvent(index + 1, fields)),
  failures: [],
  violations: [],
  durationVirtualMs:
    Date.parse('2026-03-10T10:00:06.000+01:00') - Date.parse('2026-03-02T09:00:00.000+01:00'),
};

/** The same run judged against different expectations: wrong outcome, a step it never took. */
export const FAILED_RUN: RunResult = {
  ...SAMPLE_RUN,
  scenario: 'cm-req-off/objection',
  passed: false,
  summary: 'The customer objects on day 2 after the request; the release is rejected.',
  failures: [
    {
      field: 'outcome',
      expected: 'rejected',
      actual: 'active',
      message: 'outcome: expected rejected, got active',
    },
    {
      field: 'stepsInclude',
      expected: ['CM_REQ_OFF_VNB_05', 'CM_REQ_OFF_VNB_13'],
      actual: [
        'CM_REQ_OFF_BP_01',
        'CM_REQ_OFF_VNB_03',
        'CM_REQ_OFF_SP_04',
        'CM_REQ_OFF_VNB_05',
        'CM_REQ_OFF_VNB_16',
      ],
      message:
        'stepsInclude[1]: CM_REQ_OFF_VNB_13 not found after CM_REQ_OFF_VNB_05 (trace step [3])\n  actual steps: CM_REQ_OFF_BP_01, CM_REQ_OFF_VNB_03, CM_REQ_OFF_SP_04, CM_REQ_OFF_VNB_05, CM_REQ_OFF_VNB_16',
    },
  ],
  violations: [
    {
      invariant: 'no-data-without-consent',
      message: 'data released before the objection window ended',
      seq: 15,
    },
  ],
};
