/**
 * Party hosting: a role machine as an XState actor on the virtual clock. Every actor of the
 * party's system is attached to the emission router, a delayed (`after`) event is recorded as a
 * timer, and each change of the root's state value becomes a `state` trace event.
 */
import { type AnyActorRef, type AnyStateMachine, createActor } from 'xstate';
import type { VirtualClock } from './clock.ts';
import type { PartyInfo } from './codec.ts';
import type { EmissionRouter } from './emissions.ts';
import type { TraceRecorder } from './trace.ts';

const TIMER_LABEL = 'xstate.timer';

/** What a hosted actor is connected to. */
export interface PartyActorHost {
  readonly clock: VirtualClock;
  readonly trace: TraceRecorder;
  readonly emissions: EmissionRouter;
  /** Fails the run when the actor errors. */
  readonly fail: (party: string, error: unknown) => void;
}

/**
 * Creates (does not start) the actor that plays `info`'s role.
 *
 * @example createPartyActor({ id: 'sp', address: 'EC123', role: 'sp' }, spMachine, undefined, host).start();
 */
export function createPartyActor(
  info: PartyInfo,
  machine: AnyStateMachine,
  input: unknown,
  host: PartyActorHost,
): AnyActorRef {
  const { clock, trace, emissions } = host;
  const id = info.id;
  let timerFired = false;
  const actor = createActor(machine, {
    // An explicit id keeps xstate's process-global session counter out of the trace.
    id,
    input,
    clock: clock.xstateClock({ label: TIMER_LABEL, onFire: () => (timerFired = true) }),
    inspect: (inspection) => {
      const ref = inspection.actorRef;
      if (inspection.type === '@xstate.actor' && isActorRef(ref)) {
        emissions.attach(info, ref);
      } else if (
        timerFired &&
        inspection.type === '@xstate.event' &&
        clock.currentLabel() === TIMER_LABEL &&
        isActorRef(ref)
      ) {
        // The first event relayed inside a timer task is the timer's own delayed event.
        timerFired = false;
        emissions.timer(info, ref, inspection.event);
      }
    },
  });
  let lastValue: string | null = null;
  actor.subscribe({
    next: (snapshot: { value?: unknown }) => {
      const value = snapshot.value;
      const key = typeof value === 'string' ? value : JSON.stringify(value);
      if (key === lastValue) return;
      lastValue = key;
      trace.record({
        kind: 'state',
        atMs: clock.now(),
        party: id,
        detail: { type: 'actor', value: value ?? null },
      });
    },
    error: (error: unknown) => host.fail(id, error),
  });
  return actor;
}

/** Inspection events type their actor loosely; at runtime they are full actor refs. */
function isActorRef(ref: unknown): ref is AnyActorRef {
  const candidate = ref as Partial<AnyActorRef> | null;
  return typeof candidate?.on === 'function' && typeof candidate.id === 'string';
}
