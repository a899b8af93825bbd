/**
 * The end customer (loppuasiakas), or the recipient named in the request, in DH-831: reads the
 * notification and reminder e-mails and decides in the Authorization Service — approve
 * (optionally after removing accounting points, DH-PARTIAL) or reject. Letting a request expire is
 * doing nothing. Decisions travel as simulation-only `AS-DECISION` messages.
 */
import { assign, emit, setup } from 'xstate';
import { performs } from '../process/step-state.ts';
import type { CustomerEvent, Dh831Output, EmailIntent } from './events.ts';
import type { Dh831StateMeta } from './step-state.ts';
import type { Dh831StepKey } from './steps.ts';

export interface CustomerInput {
  readonly partyId: string;
  readonly datahubPartyId: string;
}

export interface CustomerContext extends CustomerInput {
  readonly mailbox: readonly EmailIntent[];
}

/**
 * @example
 * const customer = createActor(customerMachine, { input: { partyId: 'CUSTOMER', datahubPartyId: 'DATAHUB' }, clock });
 * customer.send({ type: 'stimulus.approve', at, requestId: 'REQ-1', removeAccountingPoints: [point] });
 */
export const customerMachine = setup({
  types: {
    input: {} as CustomerInput,
    context: {} as CustomerContext,
    events: {} as CustomerEvent,
    emitted: {} as Dh831Output,
    meta: {} as Dh831StateMeta,
  },
  guards: {
    removesPoints: ({ event }) =>
      event.type === 'stimulus.approve' && (event.removeAccountingPoints?.length ?? 0) > 0,
  },
  actions: {
    reportStep: emit((_, params: { step: Dh831StepKey }) => ({
      type: 'step' as const,
      step: params.step,
    })),
    keepMail: assign({
      mailbox: ({ context, event }) =>
        event.type === 'mail.received' ? [...context.mailbox, event.mail] : context.mailbox,
    }),
    sendDecision: emit(({ context, event }) => {
      if (event.type !== 'stimulus.approve' && event.type !== 'stimulus.reject') {
        throw new Error(
          `consent-sim: customer: sendDecision runs on a decision stimulus, got ${event.type}.`,
        );
      }
      return {
        type: 'send' as const,
        channel: 'authorization-service' as const,
        to: context.datahubPartyId,
        message: {
          messageCode: 'AS-DECISION' as const,
          requestId: event.requestId,
          decision: event.type === 'stimulus.approve' ? ('approve' as const) : ('reject' as const),
          removedAccountingPoints:
            event.type === 'stimulus.approve' ? [...(event.removeAccountingPoints ?? [])] : [],
        },
      };
    }),
  },
}).createMachine({
  id: 'customer',
  context: ({ input }) => ({ ...input, mailbox: [] }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        'mail.received': 'readingMail',
        'stimulus.approve': [
          { guard: 'removesPoints', target: 'removingPoints' },
          { target: 'approving' },
        ],
        'stimulus.reject': 'rejecting',
      },
    },
    readingMail: { ...performs('DH-831.CUST.RECEIVE_EMAIL', 'keepMail'), always: 'idle' },
    // The removal happens in the service's page; it is sent with the approval.
    removingPoints: { ...performs('DH-831.CUST.REMOVE_POINTS'), always: 'approving' },
    approving: { ...performs('DH-831.CUST.APPROVE', 'sendDecision'), always: 'idle' },
    rejecting: { ...performs('DH-831.CUST.REJECT', 'sendDecision'), always: 'idle' },
  },
});
