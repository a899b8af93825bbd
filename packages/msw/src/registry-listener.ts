/**
 * A reference role machine that also tells msw what its registry says: every `consent`
 * (CM_REQ_OFF) or `request` (DH-831) status it emits, for `consentStatus` / `requestStatus`.
 * The machine is unchanged; when its actor starts (XState's `ActorLogic.start(snapshot,
 * actorScope)`), the listener subscribes to the actor's own emissions. Stopgap: `ServedRole`
 * does not expose its run's `state` trace events, which carry the same.
 */
import type { AnyActorScope, AnyMachineSnapshot, AnyStateMachine } from 'xstate';

export type RegistryEmission =
  | { readonly type: 'consent'; readonly consentId: string; readonly status: string }
  | { readonly type: 'request'; readonly requestId: string; readonly status: string };

const isRegistryEmission = (emitted: { type: string }): emitted is RegistryEmission =>
  emitted.type === 'consent' || emitted.type === 'request';

/**
 * @example reportingRegistry(cmReqOff.vnbMachine, (e) => statuses.set(e.consentId, e.status))
 */
export function reportingRegistry(
  machine: AnyStateMachine,
  listener: (emitted: RegistryEmission) => void,
): AnyStateMachine {
  // Everything but `start` is the machine's own (XState binds its methods to the instance).
  const reporting: AnyStateMachine = Object.create(machine);
  reporting.start = (snapshot: AnyMachineSnapshot, actorScope?: AnyActorScope) => {
    actorScope?.self.on('*', (emitted: { type: string }) => {
      if (isRegistryEmission(emitted)) listener(emitted);
    });
    machine.start(snapshot);
  };
  return reporting;
}
