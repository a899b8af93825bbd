import { addCalendarDays, VIENNA } from '@consent-sim/core';
import { describe, expect, it } from 'vitest';
import { assign, emit, setup } from 'xstate';
import { type InboundCodec, type OutboundCodec, passThroughInbound } from './codec.ts';
import type { FaultRule } from './faults.ts';
import { TEST_LATENCIES } from './process/test-processes.ts';
import { Simulation } from './simulation.ts';
import type { PartySpec, SimulationOptions } from './simulation-types.ts';
import type { TraceEvent } from './trace.ts';

// A tiny two-party protocol: alice PINGs bob over EDA and waits 30 calendar days (Vienna) for
// the PONG; bob answers every PING.
type Emitted =
  | { type: 'step'; step: string }
  | { type: 'send'; channel: string; to: string; message: unknown }
  | { type: 'consent'; consentId: string; status: string };

const pinger = setup({
  types: {
    context: {} as { sentAt: number },
    events: {} as
      | { type: 'stimulus.start'; at: number }
      | { type: 'receive.PONG'; at: number; from: string; message: unknown },
    emitted: {} as Emitted,
  },
  delays: {
    // Calendar days in the process zone, not 30 × 24 h (interpretation key OFF-DAYS).
    thirtyDays: ({ context }) => addCalendarDays(context.sentAt, 30, VIENNA) - context.sentAt,
  },
}).createMachine({
  id: 'pinger',
  context: { sentAt: 0 },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'stimulus.start': {
          target: 'waiting',
          actions: assign({ sentAt: ({ event }) => event.at }),
        },
      },
    },
    waiting: {
      entry: [
        emit({ type: 'step', step: 'PING-1' }),
        // Addressed by routing address rather than party id.
        emit({ type: 'send', channel: 'eda', to: 'AT-BOB', message: { messageCode: 'PING' } }),
        emit({ type: 'consent', consentId: 'C-1', status: 'PENDING' }),
      ],
      on: { 'receive.PONG': 'answered' },
      after: { thirtyDays: 'timedOut' },
    },
    answered: {
      type: 'final',
      entry: [
        emit({ type: 'step', step: 'PING-2' }),
        emit({ type: 'consent', consentId: 'C-1', status: 'ACCEPTED' }),
      ],
    },
    timedOut: { type: 'final', entry: emit({ type: 'step', step: 'PING-TIMEOUT' }) },
  },
});

const ponger = setup({
  types: {
    events: {} as { type: 'receive.PING'; at: number; from: string; message: unknown },
    emitted: {} as Emitted,
  },
}).createMachine({
  id: 'ponger',
  initial: 'listening',
  states: {
    listening: {
      on: {
        'receive.PING': {
          actions: [
            emit({ type: 'step', step: 'PONG-1' }),
            emit(({ event }) => ({
              type: 'send' as const,
              channel: 'eda',
              to: event.from,
              message: { messageCode: 'PONG', responseCodes: ['99'] },
            })),
          ],
        },
      },
    },
  },
});

// Documents travel as text `CODE|rc,rc`; the receiver rejects anything else, so a corrupted
// (truncated) payload is caught on arrival.
const textCodecs: Pick<SimulationOptions, 'outboundCodec' | 'inboundCodec'> = {
  outboundCodec: ((_party, emitted) => {
    const { messageCode, responseCodes = [] } = emitted.message as {
      messageCode: string;
      responseCodes?: string[];
    };
    const text = `${messageCode}|${responseCodes.join(',')}`;
    return { payload: text, messageCode, responseCodes, document: text };
  }) satisfies OutboundCodec,
  inboundCodec: ((_party, envelope) => {
    const text = String(envelope.payload);
    if (!/^[A-Z]+\|[0-9,]*$/.test(text))
      return { rejected: `not a ${envelope.messageCode} document`, detail: text };
    return { event: { type: `receive.${text.split('|')[0]}`, from: envelope.from, message: text } };
  }) satisfies InboundCodec,
};

const START = Date.parse('2026-03-10T09:00:00+01:00');

function pingPong(options: Partial<SimulationOptions> = {}, parties: PartySpec[] = []) {
  const sim = new Simulation({
    seed: 1,
    start: START,
    zone: VIENNA,
    latencies: TEST_LATENCIES,
    ...options,
  });
  sim.addParty({ id: 'alice', address: 'AT-ALICE', role: 'pinger', machine: pinger });
  sim.addParty({ id: 'bob', address: 'AT-BOB', role: 'ponger', machine: ponger });
  for (const party of parties) sim.addParty(party);
  sim.stimulus(START, 'alice', { type: 'stimulus.start' });
  return sim;
}

const line = (e: TraceEvent): string => {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const what =
    e.kind === 'state'
      ? `${String(d.type)}=${String(d.value ?? d.status)}`
      : [e.step, e.messageCode].filter((x) => x !== null).join(' ');
  return `${e.at} ${e.kind} ${e.party ?? '-'} ${what}`.trim();
};

describe('Simulation', () => {
  it('runs ping-pong with exact virtual timestamps in the trace', () => {
    const result = pingPong().run();
    expect(result.status).toBe('ok');
    expect(result.trace.map(line)).toEqual([
      '2026-03-10T09:00:00.000+01:00 state alice actor=idle',
      '2026-03-10T09:00:00.000+01:00 state bob actor=listening',
      '2026-03-10T09:00:00.000+01:00 stimulus alice',
      '2026-03-10T09:00:00.000+01:00 step alice PING-1',
      '2026-03-10T09:00:00.000+01:00 send alice PING-1 PING',
      '2026-03-10T09:00:00.000+01:00 state alice consent=PENDING',
      '2026-03-10T09:00:00.000+01:00 state alice actor=waiting',
      '2026-03-10T09:00:03.000+01:00 deliver bob PING-1 PING',
      '2026-03-10T09:00:03.000+01:00 step bob PONG-1',
      '2026-03-10T09:00:03.000+01:00 send bob PONG-1 PONG',
      '2026-03-10T09:00:06.000+01:00 deliver alice PONG-1 PONG',
      '2026-03-10T09:00:06.000+01:00 step alice PING-2',
      '2026-03-10T09:00:06.000+01:00 state alice consent=ACCEPTED',
      '2026-03-10T09:00:06.000+01:00 state alice actor=answered',
    ]);
    const pong = result.trace.find((e) => e.kind === 'send' && e.party === 'bob');
    expect(pong).toMatchObject({
      from: 'bob',
      to: 'alice',
      channel: 'eda',
      messageCode: 'PONG',
      responseCodes: ['99'],
    });
    expect(result.accounting).toEqual({
      sent: 2,
      duplicated: 0,
      delivered: 2,
      dropped: 0,
      inFlight: 0,
      balanced: true,
    });
    expect(result.violations).toEqual([]);
  });

  it('fires the 30-day timeout at the same wall-clock time across the DST change', () => {
    const sim = pingPong({ faults: [{ channel: 'eda', from: 'alice', kind: 'drop' }] });
    const result = sim.run();
    const timer = result.trace.find((e) => e.kind === 'timer');
    expect(timer?.at).toBe('2026-04-09T09:00:00.000+02:00');
    expect(timer?.detail).toMatchObject({
      event: expect.stringMatching(/^xstate\.after\.thirtyDays/),
    });
    // 30 calendar days that contain the spring-forward night are one hour short of 720 h.
    expect((timer?.atMs ?? 0) - START).toBe(720 * 3_600_000 - 3_600_000);
    expect(result.trace.find((e) => e.step === 'PING-TIMEOUT')?.at).toBe(
      '2026-04-09T09:00:00.000+02:00',
    );
    expect(result.trace.find((e) => e.kind === 'fault')?.detail).toMatchObject({ fault: 'drop' });
    expect(result.accounting).toMatchObject({ sent: 1, dropped: 1, balanced: true });
  });

  it.each<[string, FaultRule, (r: ReturnType<Simulation['run']>) => void]>([
    ['drop', { kind: 'drop', nth: 2 }, (r) => expect(r.accounting.dropped).toBe(1)],
    ['duplicate', { kind: 'duplicate', to: 'bob' }, (r) => expect(r.accounting.duplicated).toBe(1)],
    [
      'delay',
      { kind: 'delay', delayMs: 86_400_000, to: 'alice' },
      (r) =>
        expect(r.trace.find((e) => e.step === 'PING-2')?.at).toBe('2026-03-11T09:00:06.000+01:00'),
    ],
    [
      'reorder',
      { kind: 'reorder', to: 'bob', delayMs: 60_000 },
      (r) =>
        expect(r.trace.find((e) => e.kind === 'deliver' && e.to === 'bob')?.at).toBe(
          '2026-03-10T09:01:03.000+01:00',
        ),
    ],
    [
      'corrupt',
      { kind: 'corrupt', to: 'bob' },
      (r) =>
        expect(r.trace.find((e) => e.kind === 'note')?.detail).toMatchObject({
          type: 'rejected',
          reason: 'not a PING document',
        }),
    ],
  ])('applies and records a %s fault', (kind, rule, expectEffect) => {
    const result = pingPong({ faults: [rule], ...textCodecs }).run();
    const faults = result.trace.filter((e) => e.kind === 'fault');
    expect(faults.map((e) => (e.detail as { fault: string }).fault)).toEqual([kind]);
    expect(result.accounting.balanced).toBe(true);
    expect(result.status).toBe('ok');
    expectEffect(result);
  });

  it('reports a duplicate that reaches a finished party instead of losing it', () => {
    const result = pingPong({ faults: [{ kind: 'duplicate', to: 'alice' }] }).run();
    expect(result.trace.at(-1)?.detail).toMatchObject({
      type: 'undeliverable',
      event: 'receive.PONG',
      partyStatus: 'done',
    });
    expect(result.accounting).toMatchObject({ delivered: 3, duplicated: 1, balanced: true });
  });

  it('gives a byte-identical trace for the same seed and a different one for another seed', () => {
    const noisy: Partial<SimulationOptions> = {
      faults: [
        { kind: 'drop', probability: 0.5 },
        { kind: 'delay', probability: 0.5, delayMs: 3_600_000 },
      ],
      latencies: { eda: { minMs: 1_000, maxMs: 60_000 } },
    };
    const many = (seed: string) => {
      const sim = new Simulation({
        seed,
        start: START,
        zone: VIENNA,
        latencies: TEST_LATENCIES,
        ...noisy,
      });
      sim.addParty({ id: 'bob', address: 'AT-BOB', role: 'ponger', machine: ponger });
      for (let i = 0; i < 8; i++) {
        sim.addParty({ id: `alice${i}`, address: `AT-A${i}`, role: 'pinger', machine: pinger });
        sim.stimulus(START + i * 1_000, `alice${i}`, { type: 'stimulus.start' });
      }
      return JSON.stringify(sim.run().trace);
    };
    expect(many('s1')).toBe(many('s1'));
    expect(many('s1')).not.toBe(many('s2'));
  });

  it('reports a failing invariant in the result and the trace', () => {
    const sim = pingPong();
    sim.addInvariant({
      name: 'no-response-code-99',
      check: (trace) =>
        trace
          .filter((e) => e.kind === 'send' && e.responseCodes.includes('99'))
          .map((e) => ({ message: `${e.from} answered with 99`, detail: { seq: e.seq } })),
    });
    sim.addInvariant({
      name: 'throws',
      check: () => {
        throw new Error('boom');
      },
    });
    const result = sim.run();
    expect(result.violations).toEqual([
      { invariant: 'no-response-code-99', message: 'bob answered with 99', detail: { seq: 10 } },
      { invariant: 'throws', message: 'the check threw: Error: boom', detail: null },
    ]);
    expect(result.trace.filter((e) => e.kind === 'invariant').map((e) => e.detail)).toEqual(
      result.violations,
    );
  });

  it('lets an incremental invariant observe events in summary mode', () => {
    const seen: string[] = [];
    const sim = pingPong({ traceMode: 'summary' });
    sim.addInvariant({ name: 'observer', observe: (e) => seen.push(e.kind), check: () => [] });
    const result = sim.run();
    const full = pingPong().run();
    expect(result.trace).toEqual([]);
    expect(result.summary).toEqual(full.summary);
    expect(result.summary.byKind).toMatchObject({ send: 2, deliver: 2, step: 3 });
    expect(result.summary.byMessageCode).toEqual({ PING: 1, PONG: 1 });
    expect(seen).toEqual(full.trace.map((e) => e.kind));
  });

  it('fails the run with the error in the trace when an actor throws', () => {
    const broken = pinger.provide({
      delays: {
        thirtyDays: () => {
          throw new Error('deadline table missing');
        },
      },
    });
    const sim = new Simulation({ seed: 1, start: START, zone: VIENNA, latencies: TEST_LATENCIES });
    sim.addParty({ id: 'alice', address: 'AT-ALICE', role: 'pinger', machine: broken });
    sim.addParty({ id: 'bob', address: 'AT-BOB', role: 'ponger', machine: ponger });
    sim.stimulus(START, 'alice', { type: 'stimulus.start' });
    const result = sim.run();
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({ party: 'alice', message: 'Error: deadline table missing' });
    expect(result.trace.at(-1)).toMatchObject({
      kind: 'note',
      party: 'alice',
      detail: { type: 'error', message: 'Error: deadline table missing' },
    });
  });

  it('fails the run when a machine sends to nobody, naming the recipient', () => {
    const sim = new Simulation({ seed: 1, start: START, zone: VIENNA, latencies: TEST_LATENCIES });
    sim.addParty({ id: 'alice', address: 'AT-ALICE', role: 'pinger', machine: pinger });
    sim.stimulus(START, 'alice', { type: 'stimulus.start' });
    const result = sim.run();
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(
      /send\.to "AT-BOB", which is neither a party id nor an address/,
    );
    expect(() => sim.stimulus(START, 'carol', { type: 'stimulus.start' })).toThrow(
      /no party "carol"; known parties: alice/,
    );
  });

  it('stops at `until` with the clock moved there and resumes on the next run', () => {
    const sim = pingPong({ faults: [{ from: 'alice', kind: 'drop' }] });
    const first = sim.run({ until: START + 86_400_000 });
    expect(first.endedAt).toBe(START + 86_400_000);
    expect(first.trace.some((e) => e.kind === 'timer')).toBe(false);
    const second = sim.run();
    expect(second.trace.filter((e) => e.kind === 'timer')).toHaveLength(1);
  });

  it('starts a party added between runs at once', () => {
    const sim = new Simulation({ seed: 1, start: START, zone: VIENNA, latencies: TEST_LATENCIES });
    sim.addParty({ id: 'alice', address: 'AT-ALICE', role: 'pinger', machine: pinger });
    sim.run({ until: START + 1_000 });
    sim.addParty({ id: 'bob', address: 'AT-BOB', role: 'ponger', machine: ponger });
    sim.stimulus(START + 2_000, 'alice', { type: 'stimulus.start' });
    const result = sim.run();
    expect(result.status).toBe('ok');
    expect(result.trace.find((e) => e.step === 'PING-2')?.at).toBe('2026-03-10T09:00:08.000+01:00');
  });

  it('lets the inbound codec hand an event to another party (an instance added during the run)', () => {
    const sim = new Simulation({
      seed: 1,
      start: START,
      zone: VIENNA,
      latencies: TEST_LATENCIES,
      inboundCodec: (party, envelope) => {
        if (party.id !== 'bob') return passThroughInbound(party, envelope);
        // One ponger instance per sender, created on its first message.
        const instance = `bob/${envelope.from}`;
        if (!sim.parties().some((p) => p.id === instance)) {
          sim.addParty({
            id: instance,
            address: `AT-${instance}`,
            role: 'ponger',
            machine: ponger,
          });
        }
        return {
          event: { type: 'receive.PING', from: envelope.from, message: envelope.payload },
          party: instance,
        };
      },
    });
    sim.addParty({ id: 'alice', address: 'AT-ALICE', role: 'pinger', machine: pinger });
    sim.addParty({
      id: 'bob',
      address: 'AT-BOB',
      role: 'router',
      machine: setup({}).createMachine({}),
    });
    sim.stimulus(START, 'alice', { type: 'stimulus.start' });
    const result = sim.run();
    expect(result.status).toBe('ok');
    expect(result.trace.find((e) => e.kind === 'note')).toMatchObject({
      party: 'bob/alice',
      from: 'bob',
      detail: { type: 'handed-over' },
    });
    expect(result.trace.find((e) => e.kind === 'send' && e.step === 'PONG-1')).toMatchObject({
      from: 'bob/alice',
      to: 'alice',
    });
    expect(result.trace.find((e) => e.step === 'PING-2')?.at).toBe('2026-03-10T09:00:06.000+01:00');
  });
});
