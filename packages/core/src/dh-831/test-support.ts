// Test support for the DH-831 machine tests (not exported): a deterministic clock that XState
// schedules `after` timers on, valid sample values, and document builders.
import {
  createFaker,
  type Dh831Process,
  type Dh831RequestDocument,
  type Dh851CancelDocument,
  fakeFinnishBusinessId,
  fakeFinnishPersonalId,
  fakeGsrn,
} from '@consent-sim/messages';
import type { AnyActorRef } from 'xstate';
import type { Dh831Output } from './events.ts';

/** A virtual clock for `createActor(machine, { clock })`: timers fire only in `advanceTo`. */
export interface TestClock {
  now: number;
  setTimeout(fn: () => void, delay: number): number;
  clearTimeout(id: number): void;
  /** Runs every timer due at or before `ms` in due order (ties: scheduling order). */
  advanceTo(ms: number): void;
  /** Due instants of the timers still pending. */
  pending(): number[];
}

export function createTestClock(start: number): TestClock {
  const timers = new Map<number, { due: number; fn: () => void }>();
  let nextId = 1;
  const clock: TestClock = {
    now: start,
    setTimeout(fn, delay) {
      const id = nextId++;
      timers.set(id, { due: clock.now + delay, fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    advanceTo(ms) {
      for (;;) {
        let first: [number, { due: number; fn: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].due <= ms && (first === undefined || entry[1].due < first[1].due))
            first = entry;
        }
        if (first === undefined) break;
        timers.delete(first[0]);
        clock.now = first[1].due;
        first[1].fn();
      }
      clock.now = ms;
    },
    pending: () => [...timers.values()].map((t) => t.due).sort((a, b) => a - b),
  };
  return clock;
}

/** Collects what an actor emits, in order. */
export function record(actor: AnyActorRef): Dh831Output[] {
  const outputs: Dh831Output[] = [];
  actor.on('*', (output: Dh831Output) => outputs.push(output));
  return outputs;
}

export const stepsOf = (outputs: readonly Dh831Output[]) =>
  outputs.flatMap((o) => (o.type === 'step' ? [o.step] : []));

export const sendsOf = (outputs: readonly Dh831Output[]) =>
  outputs.flatMap((o) => (o.type === 'send' ? [o] : []));

export const statusesOf = (outputs: readonly Dh831Output[]) =>
  outputs.flatMap((o) => (o.type === 'request' ? [`${o.requestId}:${o.status}`] : []));

const faker = createFaker(831);
export const VALID = {
  gsrn: [fakeGsrn(faker), fakeGsrn(faker), fakeGsrn(faker)] as const,
  personalId: fakeFinnishPersonalId(faker),
  businessId: fakeFinnishBusinessId(faker),
};

/** 2026-03-10 12:00 Helsinki (EET, +02:00); Finland moves to EEST on 2026-03-29. */
export const RECEIPT = Date.parse('2026-03-10T12:00:00+02:00');

export function validProcess(overrides: Partial<Dh831Process> = {}): Dh831Process {
  return {
    requestId: 'REQ-1',
    customerId: VALID.personalId,
    periodStart: '2026-03-15T00:00:00+02:00',
    reason: 'tender-with-agreement',
    description: 'Tarjouspyyntö / invitation to tender',
    accountingPoints: [VALID.gsrn[0], VALID.gsrn[1]],
    recipient: { name: 'Maija Meikäläinen', email: 'maija@example.fi' },
    ...overrides,
  };
}

export function requestDocument(
  process: Dh831Process,
  messageId = `MSG-${process.requestId}`,
): Dh831RequestDocument {
  return {
    kind: 'DH-831',
    header: {
      messageId,
      messageType: 'DH-831',
      senderPartyId: 'SELLER1',
      receiverPartyId: 'DATAHUB',
      created: '2026-03-10T12:00:00+02:00',
    },
    process,
  };
}

export function cancelDocument(requestId: string, sender = 'SELLER1'): Dh851CancelDocument {
  return {
    kind: 'DH-851',
    header: {
      messageId: `CANCEL-${requestId}`,
      messageType: 'DH-851',
      senderPartyId: sender,
      receiverPartyId: 'DATAHUB',
      created: '2026-03-10T12:00:00+02:00',
    },
    process: { requestId },
  };
}
