import { describe, expect, it } from 'vitest';
import type { Colors } from './run-result.ts';
import { FAILED_RUN, SAMPLE_RUN, traceEvent } from './sample-run.ts';
import { renderText } from './text.ts';

const GOLDEN = `cm-req-off/happy-path  seed 1
The customer hands the QR code over on day 3 and does not object; the release becomes active.

── Mon 2026-03-02 · day 0 · UTC+01:00 ────────────────────────────────────────
09:00:00.000  stimulus  customer        apply  channel=email
09:00:00.000  step      customer        CM_REQ_OFF_BP_01
09:00:00.000  step      vnb             CM_REQ_OFF_VNB_03
09:05:00.000  deliver   vnb → customer  email  subject=Your QR code

── Thu 2026-03-05 · day 3 · UTC+01:00 ────────────────────────────────────────
10:00:00.000  stimulus  customer        handOverQr
10:00:00.000  step      sp              CM_REQ_OFF_SP_04
10:00:00.000  fault     sp → vnb        duplicate eda ANFORDERUNG_CMQF  rule=duplicate#0
10:00:03.000  deliver   sp → vnb        eda ANFORDERUNG_CMQF
10:00:03.000  step      vnb             CM_REQ_OFF_VNB_05
10:00:06.000  deliver   vnb → sp        eda ANTWORT_CMQF [99]

── Tue 2026-03-10 · day 8 · UTC+01:00 ────────────────────────────────────────
10:00:03.000  step      vnb             CM_REQ_OFF_VNB_16
10:00:06.000  deliver   vnb → sp        eda ANTWORT_CMQF [175]
10:00:06.000  data      vnb → sp        data QH  consentId=AT0010002026030209000000012345678

──────────────────────────────────────────────────────────────────────────────
PASS  cm-req-off/happy-path  seed 1  outcome active  virtual 8d 01:00:06.000
`;

describe('renderText', () => {
  it('renders the timeline with day separators and a verdict (golden)', () => {
    expect(renderText(SAMPLE_RUN)).toBe(GOLDEN);
  });

  it('shows expected vs actual for every failure and each invariant violation', () => {
    const verdict = renderText(FAILED_RUN).split('─'.repeat(78))[1];
    expect(verdict).toBe(`
FAIL  cm-req-off/objection  seed 1  outcome active  virtual 8d 01:00:06.000
  ✗ outcome: expected rejected, got active
      expected: "rejected"
      actual:   "active"
  ✗ stepsInclude[1]: CM_REQ_OFF_VNB_13 not found after CM_REQ_OFF_VNB_05 (trace step [3])
      actual steps: CM_REQ_OFF_BP_01, CM_REQ_OFF_VNB_03, CM_REQ_OFF_SP_04, CM_REQ_OFF_VNB_05, CM_REQ_OFF_VNB_16
  ✗ invariant no-data-without-consent (event #15): data released before the objection window ended
`);
  });

  it('uses the injected colours', () => {
    const tag = (name: string) => (text: string) => `<${name}>${text}</${name}>`;
    const colors: Colors = {
      bold: tag('b'),
      dim: tag('d'),
      red: tag('r'),
      green: tag('g'),
      yellow: tag('y'),
      cyan: tag('c'),
    };
    const text = renderText(FAILED_RUN, { colors });
    expect(text).toContain('<c>CM_REQ_OFF_VNB_05</c>');
    expect(text).toContain('<y>duplicate eda ANFORDERUNG_CMQF</y>');
    expect(text).toContain('<r><b>FAIL</b></r>');
    expect(renderText(SAMPLE_RUN, { colors })).toContain('<g><b>PASS</b></g>');
  });

  it('shows bookkeeping kinds only when asked', () => {
    expect(renderText(SAMPLE_RUN)).not.toContain('objectionWindow');
    expect(renderText(SAMPLE_RUN, { kinds: ['state'] })).toContain(
      '10:00:03.000  state  vnb  → objectionWindow',
    );
  });

  it('marks a line whose offset differs from its day (DST switch at 03:00 local)', () => {
    const run = {
      ...SAMPLE_RUN,
      events: [
        traceEvent(1, {
          kind: 'step',
          at: '2026-03-29T01:30:00.000+01:00',
          party: 'vnb',
          step: 'CM_REQ_OFF_VNB_17',
        }),
        traceEvent(2, {
          kind: 'step',
          at: '2026-03-29T03:30:00.000+02:00',
          party: 'vnb',
          step: 'CM_REQ_OFF_VNB_18',
        }),
      ],
    };
    const lines = renderText(run).split('\n');
    expect(lines.slice(3, 6)).toEqual([
      '── Sun 2026-03-29 · day 0 · UTC+01:00 ────────────────────────────────────────',
      '01:30:00.000  step  vnb  CM_REQ_OFF_VNB_17',
      '03:30:00.000+02:00  step  vnb  CM_REQ_OFF_VNB_18',
    ]);
  });
});
