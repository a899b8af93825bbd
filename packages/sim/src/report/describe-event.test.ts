import { describe, expect, it } from 'vitest';
import { describeEvent, summarizeDetail } from './describe-event.ts';
import { traceEvent } from './sample-run.ts';

const at = '2026-03-02T09:00:00.000+01:00';

describe('describeEvent', () => {
  it('reads the engine detail shapes of every kind', () => {
    const cases = [
      traceEvent(1, {
        kind: 'stimulus',
        at,
        party: 'sp',
        detail: { type: 'stimulus.sendRequest', meteringPoint: 'AT001' },
      }),
      traceEvent(2, {
        kind: 'state',
        at,
        party: 'vnb',
        detail: { type: 'actor', value: { consent: 'open' } },
      }),
      traceEvent(3, {
        kind: 'state',
        at,
        party: 'vnb',
        detail: { type: 'consent', consentId: 'C1', status: 'active' },
      }),
      traceEvent(4, {
        kind: 'timer',
        at,
        party: 'vnb',
        detail: { actor: 'consent-C1', event: 'xstate.after.objection' },
      }),
      traceEvent(5, {
        kind: 'note',
        at,
        party: 'sp',
        detail: { type: 'undeliverable', event: 'receive.X' },
      }),
      traceEvent(6, {
        kind: 'invariant',
        at,
        detail: { invariant: 'accounted', message: 'lost env-3', detail: null },
      }),
      traceEvent(7, {
        kind: 'step',
        at,
        party: 'vnb',
        step: 'CM_REQ_OFF_VNB_05',
        detail: { actor: null },
      }),
    ];
    expect(cases.map(describeEvent)).toEqual([
      { who: 'sp', what: 'sendRequest', detail: 'meteringPoint=AT001' },
      { who: 'vnb', what: '→ {"consent":"open"}', detail: '' },
      { who: 'vnb', what: 'consent active', detail: 'consentId=C1' },
      { who: 'vnb', what: 'timer xstate.after.objection', detail: 'actor=consent-C1' },
      { who: 'sp', what: 'undeliverable', detail: 'event=receive.X' },
      { who: '', what: 'invariant accounted', detail: 'lost env-3' },
      { who: 'vnb', what: 'CM_REQ_OFF_VNB_05', detail: '' },
    ]);
  });

  it('keeps a detail on one short line', () => {
    const long = summarizeDetail({ text: `first line\nsecond ${'x'.repeat(100)}` }, []);
    expect(long).toHaveLength(72);
    expect(long.startsWith('text=first line second x')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });
});
