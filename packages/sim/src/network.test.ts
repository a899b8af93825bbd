import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import type { Envelope } from './envelope.ts';
import type { FaultRule } from './faults.ts';
import { Network, type NetworkOptions } from './network.ts';
import { TEST_LATENCIES } from './process/test-processes.ts';
import { createRng } from './rng.ts';
import { TraceRecorder } from './trace.ts';

const START = Date.parse('2026-03-02T09:00:00+01:00');
const DOC = '<cp:CMRequest><cp:MessageId>m1</cp:MessageId></cp:CMRequest>';

function harness(options: Partial<NetworkOptions> = {}, seed: number | string = 1) {
  const clock = new VirtualClock(START);
  const trace = new TraceRecorder({ zone: 'Europe/Vienna' });
  const arrived: Array<{ at: number; envelope: Envelope }> = [];
  const network = new Network({
    clock,
    rng: createRng(seed),
    trace,
    deliver: (envelope) => arrived.push({ at: clock.now(), envelope }),
    ...options,
    latencies: { ...TEST_LATENCIES, ...options.latencies },
  });
  const send = (payload: string, channel: Envelope['channel'] = 'eda') =>
    network.send({ channel, from: 'sp', to: 'dso', payload, messageCode: 'CMRequest' });
  return { clock, trace, arrived, network, send };
}

const faults = (trace: TraceRecorder) => trace.events().filter((e) => e.kind === 'fault');

describe('Network', () => {
  it('delivers after the channel latency and traces send and deliver', () => {
    const { clock, trace, arrived, network, send } = harness({ latencies: { post: 86_400_000 } });
    send(DOC);
    send('letter', 'post');
    send('call', 'phone');
    expect(network.accounting()).toMatchObject({ sent: 3, inFlight: 3, balanced: true });
    clock.runUntilIdle();
    expect(arrived.map((a) => [a.envelope.payload, a.at - START])).toEqual([
      ['call', 0],
      [DOC, 3_000],
      ['letter', 86_400_000],
    ]);
    expect(network.accounting()).toEqual({
      sent: 3,
      duplicated: 0,
      delivered: 3,
      dropped: 0,
      inFlight: 0,
      balanced: true,
    });
    const kinds = trace.events().map((e) => `${e.kind}:${e.channel}`);
    expect(kinds).toEqual([
      'send:eda',
      'send:post',
      'send:phone',
      'deliver:phone',
      'deliver:eda',
      'deliver:post',
    ]);
    expect(trace.events()[0]).toMatchObject({ document: null, messageCode: 'CMRequest' });
  });

  it('drops the nth matching envelope and records the fault', () => {
    const { clock, trace, arrived, network, send } = harness({
      faults: [{ channel: 'eda', kind: 'drop', nth: 2, name: 'lose-second' }],
    });
    const sent = [send('one'), send('two'), send('three'), send('mail', 'email')];
    clock.runUntilIdle();
    expect(arrived.map((a) => a.envelope.payload)).toEqual(['one', 'three', 'mail']);
    expect(faults(trace).map((e) => e.detail)).toEqual([
      { fault: 'drop', rule: 'lose-second', envelope: sent[1]?.id },
    ]);
    expect(network.accounting()).toMatchObject({
      sent: 4,
      delivered: 3,
      dropped: 1,
      balanced: true,
    });
  });

  it('duplicates: the same envelope id arrives twice', () => {
    const { clock, arrived, network, send } = harness({ faults: [{ kind: 'duplicate', nth: 1 }] });
    const envelope = send('once');
    clock.runUntilIdle();
    expect(arrived.map((a) => [a.envelope.id, a.at - START])).toEqual([
      [envelope.id, 3_000],
      [envelope.id, 3_000],
    ]);
    expect(network.accounting()).toMatchObject({
      sent: 1,
      duplicated: 1,
      delivered: 2,
      balanced: true,
    });
  });

  it('delays by delayMs on top of the latency', () => {
    const { clock, trace, arrived, send } = harness({
      faults: [{ from: 'sp', kind: 'delay', delayMs: 7_200_000 }],
    });
    send('late');
    clock.runUntilIdle();
    expect(arrived[0]?.at).toBe(START + 3_000 + 7_200_000);
    expect(faults(trace)[0]?.detail).toMatchObject({ fault: 'delay', delayMs: 7_200_000 });
  });

  it('reorders: a held envelope arrives right after the next one on the channel', () => {
    const { clock, arrived, send } = harness({ faults: [{ kind: 'reorder', nth: 1 }] });
    send('first');
    clock.runUntil(START + 1_000);
    send('second');
    clock.runUntilIdle();
    expect(arrived.map((a) => [a.envelope.payload, a.at - START])).toEqual([
      ['second', 4_000],
      ['first', 4_000],
    ]);
  });

  it('reorders without a successor: the held envelope arrives after the hold limit', () => {
    const { clock, arrived, network, send } = harness({
      faults: [{ kind: 'reorder', delayMs: 60_000 }],
    });
    send('alone');
    expect(network.accounting()).toMatchObject({ inFlight: 1, balanced: true });
    clock.runUntilIdle();
    expect(arrived.map((a) => a.at - START)).toEqual([63_000]);
  });

  it('corrupts a string payload deterministically and shows the damaged document', () => {
    const run = (seed: number) => {
      const h = harness(
        { faults: [{ match: (e) => e.messageCode === 'CMRequest', kind: 'corrupt' }] },
        seed,
      );
      h.send(DOC);
      h.clock.runUntilIdle();
      return h;
    };
    const a = run(5);
    const b = run(5);
    const payload = a.arrived[0]?.envelope.payload as string;
    expect(payload.length).toBeLessThan(DOC.length);
    expect(DOC.startsWith(payload)).toBe(true);
    expect(b.arrived[0]?.envelope.payload).toBe(payload);
    expect(faults(a.trace)[0]).toMatchObject({ document: payload, detail: { fault: 'corrupt' } });
  });

  it('decides probabilistic faults from the seed', () => {
    const decide = (seed: string) => {
      const h = harness({ faults: [{ kind: 'drop', probability: 0.5 }] }, seed);
      for (let i = 0; i < 40; i++) h.send(`m${i}`);
      h.clock.runUntilIdle();
      return h.arrived.map((a) => a.envelope.payload).join(',');
    };
    expect(decide('a')).toBe(decide('a'));
    expect(decide('a')).not.toBe(decide('b'));
  });

  it('draws jittered latency within bounds', () => {
    const { clock, arrived, send } = harness({
      latencies: { email: { minMs: 60_000, maxMs: 120_000 } },
    });
    for (let i = 0; i < 50; i++) send(`m${i}`, 'email');
    clock.runUntilIdle();
    const delays = arrived.map((a) => a.at - START);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(60_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(120_000);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });

  it('rejects invalid rules and latencies before the run', () => {
    const bad: FaultRule[] = [{ kind: 'delay' }];
    expect(() => harness({ faults: bad })).toThrow(
      /faults\[0\]\.delayMs: a delay fault needs delayMs/,
    );
    expect(() => harness({ faults: [{ kind: 'drop', probability: 2 }] })).toThrow(/probability/);
    expect(() => harness({ faults: [{ kind: 'drop', nth: 0 }] })).toThrow(/nth/);
    expect(() => harness({ latencies: { eda: -1 } })).toThrow(/latencies\.eda/);
  });

  it('accepts process channels with a configured latency and refuses unknown ones unsent', () => {
    const { clock, arrived, network } = harness({ latencies: { 'meter-portal': 0 } });
    network.send({ channel: 'datahub', from: 'seller', to: 'datahub', payload: '<DH-831/>' });
    network.send({ channel: 'meter-portal', from: 'customer', to: 'datahub', payload: 'ok' });
    expect(() => network.send({ channel: 'pigeon', from: 'a', to: 'b', payload: 'coo' })).toThrow(
      /channel "pigeon" has no latency; known channels: eda, datahub, email, post, phone, handover, authorization-service, meter-portal/,
    );
    clock.runUntilIdle();
    expect(arrived.map((a) => [a.envelope.channel, a.at - START])).toEqual([
      ['meter-portal', 0],
      ['datahub', 3_000],
    ]);
    expect(network.accounting()).toMatchObject({ sent: 2, delivered: 2, balanced: true });
  });
});
