/**
 * Wrong Datahubs for DH-831: the reference `datahubMachine` (or the per-request machine it spawns)
 * with one guard, delay or action swapped by `provide`. Each names the step it breaks.
 */
import { calendarDaysBetween, dh831, HELSINKI } from '@consent-sim/core';
import { type AnyStateMachine, assign, enqueueActions, sendParent } from 'xstate';
import { DH_831_CUSTOMER_MUTANTS } from './dh-831-customer.ts';
import { DH_831_DERIVED_MUTANTS } from './dh-831-derived.ts';
import { DH_831_SELLER_MUTANTS } from './dh-831-seller.ts';
import { DH_831_WRITER_MUTANTS } from './dh-831-writers.ts';
import type { Mutant } from './types.ts';

const DAY_MS = 86_400_000;
const request = dh831.authorizationRequestMachine;
type RequestMachine = typeof request;

export const datahubWith = (child: RequestMachine): AnyStateMachine =>
  dh831.datahubMachine.provide({ actors: { authorizationRequest: child } });

/** A request machine whose validation result is changed by `alter` (DH-831.DH.VALIDATE). */
export const validatingWith = (
  alter: (v: dh831.RequestValidation, receivedAt: number) => dh831.RequestValidation,
) =>
  datahubWith(
    request.provide({
      actions: {
        validate: assign({
          validation: ({ context }) =>
            alter(
              dh831.validateAuthorizationRequest(context.document.process, context.receivedAt, {
                duplicate: context.duplicate,
                header: context.document.header,
              }),
              context.receivedAt,
            ),
        }),
      },
    }),
  );

/**
 * A Datahub that, when a request leaves Open with `when(status, times)` true, also e-mails the
 * recipient, if it has one (a reminder-shaped mail: the harness compares who gets an e-mail when, not its
 * text). Used by a mutant (a reminder on close) and a reading (an e-mail at expiry).
 */
export const mailingOnClose = (
  when: (
    status: dh831.RequestStatus,
    times: dh831.RequestValidation['times'] | undefined,
  ) => boolean,
) =>
  datahubWith(
    request.provide({
      actions: {
        recordStatus: enqueueActions(
          ({ context, enqueue }, params: { status: dh831.RequestStatus }) => {
            const { requestId } = context.document.process;
            enqueue.sendParent({
              type: 'request.output',
              output: { type: 'request', requestId, status: params.status },
            });
            const times = context.validation?.times;
            const hasRecipient = context.document.process.recipient !== undefined;
            if (times !== undefined && hasRecipient && when(params.status, times)) {
              const message = dh831.reminderMail({
                process: context.document.process,
                sellerPartyId: context.from,
                requestEndAt: times.requestEndAt,
              });
              enqueue.sendParent({
                type: 'request.output',
                output: { type: 'send', channel: 'email', to: message.recipientEmail, message },
              });
            }
          },
        ),
      },
    }),
  );

/** A Datahub that never reports `errorId` (accepts what it should refuse). */
const ignoring = (errorId: string) =>
  validatingWith((v) => ({ ...v, errorIds: v.errorIds.filter((id) => id !== errorId) }));

const dh = (
  id: string,
  wrong: string,
  machine: () => AnyStateMachine,
  focus: readonly string[] = [],
  strictOnly?: string,
): Mutant => ({
  id: `dh-831/${id}`,
  process: 'dh-831',
  role: 'datahub',
  wrong,
  machine,
  focus,
  ...(strictOnly === undefined ? {} : { strictOnly }),
});

/** The catalogue of wrong Datahubs. */
export const DH_831_MUTANTS: readonly Mutant[] = [
  dh(
    'start-day-91-accepted',
    'a start 91 days ahead is accepted (EC.AUTH.002 not raised)',
    () => ignoring('EC.AUTH.002'),
    ['114788acfe80', 'start-beyond-90-days'],
  ),
  dh(
    'start-day-90-refused',
    'a start on day 90 is refused with EC.AUTH.002 (off by one)',
    () =>
      validatingWith((v, receivedAt) =>
        calendarDaysBetween(receivedAt, v.times.startAt, HELSINKI) === 90
          ? { ...v, errorIds: [...v.errorIds, 'EC.AUTH.002'] }
          : v,
      ),
    ['start-day-90-early', '8d453925e35d'],
  ),
  dh(
    'start-window-in-utc',
    'the start window counts calendar days in UTC, not Helsinki (DH-START-WINDOW: a wrong time zone)',
    () =>
      validatingWith((v, receivedAt) => {
        const days = calendarDaysBetween(receivedAt, v.times.startAt, 'UTC');
        const errorIds: (typeof v.errorIds)[number][] = v.errorIds.filter(
          (id) => id !== 'EC.AUTH.001' && id !== 'EC.AUTH.002',
        );
        if (days < 0) errorIds.push('EC.AUTH.001');
        else if (days > 90) errorIds.push('EC.AUTH.002');
        return { ...v, errorIds };
      }),
    ['start-yesterday-at-night'],
  ),
  dh(
    'start-in-past-accepted',
    'a start in the past is accepted (EC.AUTH.001 not raised)',
    () => ignoring('EC.AUTH.001'),
    ['76e59274110c', 'start-in-past'],
  ),
  dh(
    'duplicate-request-accepted',
    'a reused request id is accepted (EC.AUTH.040 not raised)',
    () => ignoring('EC.AUTH.040'),
    ['duplicate-request-id'],
  ),
  dh(
    'end-in-past-accepted',
    'a request end date in the past is accepted (EC.AUTH.016)',
    () => ignoring('EC.AUTH.016'),
    ['2b89e9e0d2ed'],
  ),
  dh(
    'description-151-accepted',
    'a 151-character description is accepted (EC.AUTH.012 not raised)',
    () => ignoring('EC.AUTH.012'),
    ['4f7d3c975dc3'],
  ),
  dh(
    'gsrn-unchecked',
    'an accounting point with a wrong GSRN check digit is accepted (EC.AUTH.011 not raised)',
    () => ignoring('EC.AUTH.011'),
    ['623f5cc047b6', 'invalid-accounting-point'],
  ),
  dh(
    'customer-id-unchecked',
    'a customer id that is neither henkilötunnus nor Y-tunnus is accepted (EC.AUTH.010 not raised)',
    () => ignoring('EC.AUTH.010'),
    ['6e31f8ecc0de', 'invalid-customer-id'],
  ),
  dh(
    'recipient-incomplete-accepted',
    'a recipient without e-mail address is accepted (EC.AUTH.013 not raised; the e-mail has nobody to go to)',
    () => ignoring('EC.AUTH.013'),
    ['recipient-incomplete'],
  ),
  dh(
    'reminder-in-past-accepted',
    'a reminder time that is not between receipt and request end is accepted (EC.AUTH.014, DH-REMINDER)',
    () => ignoring('EC.AUTH.014'),
    ['7c91bf62dcfb'],
  ),
  dh(
    'end-before-start-accepted',
    'an authorization end not after its start is accepted (EC.AUTH.003 not raised)',
    () => ignoring('EC.AUTH.003'),
    ['f64ebb6f68fa'],
  ),
  dh(
    'past-start-reported-as-too-far',
    'a start in the past is refused with EC.AUTH.002 (too far ahead) instead of EC.AUTH.001',
    () =>
      validatingWith((v) => ({
        ...v,
        errorIds: v.errorIds.map((id) => (id === 'EC.AUTH.001' ? 'EC.AUTH.002' : id)),
      })),
    ['76e59274110c', 'start-in-past'],
    'DH-ERROR-IDS: a negative ACK with another error id is a WARNING by default (the documents give the id shape, not the table)',
  ),
  dh(
    'reminder-when-closed',
    'the reminder is e-mailed when the request closes (DH-831.GW.REMINDER_OPEN)',
    () => mailingOnClose((status, times) => status !== 'Open' && times?.reminderAt != null),
    ['001c24c80c80', 'reminder-not-sent-when-closed'],
  ),
  dh(
    'reminder-never-sent',
    'the reminder e-mail is never sent (DH-831.DH.REMINDER_EMAIL)',
    () => datahubWith(request.provide({ guards: { hasReminder: () => false } })),
    ['001c24c80c80', 'reminder-sent'],
  ),
  dh(
    'reminder-a-day-late',
    'the reminder is sent one day after its time (DH-831.DH.REMINDER_EMAIL)',
    () =>
      datahubWith(
        request.provide({
          delays: {
            reminderDue: ({ context }) => {
              const times = context.validation?.times;
              return (times?.reminderAt ?? context.receivedAt) - context.receivedAt + DAY_MS;
            },
          },
        }),
      ),
    ['001c24c80c80'],
  ),
  dh(
    'expires-a-day-late',
    'an open request expires one day after its end (DH-831.DH.EXPIRE)',
    () =>
      datahubWith(
        request.provide({
          delays: {
            requestEnd: ({ context }) =>
              (context.validation?.times.requestEndAt ?? context.receivedAt) -
              context.receivedAt +
              DAY_MS,
          },
        }),
      ),
    ['13a331ad2f93', 'expired'],
  ),
  dh(
    'negative-ack-without-error',
    'a negative ACK lists no error id (DH-831.DH.ACK_NEGATIVE)',
    () =>
      datahubWith(
        request.provide({
          actions: {
            sendNegativeAck: sendParent(({ context }) => ({
              type: 'request.output' as const,
              output: {
                type: 'send' as const,
                channel: 'datahub' as const,
                to: context.from,
                message: {
                  messageCode: 'ACK' as const,
                  original: { messageType: 'DH-831' as const, process: context.document.process },
                  acknowledgement: {
                    result: 'negative' as const,
                    originalMessageId: context.document.header.messageId,
                    errors: [],
                  },
                },
              },
            })),
          },
        }),
      ),
    ['114788acfe80'],
  ),
  dh(
    'notification-not-sent',
    'no notification e-mail to the recipient (DH-831.DH.NOTIFY_EMAIL)',
    () => datahubWith(request.provide({ guards: { hasRecipient: () => false } })),
    ['001c24c80c80'],
  ),
  dh(
    'dh851-refused',
    'every DH-851 cancellation is refused (DH-851.DH.CANCEL never happens)',
    () =>
      dh831.datahubMachine.provide({
        guards: { cancelRefused: ({ event }) => event.type === 'receive.DH-851' },
      }),
    ['28606db845ce', 'cancelled-dh-851'],
  ),
  dh(
    'dh851-cancels-approved',
    'DH-851 cancels an approved request (EC.AUTH.030 not raised)',
    () =>
      dh831.datahubMachine.provide({
        guards: {
          cancelRefused: ({ context, event }) => {
            if (event.type !== 'receive.DH-851') return false;
            const refusal = dh831.cancelRefusal(context, event.from, event.message);
            return refusal !== null && refusal !== 'EC.AUTH.030';
          },
        },
      }),
    ['001c24c80c80', 'cancel-after-approval-refused'],
  ),
  dh(
    'empty-approval',
    'removing every accounting point counts as an approval (DH-PARTIAL)',
    () => datahubWith(request.provide({ guards: { removesEveryPoint: () => false } })),
    ['20b3d32ca016'],
    'DH-PARTIAL: an empty approved authorization is the other reading the interpretation notes list, which conform reports as WARNINGs by default',
  ),
  dh(
    'rejection-approves',
    'a rejection decision approves the request (DH-831.DH.REJECT)',
    () => datahubWith(request.provide({ guards: { isRejection: () => false } })),
    ['001c24c80c80', 'rejected-by-customer'],
  ),
  // Wrong document writers: the Datahub's and seller's "now" instants (dh-831-writers.ts).
  ...DH_831_WRITER_MUTANTS,
  ...DH_831_DERIVED_MUTANTS,
  // Wrong sellers that give in to a temptation: data without an approved authorization.
  ...DH_831_SELLER_MUTANTS,
  ...DH_831_CUSTOMER_MUTANTS,
];
