import type { AnyActorRef, EventObject } from 'xstate';
import type { VirtualClock } from './clock.ts';
import type { OutboundCodec, PartyInfo, SendEmission } from './codec.ts';
import type { Network } from './network.ts';
import type { TraceRecorder } from './trace.ts';

export interface EmissionRouterOptions {
  clock: VirtualClock;
  trace: TraceRecorder;
  network: Network;
  outbound: OutboundCodec;
  /** Finds a recipient by party id or address. */
  resolve: (to: string) => PartyInfo | undefined;
  /** Fails the run; emission errors never escape into xstate (which would rethrow them later). */
  fail: (party: string, error: unknown) => void;
}

type Emitted = EventObject & Record<string, unknown>;

/**
 * Routes what machines `emit` (design contract: `step`, `send`, `consent`, `request`, `data`)
 * into the trace and the network. Attached to every actor of a party's system,
 * so children spawned per ConsentId are heard as well as the root.
 *
 * @example router.attach(dsoInfo, actorRef);
 */
export class EmissionRouter {
  readonly #o: EmissionRouterOptions;
  /** Last step per actor, so a `send` without a step inherits the one emitted at that instant. */
  readonly #lastStep = new WeakMap<AnyActorRef, { step: string; at: number }>();

  constructor(options: EmissionRouterOptions) {
    this.#o = options;
  }

  attach(party: PartyInfo, actor: AnyActorRef): void {
    actor.on('*', (emitted: Emitted) => {
      try {
        this.#route(party, actor, emitted);
      } catch (error) {
        this.#o.fail(party.id, error);
      }
    });
  }

  /** Records a delayed event (an `after` timer) arriving at an actor. */
  timer(party: PartyInfo, actor: AnyActorRef, event: EventObject): void {
    this.#o.trace.record({
      kind: 'timer',
      atMs: this.#o.clock.now(),
      party: party.id,
      detail: { actor: actorName(party, actor), event: event.type },
    });
  }

  #route(party: PartyInfo, actor: AnyActorRef, emitted: Emitted): void {
    const { trace } = this.#o;
    const atMs = this.#o.clock.now();
    switch (emitted.type) {
      case 'step': {
        const step = expectString(party, emitted, 'step');
        this.#lastStep.set(actor, { step, at: atMs });
        trace.record({
          kind: 'step',
          atMs,
          party: party.id,
          step,
          detail: { actor: actorName(party, actor) },
        });
        return;
      }
      case 'send':
        this.#send(party, actor, emitted);
        return;
      case 'consent':
        expectString(party, emitted, 'consentId');
        expectString(party, emitted, 'status');
        trace.record({ kind: 'state', atMs, party: party.id, detail: emitted });
        return;
      case 'request':
        expectString(party, emitted, 'requestId');
        expectString(party, emitted, 'status');
        trace.record({ kind: 'state', atMs, party: party.id, detail: emitted });
        return;
      case 'data':
        trace.record({ kind: 'data', atMs, party: party.id, detail: emitted });
        return;
      case 'undeliverable':
        // DH-831 Datahub routed an event to a request child that has finished (a mutant's
        // doing): a note, like the engine's own for an event to a stopped root actor.
        trace.record({ kind: 'note', atMs, party: party.id, detail: emitted });
        return;
      default:
        trace.record({ kind: 'note', atMs, party: party.id, detail: emitted });
    }
  }

  #send(party: PartyInfo, actor: AnyActorRef, emitted: Emitted): void {
    const channel = emitted.channel;
    if (typeof channel !== 'string' || channel === '') {
      throw new Error(
        `consent-sim: emissions.ts party "${party.id}" emitted send.channel ${JSON.stringify(channel)}; it must name a channel such as eda, email, post, phone or handover`,
      );
    }
    const to = expectString(party, emitted, 'to');
    const recipient = this.#o.resolve(to);
    if (recipient === undefined) {
      throw new Error(
        `consent-sim: emissions.ts party "${party.id}" emitted send.to "${to}", which is neither a party id nor an address; add that party or fix the recipient`,
      );
    }
    const now = this.#o.clock.now();
    const last = this.#lastStep.get(actor);
    const step =
      typeof emitted.step === 'string' ? emitted.step : last?.at === now ? last.step : null;
    const encoded = this.#o.outbound(party, emitted as unknown as SendEmission);
    this.#o.network.send({
      channel,
      from: party.id,
      to: recipient.id,
      payload: encoded.payload,
      messageCode: encoded.messageCode ?? null,
      responseCodes: encoded.responseCodes ?? [],
      step,
      document: encoded.document ?? null,
    });
  }
}

/** The child's id when it was given one (e.g. a ConsentId); null for the party's root actor. */
function actorName(party: PartyInfo, actor: AnyActorRef): string | null {
  // A child without an explicit id carries xstate's process-global session id, which would
  // make traces differ between runs in one process; it is left out.
  if (actor.id === party.id || actor.id === actor.sessionId) return null;
  return actor.id;
}

function expectString(party: PartyInfo, emitted: Emitted, field: string): string {
  const value = emitted[field];
  if (typeof value !== 'string') {
    throw new Error(
      `consent-sim: emissions.ts party "${party.id}" emitted ${emitted.type}.${field} = ${JSON.stringify(value)}; it must be a string (see docs/design.md, "Out of a machine")`,
    );
  }
  return value;
}
