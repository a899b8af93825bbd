/**
 * VNB_04: the DSO starts one `vnbConsent` machine per ConsentId. Each is a separate actor system
 * on the DSO's clock, reporting by `emit` (relayed by the DSO machine), not a child: `spawnChild`
 * copies the children map on every spawn, and in a shared system every actor stop scans all
 * scheduled events (`scheduler.cancelAll`) — both quadratic for the 100 000-consent load run
 * (measured: 20 000 consents spent 16.6 of 33 s in cancelAll). The DSO forwards to a consent
 * only what concerns it (`consentEvents`).
 */
import {
  Actor,
  type ActorRefFrom,
  type AnyActorLogic,
  type AnyActorRef,
  createActor,
} from 'xstate';
import type { vnbConsentMachine } from './vnb-consent.ts';
import type { VnbConsentEvent } from './vnb-consent-context.ts';
import { pendingOf, type VnbContext, type VnbMachineEvent } from './vnb-context.ts';

type Clock = Actor<AnyActorLogic>['clock'];

/**
 * The clock the DSO actor runs on (`Actor#clock`, public): the engine's virtual clock, so the
 * consents' timers are the engine's timers. `self` of a machine action is always an `Actor`.
 */
function clockOf(self: AnyActorRef): Clock {
  if (self instanceof Actor) return self.clock;
  throw new Error(
    'consent-sim: cm-req-off/vnb-consents.ts: the DSO is not an xstate Actor, so its clock is unknown; create it with createActor(vnbMachine, { clock })',
  );
}

/**
 * Starts the consents of the application `event` concerns, their reports relayed to the DSO.
 * Parameterised, so that a different consent machine (a deliberately wrong one, in the
 * conformance suites) can be plugged in with `vnbWithConsentMachine` instead of copying this.
 */
export function startConsents(
  { context, event, self }: { context: VnbContext; event: VnbMachineEvent; self: AnyActorRef },
  consentMachine: typeof vnbConsentMachine,
): void {
  const { id, customer, documents, issuedAt } = pendingOf(context, event);
  const startedAt = event.type === 'qr.created' ? event.at : issuedAt;
  const clock = clockOf(self);
  for (const { consentId, meteringPoint, dsoAddress, ...request } of documents) {
    const input = {
      consentId,
      meteringPoint,
      dsoAddress,
      request,
      issuedAt,
      startedAt,
      customer,
    };
    const consent = createActor(consentMachine, { id: consentId, clock });
    consent.on('consent.report', (report) => self.send(report));
    consent.subscribe({ complete: () => self.send({ type: 'consent.done', consentId }) });
    context.consents.set(consentId, consent);
    consent.start();
    consent.send({ type: 'start', input });
  }
  context.pending.delete(id);
}

/** An event for one live consent. */
export interface ConsentDelivery {
  consent: ActorRefFrom<typeof vnbConsentMachine>;
  event: VnbConsentEvent;
}

/**
 * What the DSO forwards of `event` to its live consents: an objection to each ConsentId it
 * names, the SP's answer to a revocation, and a data request for an active release only
 * (`OFF-DATA-DELIVERY`). A finished consent is no longer in `context.consents`.
 */
export function consentEvents(context: VnbContext, event: VnbMachineEvent): ConsentDelivery[] {
  switch (event.type) {
    case 'mail.received': {
      if (event.mail.topic.kind !== 'objection') return [];
      return event.mail.topic.consentIds.flatMap((consentId) => {
        const consent = context.consents.get(consentId);
        return consent ? [{ consent, event: { type: 'objection', at: event.at } }] : [];
      });
    }
    case 'receive.ANTWORT_CCMC': {
      const consent = context.consents.get(event.message.consentId ?? '');
      if (!consent) return [];
      return [
        {
          consent,
          event: { type: 'revocation.answered', at: event.at, message: event.message },
        },
      ];
    }
    case 'receive.ANFORDERUNG_DATEN': {
      // Data leave the DSO only for an active release (OFF-DATA-DELIVERY).
      const consent = context.consents.get(event.message.consentId);
      const active = context.registry.consents.get(event.message.consentId)?.status === 'active';
      if (!consent || !active) return [];
      return [{ consent, event: { type: 'data.requested', at: event.at, message: event.message } }];
    }
    default:
      return [];
  }
}
