import { describe, expect, it } from 'vitest';
import { mermaidText, renderMermaid } from './mermaid.ts';
import { SAMPLE_RUN, traceEvent } from './sample-run.ts';

describe('renderMermaid', () => {
  it('marks where a failed run parts from its expected messages, on the first differing one', () => {
    const failed = {
      ...SAMPLE_RUN,
      passed: false,
      failures: [
        {
          field: 'messages',
          expected: [],
          actual: [],
          message:
            'messages differ at [1]: expected ANTWORT_CMQF vnb→* [175], got ANTWORT_CMQF vnb→sp [99]\n  expected: …',
        },
      ],
    };
    const lines = renderMermaid(failed).split('\n');
    const at = lines.indexOf('    vnb->>sp: 10:00:06 ANTWORT_CMQF [99]');
    expect(lines[at + 1]).toBe(
      '    Note over vnb,sp: ✗ expected and actual part here: messages differ at [1]: expected ANTWORT_CMQF vnb→* [175], got ANTWORT_CMQF vnb→sp [99]',
    );
    expect(lines.filter((l) => l.includes('✗'))).toHaveLength(1);
    // A run that ended early is marked after its last message; a passing run is not marked.
    const ended = renderMermaid({
      ...failed,
      failures: [
        {
          field: 'messages',
          expected: [],
          actual: [],
          message: 'messages: the trace ends after 3 items; expected [3] X next',
        },
      ],
    });
    expect(ended.trimEnd().split('\n').at(-2)).toContain(
      '✗ expected and actual part here: messages: the trace ends',
    );
    expect(renderMermaid(SAMPLE_RUN)).not.toContain('✗');
  });

  it('draws participants, delivered messages, step/stimulus/fault notes and one block per day (golden)', () => {
    expect(renderMermaid(SAMPLE_RUN)).toBe(`sequenceDiagram
  participant customer
  participant vnb
  participant sp
  rect rgba(128, 128, 128, 0.08)
    Note over customer,sp: Mon 2026-03-02 · day 0 · UTC+01:00
    Note over customer: 09:00:00 ▶ apply
    Note over customer: 09:00:00 CM_REQ_OFF_BP_01
    Note over vnb: 09:00:00 CM_REQ_OFF_VNB_03
    vnb-->>customer: 09:05:00 email
  end
  rect rgba(64, 128, 255, 0.08)
    Note over customer,sp: Thu 2026-03-05 · day 3 · UTC+01:00
    Note over customer: 10:00:00 ▶ handOverQr
    Note over sp: 10:00:00 CM_REQ_OFF_SP_04
    Note over sp,vnb: 10:00:00 ⚡ duplicate eda ANFORDERUNG_CMQF
    sp->>vnb: 10:00:03 ANFORDERUNG_CMQF
    Note over vnb: 10:00:03 CM_REQ_OFF_VNB_05
    vnb->>sp: 10:00:06 ANTWORT_CMQF [99]
  end
  rect rgba(128, 128, 128, 0.08)
    Note over customer,sp: Tue 2026-03-10 · day 8 · UTC+01:00
    Note over vnb: 10:00:03 CM_REQ_OFF_VNB_16
    vnb->>sp: 10:00:06 ANTWORT_CMQF [175]
  end
`);
  });

  it('escapes what Mermaid reads as syntax and gives reserved or odd party names safe ids', () => {
    const run = {
      ...SAMPLE_RUN,
      events: [
        traceEvent(1, {
          kind: 'stimulus',
          at: '2026-03-02T09:00:00.000+01:00',
          party: 'end',
          detail: { type: 'stimulus.say "hi"; #1 <b> 50%' },
        }),
        traceEvent(2, {
          kind: 'deliver',
          at: '2026-03-02T09:00:01.500+01:00',
          party: 'vnb 2',
          from: 'end',
          to: 'vnb 2',
          channel: 'eda',
          messageCode: 'ANTWORT_CMQF',
          responseCodes: ['99', '175'],
        }),
      ],
    };
    expect(renderMermaid(run)).toBe(`sequenceDiagram
  participant p_end as end
  participant vnb_2 as vnb 2
  rect rgba(128, 128, 128, 0.08)
    Note over p_end,vnb_2: Mon 2026-03-02 · day 0 · UTC+01:00
    Note over p_end: 09:00:00 ▶ say #quot;hi#quot;#59; #35;1 #lt;b#gt; 50#37;
    p_end->>vnb_2: 09:00:01.500 ANTWORT_CMQF [99, 175]
  end
`);
  });

  it('maps each troublesome character to one entity, never escaping an escape', () => {
    expect(mermaidText('#;')).toBe('#35;#59;');
    expect(mermaidText('line\r\nbreak')).toBe('line break');
  });
});
