import { addCalendarDays, VIENNA } from '@consent-sim/core';
import { describe, expect, it } from 'vitest';
import { type ActorRefFrom, assign, emit, setup, stopChild } from 'xstate';
import { TEST_LATENCIES } from './process/test-processes.ts';
import { Simulation } from './simulation.ts';

// One child per ConsentId inside the DSO's root actor, as the CM_REQ_OFF DSO will do: each
// child waits 30 calendar days, then tells the service provider that the consent expired.
const consent = setup({
  types: {
    input: {} as { consentId: string; openedAt: number },
    context: {} as { consentId: string; openedAt: number },
    emitted: {} as
      | { type: 'step'; step: string }
      | { type: 'send'; channel: string; to: string; message: unknown },
  },
  delays: {
    thirtyDays: ({ context }) => addCalendarDays(context.openedAt, 30, VIENNA) - context.openedAt,
  },
}).createMachine({
  context: ({ input }) => input,
  initial: 'active',
  states: {
    active: {
      entry: emit({ type: 'step', step: 'C-OPEN' }),
      after: { thirtyDays: 'expired' },
    },
    expired: {
      type: 'final',
      entry: [
        emit({ type: 'step', step: 'C-EXPIRE' }),
        emit(({ context }) => ({
          type: 'send' as const,
          channel: 'eda',
          to: 'sp',
          message: { messageCode: 'EXPIRED', consentId: context.consentId },
        })),
      ],
    },
  },
});

const dso = setup({
  types: {
    context: {} as { consents: Record<string, ActorRefFrom<typeof consent>> },
    events: {} as
      | { type: 'stimulus.open'; at: number; consentId: string }
      | { type: 'stimulus.revoke'; at: number; consentId: string },
  },
  actors: { consent },
}).createMachine({
  context: { consents: {} },
  on: {
    'stimulus.open': {
      actions: assign({
        consents: ({ context, event, spawn }) => ({
          ...context.consents,
          [event.consentId]: spawn('consent', {
            id: event.consentId,
            input: { consentId: event.consentId, openedAt: event.at },
          }),
        }),
      }),
    },
    'stimulus.revoke': { actions: stopChild(({ event }) => event.consentId) },
  },
});

const sink = setup({}).createMachine({});

const START = Date.parse('2026-03-10T09:00:00+01:00');
const DAY = 86_400_000;

describe('Simulation with spawned children', () => {
  it('puts child `after` timers on the virtual clock and routes what children emit', () => {
    const sim = new Simulation({ seed: 7, start: START, zone: VIENNA, latencies: TEST_LATENCIES });
    sim.addParty({ id: 'dso', address: 'AT001', role: 'vnb', machine: dso });
    sim.addParty({ id: 'sp', address: 'EC100', role: 'serviceProvider', machine: sink });
    sim.stimulus(START, 'dso', { type: 'stimulus.open', consentId: 'CON-A' });
    sim.stimulus(START + 5 * DAY, 'dso', { type: 'stimulus.open', consentId: 'CON-B' });
    sim.stimulus(START + 6 * DAY, 'dso', { type: 'stimulus.open', consentId: 'CON-C' });
    sim.stimulus(START + 7 * DAY, 'dso', { type: 'stimulus.revoke', consentId: 'CON-C' });
    const result = sim.run();
    expect(result.status).toBe('ok');

    const timers = result.trace.filter((e) => e.kind === 'timer');
    expect(timers.map((e) => [e.at, (e.detail as { actor: string }).actor])).toEqual([
      ['2026-04-09T09:00:00.000+02:00', 'CON-A'],
      ['2026-04-14T09:00:00.000+02:00', 'CON-B'],
    ]);
    const steps = result.trace.filter((e) => e.kind === 'step');
    expect(steps.map((e) => `${(e.detail as { actor: string }).actor}:${e.step}`)).toEqual([
      'CON-A:C-OPEN',
      'CON-B:C-OPEN',
      'CON-C:C-OPEN',
      'CON-A:C-EXPIRE',
      'CON-B:C-EXPIRE',
    ]);
    const sends = result.trace.filter((e) => e.kind === 'send');
    expect(sends.map((e) => [e.party, e.to, e.step, e.messageCode])).toEqual([
      ['dso', 'sp', 'C-EXPIRE', 'EXPIRED'],
      ['dso', 'sp', 'C-EXPIRE', 'EXPIRED'],
    ]);
    // The revoked child's timer was cancelled, not left on the heap.
    expect(sim.clock.pending()).toBe(0);
    expect(result.accounting).toMatchObject({ sent: 2, delivered: 2, balanced: true });
  });
});
