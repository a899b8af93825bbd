/**
 * The seller (myyjä) in DH-831: sends authorization requests, reads the ACKs and the approval
 * notice, fetches data it was granted, cancels with DH-851, and — when it asked for the wrong
 * accounting points — ends the authorization and destroys what it fetched (seed: "Merkittävät
 * virheet ja seuraukset"). One actor handles many requests; each step is a passing state.
 */
import type { AckError, Dh831Process } from '@consent-sim/messages';
import { assign, emit, enqueueActions, setup } from 'xstate';
import { performs } from '../process/step-state.ts';
import type { Dh831Output, SellerEvent } from './events.ts';
import type { Dh831StateMeta } from './step-state.ts';
import type { Dh831StepKey } from './steps.ts';

export interface SellerInput {
  readonly partyId: string;
  readonly datahubPartyId: string;
}

/** The seller's view of one of its requests. */
export interface SellerRequest {
  readonly process: Dh831Process;
  readonly status: 'sent' | 'accepted' | 'refused' | 'approved' | 'cancelled' | 'ended';
  readonly errors: readonly AckError[];
  readonly grantedAccountingPoints: readonly string[];
  readonly fetchedAccountingPoints: readonly string[];
}

export interface SellerContext extends SellerInput {
  readonly requests: Readonly<Record<string, SellerRequest>>;
}

const update = (
  context: SellerContext,
  requestId: string,
  change: (request: SellerRequest) => Partial<SellerRequest>,
): SellerContext['requests'] => {
  const request = context.requests[requestId];
  return request === undefined
    ? context.requests
    : { ...context.requests, [requestId]: { ...request, ...change(request) } };
};

/**
 * @example
 * const seller = createActor(sellerMachine, { input: { partyId: 'SELLER1', datahubPartyId: 'DATAHUB' }, clock });
 * seller.send({ type: 'stimulus.sendRequest', at, process });
 */
export const sellerMachine = setup({
  types: {
    input: {} as SellerInput,
    context: {} as SellerContext,
    events: {} as SellerEvent,
    emitted: {} as Dh831Output,
    meta: {} as Dh831StateMeta,
  },
  guards: {
    acksCancellation: ({ event }) =>
      event.type === 'receive.ACK' && event.message.original?.messageType === 'DH-851',
    isGranted: ({ context, event }) =>
      event.type === 'stimulus.fetchData' &&
      context.requests[event.requestId]?.status === 'approved' &&
      (context.requests[event.requestId]?.grantedAccountingPoints.includes(event.accountingPoint) ??
        false),
    isApproved: ({ context, event }) =>
      event.type === 'stimulus.endAuthorization' &&
      context.requests[event.requestId]?.status === 'approved',
  },
  actions: {
    reportStep: emit((_, params: { step: Dh831StepKey }) => ({
      type: 'step' as const,
      step: params.step,
    })),
    sendRequest: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'stimulus.sendRequest') return;
      const request: SellerRequest = {
        process: event.process,
        status: 'sent',
        errors: [],
        grantedAccountingPoints: [],
        fetchedAccountingPoints: [],
      };
      enqueue.assign({ requests: { ...context.requests, [event.process.requestId]: request } });
      enqueue.emit({
        type: 'send',
        channel: 'datahub',
        to: context.datahubPartyId,
        message: { messageCode: 'DH-831', process: event.process },
      });
    }),
    readAck: assign({
      requests: ({ context, event }) => {
        if (event.type !== 'receive.ACK' || event.message.original === undefined) {
          return context.requests;
        }
        const { acknowledgement, original } = event.message;
        const positive = acknowledgement.result === 'positive';
        return update(context, original.process.requestId, () =>
          original.messageType === 'DH-851'
            ? positive
              ? { status: 'cancelled' }
              : { errors: acknowledgement.errors }
            : { status: positive ? 'accepted' : 'refused', errors: acknowledgement.errors },
        );
      },
    }),
    readApproval: assign({
      requests: ({ context, event }) =>
        event.type === 'receive.DH-825'
          ? update(context, event.message.requestId, () => ({
              status: 'approved',
              grantedAccountingPoints: event.message.grantedAccountingPoints,
            }))
          : context.requests,
    }),
    sendCancel: emit(({ context, event }) => {
      if (event.type !== 'stimulus.cancel') {
        throw new Error(
          `consent-sim: seller: sendCancel runs on stimulus.cancel, got ${event.type}.`,
        );
      }
      return {
        type: 'send' as const,
        channel: 'datahub' as const,
        to: context.datahubPartyId,
        message: { messageCode: 'DH-851' as const, process: { requestId: event.requestId } },
      };
    }),
    fetchData: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'stimulus.fetchData') return;
      enqueue.assign({
        requests: update(context, event.requestId, (request) => ({
          fetchedAccountingPoints: [
            ...new Set([...request.fetchedAccountingPoints, event.accountingPoint]),
          ],
        })),
      });
      enqueue.emit({
        type: 'data',
        consentId: event.requestId,
        meteringPoint: event.accountingPoint,
        kind: 'metering-data',
      });
    }),
    // DH-CANCEL: the seed says "peruuttaa valtuutus"; the reference models a simulation-only message.
    endAuthorization: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'stimulus.endAuthorization') return;
      const request = context.requests[event.requestId];
      enqueue.emit({
        type: 'send',
        channel: 'datahub',
        to: context.datahubPartyId,
        message: {
          messageCode: 'AUTHORIZATION_END',
          requestId: event.requestId,
          reason: event.reason,
        },
      });
      enqueue.emit({
        type: 'obligation',
        requestId: event.requestId,
        duty: 'delete-fetched-data',
        meteringPoints: request?.fetchedAccountingPoints ?? [],
      });
    }),
    // Seed: "hävittää tiedot, jotka on jo ehtinyt hakea datahubista".
    deleteData: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'stimulus.endAuthorization') return;
      const request = context.requests[event.requestId];
      enqueue.emit({
        type: 'data-deleted',
        requestId: event.requestId,
        meteringPoints: request?.fetchedAccountingPoints ?? [],
      });
      enqueue.assign({
        requests: update(context, event.requestId, () => ({
          status: 'ended',
          fetchedAccountingPoints: [],
        })),
      });
    }),
  },
}).createMachine({
  id: 'seller',
  context: ({ input }) => ({ ...input, requests: {} }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'stimulus.sendRequest': 'sending',
        'receive.ACK': [
          { guard: 'acksCancellation', target: 'readingCancelAck' },
          { target: 'readingAck' },
        ],
        'receive.DH-825': 'readingApproval',
        'stimulus.cancel': 'cancelling',
        'stimulus.fetchData': { guard: 'isGranted', target: 'fetching' },
        'stimulus.endAuthorization': { guard: 'isApproved', target: 'endingAuthorization' },
      },
    },
    sending: { ...performs('DH-831.SELLER.SEND', 'sendRequest'), always: 'idle' },
    readingAck: { ...performs('DH-831.SELLER.RECEIVE_ACK', 'readAck'), always: 'idle' },
    readingApproval: {
      ...performs('DH-831.SELLER.RECEIVE_APPROVAL', 'readApproval'),
      always: 'idle',
    },
    cancelling: { ...performs('DH-851.SELLER.CANCEL', 'sendCancel'), always: 'idle' },
    readingCancelAck: {
      ...performs('DH-831.SELLER.RECEIVE_CANCEL_ACK', 'readAck'),
      always: 'idle',
    },
    fetching: { ...performs('DH-831.SELLER.FETCH_DATA', 'fetchData'), always: 'idle' },
    endingAuthorization: {
      ...performs('DH-831.SELLER.END_AUTHORIZATION', 'endAuthorization'),
      always: 'deletingData',
    },
    deletingData: { ...performs('DH-831.SELLER.DELETE_DATA', 'deleteData'), always: 'idle' },
  },
});
