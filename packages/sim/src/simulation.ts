import type { AnyActorRef } from 'xstate';
import { type TimerId, VirtualClock } from './clock.ts';
import {
  type InboundCodec,
  type MachineEvent,
  type PartyInfo,
  passThroughInbound,
  passThroughOutbound,
} from './codec.ts';
import { EmissionRouter } from './emissions.ts';
import type { Envelope } from './envelope.ts';
import { errorMessage } from './error-message.ts';
import {
  checkInvariants,
  everyMessageAccountedFor,
  type Invariant,
  type InvariantContext,
  type Violation,
} from './invariant.ts';
import { Network, type NetworkAccounting } from './network.ts';
import { createPartyActor } from './party-actor.ts';
import { createRng, type Rng } from './rng.ts';
import type {
  PartySpec,
  RunError,
  RunOptions,
  RunResult,
  SimulationOptions,
} from './simulation-types.ts';
import { TraceRecorder } from './trace.ts';

interface Party {
  info: PartyInfo;
  actor: AnyActorRef;
}

/**
 * Hosts role machines as XState actors on one virtual clock, connects them by a faulty network,
 * feeds scenario stimuli, records one trace and checks invariants.
 *
 * @example
 * const sim = new Simulation({ seed: 42, start: Date.parse('2026-03-02T09:00:00+01:00'), zone: 'Europe/Vienna' });
 * sim.addParty({ id: 'sp', address: 'EC123', role: 'serviceProvider', machine: spMachine });
 * sim.addParty({ id: 'dso', address: 'AT001', role: 'vnb', machine: dsoMachine });
 * sim.stimulus(sim.clock.now(), 'sp', { type: 'stimulus.request' });
 * const { trace, violations, accounting } = sim.run();
 */
export class Simulation implements InvariantContext {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly trace: TraceRecorder;
  readonly network: Network;
  readonly #parties = new Map<string, Party>();
  readonly #byAddress = new Map<string, Party>();
  readonly #invariants: Invariant[] = [everyMessageAccountedFor];
  readonly #inbound: InboundCodec;
  readonly #emissions: EmissionRouter;
  #started = false;
  #failure: RunError | null = null;

  constructor(options: SimulationOptions) {
    this.clock = new VirtualClock(options.start);
    this.rng = createRng(options.seed);
    this.trace = new TraceRecorder({ zone: options.zone, mode: options.traceMode ?? 'full' });
    this.#inbound = options.inboundCodec ?? passThroughInbound;
    this.network = new Network({
      clock: this.clock,
      rng: this.rng.fork('network'),
      trace: this.trace,
      deliver: (envelope) => this.#deliver(envelope),
      latencies: options.latencies ?? {},
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.corrupt ? { corrupt: options.corrupt } : {}),
      ...(options.reorderHoldMs !== undefined ? { reorderHoldMs: options.reorderHoldMs } : {}),
    });
    this.#emissions = new EmissionRouter({
      clock: this.clock,
      trace: this.trace,
      network: this.network,
      outbound: options.outboundCodec ?? passThroughOutbound,
      resolve: (to) => this.#resolve(to)?.info,
      fail: (party, error) => this.#fail(party, error),
    });
  }

  /**
   * Creates the party's actor on the virtual clock (started by the first `run()`, in the order
   * parties were added, or at once when added later). Emitted events of the actor and of every child it spawns are routed.
   */
  addParty(spec: PartySpec): AnyActorRef {
    const { id, address, role } = spec;
    if (this.#parties.has(id) || this.#byAddress.has(address)) {
      throw new Error(
        `consent-sim: simulation.ts addParty: party id "${id}" or address "${address}" is already taken; give every party a unique id and address`,
      );
    }
    const info: PartyInfo = { id, address, role };
    const actor = createPartyActor(info, spec.machine, spec.input, {
      clock: this.clock,
      trace: this.trace,
      emissions: this.#emissions,
      fail: (party, error) => this.#fail(party, error),
    });
    const party: Party = { info, actor };
    this.#parties.set(id, party);
    this.#byAddress.set(address, party);
    // A party added after the first run (e.g. between runs) starts at once.
    if (this.#started) actor.start();
    return actor;
  }

  /** The root actor of a party. */
  actor(partyId: string): AnyActorRef {
    return this.#party(partyId, 'actor').actor;
  }

  /** The parties, in the order they were added. */
  parties(): PartyInfo[] {
    return [...this.#parties.values()].map((p) => p.info);
  }

  /**
   * Makes a party do something at `at` (a scenario stimulus); the engine adds `at` to the event.
   * Returns the clock task, which `sim conform` cancels to move a stimulus that reacts to a
   * message of the system under test (conformance sut/anchors.ts).
   */
  stimulus(at: number, partyId: string, event: MachineEvent): TimerId {
    const party = this.#party(partyId, 'stimulus');
    return this.clock.schedule(
      at,
      () => {
        const now = this.clock.now();
        this.trace.record({ kind: 'stimulus', atMs: now, party: partyId, detail: event });
        this.#sendTo(party, withAt(event, now), { stimulus: event.type });
      },
      'stimulus',
    );
  }

  addInvariant(invariant: Invariant): void {
    this.#invariants.push(invariant);
    if (invariant.observe) this.trace.listen(invariant.observe);
  }

  accounting(): NetworkAccounting {
    return this.network.accounting();
  }

  /** Starts the parties (first call only), runs the clock, then checks every invariant. */
  run(options: RunOptions = {}): RunResult {
    this.#start();
    const until = options.until ?? Number.POSITIVE_INFINITY;
    const maxEvents = options.maxEvents ?? 10_000_000;
    let count = 0;
    for (let next = this.clock.nextDue(); this.#failure === null; next = this.clock.nextDue()) {
      if (next === undefined || next > until) {
        if (Number.isFinite(until) && until > this.clock.now()) this.clock.runUntil(until);
        break;
      }
      if (options.stopAfter !== undefined && next > options.stopAfter.atMs) {
        this.#fail(null, new Error(options.stopAfter.reason));
        break;
      }
      const overBudget = options.budget?.() ?? null;
      if (overBudget !== null) {
        this.#fail(null, new Error(overBudget));
        break;
      }
      if (count++ >= maxEvents) {
        this.#fail(
          null,
          new Error(
            `consent-sim: simulation.ts run: ${maxEvents} events without going idle (maxEvents); ${options.maxEventsHint ?? 'a machine probably loops. Fix it or raise maxEvents'}`,
          ),
        );
        break;
      }
      try {
        this.clock.runNext();
      } catch (error) {
        this.#fail(null, error);
      }
    }
    const violations = this.#check();
    return {
      status: this.#failure === null ? 'ok' : 'failed',
      error: this.#failure,
      trace: this.trace.events(),
      summary: this.trace.summary(),
      violations,
      accounting: this.network.accounting(),
      endedAt: this.clock.now(),
    };
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const party of this.#parties.values()) {
      if (this.#failure !== null) return;
      party.actor.start();
    }
  }

  #check(): Violation[] {
    return checkInvariants(this.#invariants, this.trace.events(), this, (v) =>
      this.trace.record({ kind: 'invariant', atMs: this.clock.now(), detail: v }),
    );
  }

  #deliver(envelope: Envelope): void {
    const party = this.#party(envelope.to, 'deliver');
    const result = this.#inbound(party.info, envelope);
    if ('rejected' in result) {
      this.trace.record({
        kind: 'note',
        atMs: this.clock.now(),
        party: envelope.to,
        from: envelope.from,
        to: envelope.to,
        channel: envelope.channel,
        messageCode: envelope.messageCode,
        detail: {
          type: 'rejected',
          envelope: envelope.id,
          reason: result.rejected,
          detail: result.detail ?? null,
        },
      });
      return;
    }
    let target = party;
    if (result.party !== undefined && result.party !== party.info.id) {
      target = this.#party(result.party, 'inboundCodec result.party');
      this.trace.record({
        kind: 'note',
        atMs: this.clock.now(),
        party: target.info.id,
        from: envelope.to,
        to: target.info.id,
        channel: envelope.channel,
        messageCode: envelope.messageCode,
        detail: { type: 'handed-over', envelope: envelope.id },
      });
    }
    this.#sendTo(target, withAt(result.event, this.clock.now()), { envelope: envelope.id });
  }

  /** Sends to a running actor; an event for a stopped one is recorded instead of lost silently. */
  #sendTo(party: Party, event: MachineEvent, cause: Record<string, string>): void {
    const status = party.actor.getSnapshot().status;
    if (status !== 'active') {
      this.trace.record({
        kind: 'note',
        atMs: this.clock.now(),
        party: party.info.id,
        detail: { type: 'undeliverable', event: event.type, partyStatus: status, ...cause },
      });
      return;
    }
    party.actor.send(event);
  }

  #resolve(to: string): Party | undefined {
    return this.#parties.get(to) ?? this.#byAddress.get(to);
  }

  #party(id: string, where: string): Party {
    const party = this.#parties.get(id);
    if (party === undefined) {
      throw new Error(
        `consent-sim: simulation.ts ${where}: no party "${id}"; known parties: ${[...this.#parties.keys()].join(', ') || 'none'} — add it with addParty first`,
      );
    }
    return party;
  }

  #fail(party: string | null, error: unknown): void {
    const message = errorMessage(error);
    this.trace.record({
      kind: 'note',
      atMs: this.clock.now(),
      party,
      detail: { type: 'error', message },
    });
    if (this.#failure === null) this.#failure = { party, message };
  }
}

/** Every event into a machine carries `at`, the virtual instant it happens (design contract). */
function withAt(event: MachineEvent, at: number): MachineEvent & { at: number } {
  return { ...event, at };
}
