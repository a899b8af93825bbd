import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace.ts';
import { renderJson } from './json.ts';
import { SAMPLE_RUN, traceEvent } from './sample-run.ts';

describe('renderJson', () => {
  it('keeps the documented fields of the run and of every event', () => {
    const parsed = JSON.parse(renderJson(SAMPLE_RUN));
    expect(Object.keys(parsed)).toEqual([
      'format',
      'scenario',
      'process',
      'seed',
      'passed',
      'outcome',
      'summary',
      'durationVirtualMs',
      'failures',
      'violations',
      'events',
    ]);
    expect(parsed).toMatchObject({ scenario: 'cm-req-off/happy-path', seed: 1, passed: true });
    expect(parsed.events[11]).toEqual({
      seq: 12,
      at: '2026-03-05T10:00:06.000+01:00',
      atMs: Date.parse('2026-03-05T10:00:06.000+01:00'),
      kind: 'deliver',
      party: 'sp',
      from: 'vnb',
      to: 'sp',
      channel: 'eda',
      step: null,
      messageCode: 'ANTWORT_CMQF',
      responseCodes: ['99'],
      document: null,
      detail: { envelope: 'env-3', sentAt: 1772701203000 },
    });
  });

  it('is byte-identical for equal results built in a different key order', () => {
    const reordered = {
      ...SAMPLE_RUN,
      events: SAMPLE_RUN.events.map((event) => {
        const detail =
          typeof event.detail === 'object' && event.detail !== null
            ? Object.fromEntries(Object.entries(event.detail).reverse())
            : event.detail;
        const reversed: TraceEvent = { ...event, detail };
        return Object.fromEntries(Object.entries(reversed).reverse()) as unknown as TraceEvent;
      }),
    };
    expect(renderJson(reordered)).toBe(renderJson(SAMPLE_RUN));
    expect(renderJson(reordered)).toContain(
      '"detail": {\n        "envelope": "env-1",\n        "sentAt"',
    );
  });

  it('writes null for absent values instead of dropping keys', () => {
    const run = {
      ...SAMPLE_RUN,
      outcome: null,
      failures: [
        { field: 'outcome', expected: 'active', actual: undefined, message: 'no outcome' },
      ],
      violations: [{ invariant: 'accounted', message: 'lost a message' }],
      events: [
        traceEvent(1, {
          kind: 'note',
          at: '2026-03-02T09:00:00.000+01:00',
          detail: { a: undefined, b: [1, { d: 1, c: 2 }] },
        }),
      ],
    };
    const parsed = JSON.parse(renderJson(run));
    expect(parsed.outcome).toBeNull();
    expect(parsed.failures[0].actual).toBeNull();
    expect(parsed.violations[0].seq).toBeNull();
    expect(JSON.stringify(parsed.events[0].detail)).toBe('{"b":[1,{"c":2,"d":1}]}');
  });
});
