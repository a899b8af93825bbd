// The protocol without HTTP: the handler names the offending field, the client refuses answers
// that break the protocol, and the reference roles served in memory pass their first paths.
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../processes/index.ts';
import { collectPaths } from '../vectors/index.ts';
import { checkAnswer, SutClient, SutProtocolError } from './client.ts';
import { createSutHandler } from './handler.ts';
import { SUT_ENDPOINTS, SUT_PROTOCOL_VERSION } from './protocol.ts';
import { runAgainstSut } from './remote-party.ts';

const reset = {
  protocol: SUT_PROTOCOL_VERSION,
  testId: 't1',
  process: 'cm-req-off',
  role: 'vnb',
  seed: 1,
  start: '2026-03-20T10:00:00+01:00',
  zone: 'Europe/Vienna',
  parties: [
    { id: 'vnb', role: 'vnb', address: 'AT001000' },
    { id: 'sp', role: 'sp', address: 'EP100200' },
    { id: 'customer', role: 'customer', address: 'anna@example.invalid' },
  ],
  parameters: { meteringPoints: 1 },
};

describe('createSutHandler', () => {
  const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });

  it('answers a reset with an empty outbox at the start instant', () => {
    const { status, body } = handle(SUT_ENDPOINTS.reset, reset);
    expect(status).toBe(200);
    expect(body).toMatchObject({ protocol: SUT_PROTOCOL_VERSION, testId: 't1', outbox: [] });
  });

  it('names the offending field', () => {
    const { status, body } = handle(SUT_ENDPOINTS.reset, { ...reset, start: 'yesterday' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad-field', field: '$.start' } });
  });

  it('refuses a clock that goes back, and an unknown test', () => {
    handle(SUT_ENDPOINTS.reset, reset);
    const back = handle(SUT_ENDPOINTS.clock, {
      protocol: SUT_PROTOCOL_VERSION,
      testId: 't1',
      now: '2026-03-19T10:00:00+01:00',
    });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ error: { code: 'clock-backwards', field: '$.now' } });
    const unknown = handle(SUT_ENDPOINTS.clock, {
      protocol: SUT_PROTOCOL_VERSION,
      testId: 'nope',
      now: reset.start,
    });
    expect(unknown.body).toMatchObject({ error: { code: 'unknown-test' } });
  });

  it('refuses a role it does not play', () => {
    const { status, body } = handle(SUT_ENDPOINTS.reset, { ...reset, role: 'sp' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ error: { code: 'unsupported', field: '$.role' } });
  });
});

describe('checkAnswer', () => {
  const ok = {
    protocol: SUT_PROTOCOL_VERSION,
    testId: 't',
    now: '2026-03-20T10:00:00+01:00',
    outbox: [],
    nextTimerAt: null,
  };

  it('accepts a well-formed answer', () => {
    expect(checkAnswer('/x', 't', ok).nowMs).toBe(Date.parse(ok.now));
  });

  it('refuses a timer that is already due and an outbox item after now', () => {
    expect(() => checkAnswer('/x', 't', { ...ok, nextTimerAt: ok.now })).toThrow(SutProtocolError);
    const late = {
      channel: 'eda',
      to: 'sp',
      messageCode: 'X',
      document: '<a/>',
      at: '2026-03-20T11:00:00+01:00',
    };
    expect(() => checkAnswer('/x', 't', { ...ok, outbox: [late] })).toThrow(/outbox\[0\]\.at/);
  });
});

describe('the reference roles served in memory', () => {
  const cases = [
    ['cm-req-off', 'vnb'],
    ['dh-831', 'datahub'],
  ] as const;
  for (const [process, role] of cases) {
    it(`${process} ${role}: the first model paths pass`, async () => {
      const handle = createSutHandler({ processes: PROCESSES, role });
      const client = new SutClient(async (path, body) =>
        handle(path, JSON.parse(JSON.stringify(body))),
      );
      const { paths } = collectPaths(PROCESSES[process], { sources: ['model'] });
      for (const path of paths.slice(0, 3)) {
        const checks = await runAgainstSut({ processes: PROCESSES, client, role, path });
        expect(checks.filter((c) => c.verdict === 'FAIL')).toEqual([]);
        expect(checks.some((c) => c.id.includes(':message#'))).toBe(true);
      }
    }, 30_000);
  }
});
