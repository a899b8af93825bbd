import { describe, expect, it } from 'vitest';
import type { Envelope } from '../envelope.ts';
import { channelLatencies, faultRules } from './engine-options.ts';

const envelope = (messageCode: string | null): Envelope => ({
  id: 'env-1',
  channel: 'eda',
  from: 'sp',
  to: 'vnb',
  sentAt: 0,
  payload: '<x/>',
  messageCode,
  responseCodes: [],
  step: null,
  document: null,
});

describe('faultRules', () => {
  it('turns scenario faults into network rules named after their place in the file', () => {
    const [drop, delay] = faultRules([
      { kind: 'drop', channel: 'eda', from: 'sp', messageCode: 'ANFORDERUNG_CMQF', nth: 1 },
      { kind: 'delay', to: 'sp', delay: 'PT2H', probability: 0.3 },
    ]);
    expect(drop).toMatchObject({
      name: 'drop#0',
      kind: 'drop',
      channel: 'eda',
      from: 'sp',
      nth: 1,
    });
    expect(drop?.match?.(envelope('ANFORDERUNG_CMQF'))).toBe(true);
    expect(drop?.match?.(envelope('ANTWORT_CMQF'))).toBe(false);
    expect(delay).toEqual({
      name: 'delay#1',
      kind: 'delay',
      to: 'sp',
      probability: 0.3,
      delayMs: 7_200_000,
    });
  });
});

describe('channelLatencies', () => {
  it('converts durations to elapsed milliseconds', () => {
    expect(channelLatencies({ eda: 'PT5S', post: 'P2D' })).toEqual({
      eda: 5_000,
      post: 172_800_000,
    });
  });
});
