// Issue 13 at the protocol edge, in process: each test names the defect it pins. Over real HTTP
// (media type, UTF-8, timeouts, 500 concurrent tests): apps/sim/src/serve/server.test.ts.

import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { PROCESSES } from '../processes/index.ts';
import { createSutHandler, type SutIncident } from './handler.ts';
import { phoneApplication, vnbReset } from './issue-13-fixtures.ts';
import { SUT_LIMITS } from './limits.ts';
import { SUT_ENDPOINTS, SUT_PROTOCOL_VERSION } from './protocol.ts';

const clock = (testId: string, now: string) => ({ protocol: SUT_PROTOCOL_VERSION, testId, now });
const errorOf = (answer: { body: unknown }) =>
  (answer.body as { error: Record<string, string> }).error;

describe('issue 13 defect 1: nothing a request does ends the process', () => {
  it('a start of +275760-09-13 is refused 400 at $.start, and the test id still resets', () => {
    const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
    const far = { ...vnbReset('t'), start: '+275760-09-13T00:00:00.000Z' };
    const answer = handle(SUT_ENDPOINTS.reset, far);
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: 'bad-field', field: '$.start' });
    const late = handle(SUT_ENDPOINTS.deliver, { ...phoneApplication('t'), at: far.start });
    expect(late.status).toBe(409);
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('t')).status).toBe(200);
    const at = handle(SUT_ENDPOINTS.deliver, { ...phoneApplication('t'), at: far.start });
    expect(errorOf(at)).toMatchObject({ code: 'bad-field', field: '$.at' });
  });

  it('an error thrown inside a machine answers 500 with an incident, breaks only its test, and the next reset works', () => {
    const incidents: SutIncident[] = [];
    const broken = setup({}).createMachine({
      on: {
        '*': {
          actions: () => {
            throw new Error('the machine broke');
          },
        },
      },
    });
    const handle = createSutHandler({
      processes: PROCESSES,
      role: 'vnb',
      machines: { vnb: broken },
      onIncident: (incident) => incidents.push(incident),
    });
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('t')).status).toBe(200);
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('other')).status).toBe(200);
    const answer = handle(SUT_ENDPOINTS.deliver, phoneApplication('t'));
    expect(answer.status).toBe(500);
    const { incident, message } = errorOf(answer);
    expect(incidents.map((i) => i.id)).toEqual([incident]);
    expect(message).toContain('the machine broke');
    const later = handle(SUT_ENDPOINTS.clock, clock('t', '2026-03-21T10:00:00.000+01:00'));
    expect(later.status).toBe(409);
    expect(errorOf(later)).toMatchObject({ code: 'test-broken', incident });
    expect(errorOf(later).message).toContain('the machine broke');
    expect(
      handle(SUT_ENDPOINTS.clock, clock('other', '2026-03-21T10:00:00.000+01:00')).status,
    ).toBe(200);
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('t')).status).toBe(200);
    expect(handle(SUT_ENDPOINTS.clock, clock('t', '2026-03-21T10:00:00.000+01:00')).status).toBe(
      200,
    );
  });
});

describe('issue 13 defect 2: bounded work per request', () => {
  it('a clock 200 years after the start is refused 422 limit-exceeded at once', () => {
    const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
    handle(SUT_ENDPOINTS.reset, vnbReset('t'));
    expect(handle(SUT_ENDPOINTS.deliver, phoneApplication('t')).status).toBe(200);
    const started = Date.now();
    const answer = handle(SUT_ENDPOINTS.clock, clock('t', '2196-03-20T10:00:00.000+01:00'));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(answer.status).toBe(422);
    expect(errorOf(answer)).toMatchObject({ code: 'limit-exceeded', field: '$.now' });
    // Refused before any work: the test goes on.
    expect(handle(SUT_ENDPOINTS.clock, clock('t', '2027-03-20T10:00:00.000+01:00')).status).toBe(
      200,
    );
  });
});

describe('issue 13 build 3: a wall-time budget per request', () => {
  it('a request whose engine run outlasts the budget is refused 422 with an incident, and the next reset works', () => {
    // A wall clock that moves one second per look once armed: every engine task takes 1 s.
    let armed = false;
    let wall = 0;
    const now = () => {
      if (armed) wall += 1_000;
      return wall;
    };
    const incidents: SutIncident[] = [];
    const handle = createSutHandler({
      processes: PROCESSES,
      role: 'vnb',
      now,
      requestBudgetMs: 500,
      onIncident: (incident) => incidents.push(incident),
    });
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('t')).status).toBe(200);
    expect(handle(SUT_ENDPOINTS.deliver, phoneApplication('t')).status).toBe(200);
    armed = true;
    const answer = handle(SUT_ENDPOINTS.clock, clock('t', '2026-06-20T10:00:00.000+02:00'));
    expect(answer.status).toBe(422);
    expect(errorOf(answer)).toMatchObject({ code: 'limit-exceeded', field: '$' });
    expect(errorOf(answer)?.message).toMatch(/more than 500 ms of wall time/);
    expect(incidents).toHaveLength(1);
    armed = false;
    // The engine stopped mid-run, so the test is broken; its next reset starts it afresh.
    expect(handle(SUT_ENDPOINTS.clock, clock('t', '2026-06-21T10:00:00.000+02:00')).status).toBe(
      409,
    );
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('t')).status).toBe(200);
    expect(handle(SUT_ENDPOINTS.deliver, phoneApplication('t')).status).toBe(200);
    expect(handle(SUT_ENDPOINTS.clock, clock('t', '2026-06-20T10:00:00.000+02:00')).status).toBe(
      200,
    );
  });
});

describe('issue 13 defect 5: stimulus and message content is checked at the edge', () => {
  const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
  const cases: [string, Record<string, unknown>, string][] = [
    ['phone with content null', { content: null }, '$.content'],
    [
      'a QR payload over 2 331 bytes',
      { content: { ...phoneApplication('t').content, qrPayload: 'x'.repeat(2_332) } },
      '$.content.qrPayload',
    ],
    ['a recipient that is not the served party', { to: 'nobody' }, '$.to'],
    [
      'a type-swapped application field',
      {
        content: {
          ...phoneApplication('t').content,
          topic: { kind: 'application', application: { meteringPoints: 'AT1', request: {} } },
        },
      },
      '$.content.topic.application.meteringPoints',
    ],
  ];
  for (const [name, change, field] of cases) {
    it(`${name}: 400 at ${field}, and the test stays usable`, () => {
      handle(SUT_ENDPOINTS.reset, vnbReset('t'));
      const answer = handle(SUT_ENDPOINTS.deliver, { ...phoneApplication('t'), ...change });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: 'bad-field', field });
      expect(handle(SUT_ENDPOINTS.deliver, phoneApplication('t', 'd2')).status).toBe(200);
    });
  }

  it('a DH-831 recipient that is not one of the reset parties is refused', () => {
    const datahub = createSutHandler({ processes: PROCESSES, role: 'customer' });
    const reset = {
      ...vnbReset('d'),
      process: 'dh-831',
      role: 'customer',
      zone: 'Europe/Helsinki',
      parties: [
        { id: 'datahub', role: 'datahub', address: 'FI000001' },
        { id: 'seller', role: 'seller', address: 'FI577414' },
        { id: 'customer', role: 'customer', address: 'petteri@example.org' },
        { id: 'stranger', role: 'stranger', address: 'x@example.org' },
      ],
      parameters: {},
    };
    const answer = datahub(SUT_ENDPOINTS.reset, reset);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).field).toBe('$.parties[3].role');
  });
});

describe('issue 13 defect 7: strict instants and zones at the edge', () => {
  const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
  for (const [name, now] of [
    ['a day that does not exist', '2026-02-30T10:00:00.000+01:00'],
    ['an RFC 2822 date', 'Tue, 31 Mar 2026 10:00:00 +0200'],
    ['no offset', '2026-03-31T10:00:00.000'],
    ['year 2201', '2201-01-01T00:00:00.000Z'],
  ]) {
    it(`${name} is refused 400 at $.now`, () => {
      handle(SUT_ENDPOINTS.reset, vnbReset('t'));
      const answer = handle(SUT_ENDPOINTS.clock, clock('t', now as string));
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: 'bad-field', field: '$.now' });
    });
  }

  it('zone "Foo/Bar" is 400 at $.zone, not 500', () => {
    const answer = handle(SUT_ENDPOINTS.reset, { ...vnbReset('t'), zone: 'Foo/Bar' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: 'bad-field', field: '$.zone' });
  });
});

describe('issue 13 defect 10: tests are kept until reset again or idle', () => {
  it('200 tests reset one after another all stay (no eviction after 64)', () => {
    const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
    for (let i = 0; i < 200; i += 1) handle(SUT_ENDPOINTS.reset, vnbReset(`t${i}`));
    for (let i = 0; i < 200; i += 1) {
      const answer = handle(SUT_ENDPOINTS.clock, clock(`t${i}`, '2026-03-21T10:00:00.000+01:00'));
      expect(answer.status, `t${i}`).toBe(200);
    }
  });

  it('an idle test is dropped after idleMs; at the cap a new reset is 503 busy with the reason', () => {
    let wall = 0;
    const handle = createSutHandler({
      processes: PROCESSES,
      role: 'vnb',
      maxTests: 2,
      idleMs: 1_000,
      now: () => wall,
    });
    handle(SUT_ENDPOINTS.reset, vnbReset('a'));
    handle(SUT_ENDPOINTS.reset, vnbReset('b'));
    const busy = handle(SUT_ENDPOINTS.reset, vnbReset('c'));
    expect(busy.status).toBe(503);
    expect(errorOf(busy).message).toContain('2 tests are kept at once');
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('a')).status).toBe(200);
    wall = 1_500;
    expect(handle(SUT_ENDPOINTS.reset, vnbReset('c')).status).toBe(200);
    const gone = handle(SUT_ENDPOINTS.clock, clock('a', '2026-03-21T10:00:00.000+01:00'));
    expect(errorOf(gone)).toMatchObject({ code: 'unknown-test' });
    expect(SUT_LIMITS.maxTests).toBeGreaterThan(500 * 4);
  });
});
