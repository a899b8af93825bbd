/**
 * Datahub with its Authorization Service (valtuutuspalvelu) in DH-831 / DH-851. The root routes:
 * each DH-831 gets its own `authorizationRequest` child (many requests at once), DH-851 and the
 * customer's decisions go to the request they name, and everything a child hands over is emitted
 * here, so the engine observes this one actor. Swap effects with `machine.provide()`; swap a
 * request's effects with `provide({ actors: { authorizationRequest: … } })`.
 */
import {
  ackError,
  DATAHUB_ERRORS,
  type DatahubErrorId,
  type Dh851CancelDocument,
} from '@consent-sim/messages';
import { emit, enqueueActions, setup } from 'xstate';
import { performs } from '../process/step-state.ts';
import {
  type AuthorizationRequestEvent,
  authorizationRequestMachine,
  type RequestOutputEvent,
} from './authorization-request.ts';
import type { RequestStatus } from './catalogue.ts';
import type { DatahubEvent, Dh831Output } from './events.ts';
import type { Dh831StateMeta } from './step-state.ts';
import type { Dh831StepKey } from './steps.ts';

export interface DatahubInput {
  /** Datahub's own party id (sender of ACKs). */
  readonly partyId: string;
}

/** What Datahub knows about each accepted request, by request id. */
export interface RegisteredRequest {
  readonly childId: string;
  readonly seller: string;
  /** null while the request is being validated. */
  readonly status: RequestStatus | null;
}

export interface DatahubContext {
  readonly partyId: string;
  readonly requests: Readonly<Record<string, RegisteredRequest>>;
  readonly received: number;
}

type Event = DatahubEvent | RequestOutputEvent;

/** DH-851.GW.OPEN: why a cancellation is refused, or null when the request is Open. */
export function cancelRefusal(
  context: DatahubContext,
  from: string,
  document: Dh851CancelDocument,
): DatahubErrorId | null {
  const request = context.requests[document.process.requestId];
  if (request === undefined || request.status === null) return 'EC.AUTH.031';
  if (request.seller !== from) return 'EC.AUTH.032';
  return request.status === 'Open' ? null : 'EC.AUTH.030';
}

/** The request `event` names and what its machine is told: DH-851, a decision, an end. */
function routeToRequest(
  event: Event,
): { requestId: string; event: AuthorizationRequestEvent } | undefined {
  switch (event.type) {
    case 'receive.DH-851':
      return {
        requestId: event.message.process.requestId,
        event: { type: 'cancel', at: event.at, document: event.message },
      };
    case 'receive.AS-DECISION':
      return {
        requestId: event.message.requestId,
        event: { type: 'decision', at: event.at, message: event.message },
      };
    case 'receive.AUTHORIZATION_END':
      return {
        requestId: event.message.requestId,
        event: { type: 'end', at: event.at, message: event.message },
      };
    default:
      return undefined;
  }
}

/**
 * @example
 * const datahub = createActor(datahubMachine, { input: { partyId: 'DATAHUB' }, clock });
 * datahub.on('*', (output) => trace.push(output));
 */
export const datahubMachine = setup({
  types: {
    input: {} as DatahubInput,
    context: {} as DatahubContext,
    events: {} as Event,
    emitted: {} as Dh831Output,
    meta: {} as Dh831StateMeta,
  },
  actors: { authorizationRequest: authorizationRequestMachine },
  guards: {
    cancelRefused: ({ context, event }) =>
      event.type === 'receive.DH-851' && cancelRefusal(context, event.from, event.message) !== null,
    requestIsOpen: ({ context, event }) =>
      event.type === 'receive.AS-DECISION' &&
      context.requests[event.message.requestId]?.status === 'Open',
    // Only the requester ends its own approved authorization (DH-CANCEL).
    authorizationIsActive: ({ context, event }) => {
      if (event.type !== 'receive.AUTHORIZATION_END') return false;
      const request = context.requests[event.message.requestId];
      return request?.status === 'Approved' && request.seller === event.from;
    },
  },
  actions: {
    reportStep: emit((_, params: { step: Dh831StepKey }) => ({
      type: 'step' as const,
      step: params.step,
    })),
    spawnRequest: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'receive.DH-831') return;
      const childId = `request-${context.received + 1}`;
      const requestId = event.message.process.requestId;
      const known = context.requests[requestId];
      const duplicate = known !== undefined && known.status !== null;
      enqueue.spawnChild('authorizationRequest', {
        id: childId,
        input: { document: event.message, receivedAt: event.at, from: event.from, duplicate },
      });
      enqueue.assign({
        received: context.received + 1,
        requests: duplicate
          ? context.requests
          : { ...context.requests, [requestId]: { childId, seller: event.from, status: null } },
      });
    }),
    // Child outputs are emitted unchanged; status changes also update the registry.
    relayOutput: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'request.output') return;
      const output = event.output;
      if (output.type === 'request') {
        const known = context.requests[output.requestId];
        if (known !== undefined) {
          enqueue.assign({
            requests: {
              ...context.requests,
              [output.requestId]: { ...known, status: output.status },
            },
          });
        }
      }
      enqueue.emit(output);
    }),
    // Checked against the child's status, because a wrong Datahub (a mutant) may route an event
    // to a request that already ended; the reference's guards only route to live requests, so
    // its traces do not change.
    forwardToRequest: enqueueActions(({ context, event, self, enqueue }) => {
      const routed = routeToRequest(event);
      if (routed === undefined) return;
      const childId = context.requests[routed.requestId]?.childId ?? '';
      const child = self.getSnapshot().children[childId];
      const actorStatus = child?.getSnapshot().status ?? 'unknown';
      if (child !== undefined && actorStatus === 'active') {
        enqueue.sendTo(child, routed.event);
        return;
      }
      enqueue.emit({
        type: 'undeliverable',
        event: routed.event.type,
        requestId: routed.requestId,
        actor: childId,
        actorStatus,
      });
    }),
    refuseCancel: emit(({ context, event }) => {
      if (event.type !== 'receive.DH-851')
        throw new Error(`consent-sim: datahub: refuseCancel got ${event.type}.`);
      const errorId = cancelRefusal(context, event.from, event.message) ?? 'EC.AUTH.030';
      return {
        type: 'send' as const,
        channel: 'datahub' as const,
        to: event.from,
        message: {
          messageCode: 'ACK' as const,
          original: { messageType: 'DH-851' as const, process: event.message.process },
          acknowledgement: {
            result: 'negative' as const,
            originalMessageId: event.message.header.messageId,
            errors: [ackError(errorId)],
          },
        },
      };
    }),
    // DH-ERROR-IDS: an unreadable document gets a negative ACK without a copied process element.
    sendTechnicalFault: emit(({ event }) => {
      if (event.type !== 'receive.invalid')
        throw new Error(`consent-sim: datahub: sendTechnicalFault got ${event.type}.`);
      const ids = [...new Set(event.issues.map((issue) => issue.rule))].map((rule) =>
        rule in DATAHUB_ERRORS ? (rule as DatahubErrorId) : 'EC.MSG.001',
      );
      return {
        type: 'send' as const,
        channel: 'datahub' as const,
        to: event.from,
        message: {
          messageCode: 'ACK' as const,
          acknowledgement: {
            result: 'negative' as const,
            errors: [...new Set(ids.length === 0 ? (['EC.MSG.001'] as const) : ids)].map(ackError),
          },
        },
      };
    }),
  },
}).createMachine({
  id: 'datahub',
  context: ({ input }) => ({ partyId: input.partyId, requests: {}, received: 0 }),
  initial: 'listening',
  on: {
    'receive.DH-831': { actions: 'spawnRequest' },
    'request.output': { actions: 'relayOutput' },
    'receive.DH-851': [
      { guard: 'cancelRefused', target: '.refusingCancel' },
      { actions: 'forwardToRequest' },
    ],
    // The Authorization Service offers decisions only on open requests; others are not shown.
    'receive.AS-DECISION': { guard: 'requestIsOpen', actions: 'forwardToRequest' },
    'receive.AUTHORIZATION_END': { guard: 'authorizationIsActive', actions: 'forwardToRequest' },
    'receive.invalid': { target: '.faulting' },
  },
  states: {
    listening: {},
    refusingCancel: { ...performs('DH-851.DH.REFUSE', 'refuseCancel'), always: 'listening' },
    faulting: {
      ...performs('DH-831.DH.TECHNICAL_FAULT', 'sendTechnicalFault'),
      always: 'listening',
    },
  },
});
