/**
 * Wrong DSOs for CM_REQ_OFF: the reference `vnbMachine` (or its per-ConsentId machine) with one
 * guard, delay or action swapped by `provide`. Each names the step or interpretation it breaks.
 */
import { addCalendarDays, cmReqOff, isoInZone, VIENNA } from '@consent-sim/core';
import { type AnyStateMachine, emit, enqueueActions } from 'xstate';
import { CM_REQ_OFF_CUSTOMER_MUTANTS } from './cm-req-off-customer.ts';
import { CM_REQ_OFF_DAYS_MUTANTS } from './cm-req-off-days.ts';
import { CM_REQ_OFF_DERIVED_MUTANTS } from './cm-req-off-derived.ts';
import { dsoWithConsents, objectionBy, redemptionBy } from './cm-req-off-dso.ts';
import { CM_REQ_OFF_SP_MUTANTS } from './cm-req-off-sp.ts';
import { CM_REQ_OFF_WRITER_MUTANTS } from './cm-req-off-writers.ts';
import type { Mutant } from './types.ts';

const DAY_MS = 86_400_000;
type Code = ReturnType<typeof cmReqOff.consentRequestRejection>;

export { dsoWithConsents, objectionBy, redemptionBy };

/** A DSO that does not reject a ConsentRequest it should reject with `code` (it accepts it). */
const accepting = (code: NonNullable<Code>) =>
  cmReqOff.vnbMachine.provide({
    guards: {
      requestRejected: ({ context, event }) => {
        if (event.type === 'receive.invalid') return code !== 76;
        if (event.type !== 'receive.ANFORDERUNG_CMQF') return false;
        const found = cmReqOff.consentRequestRejection(context.registry, context, event.message);
        return found !== undefined && found !== code;
      },
    },
  });

/** A DSO that rejects with `wrong` where the reference answers `right` (ABLEHNUNG_CMQF). */
const answering = (right: NonNullable<Code>, wrong: cmReqOff.ResponseCode) =>
  cmReqOff.vnbMachine.provide({
    actions: {
      rejectRequest: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'receive.ANFORDERUNG_CMQF' && event.type !== 'receive.invalid') return;
        const code =
          event.type === 'receive.invalid'
            ? 76
            : cmReqOff.consentRequestRejection(context.registry, context, event.message);
        if (code === undefined) return;
        const request = event.message ?? {};
        if (request.messageId !== undefined) context.registry.seenMessageIds.add(request.messageId);
        if (request.cmRequestId !== undefined)
          context.registry.seenCmRequestIds.add(request.cmRequestId);
        enqueue.emit({
          type: 'send',
          channel: 'eda',
          to: request.senderAddress ?? event.from,
          message: {
            messageCode: 'ABLEHNUNG_CMQF',
            ...(request.conversationId !== undefined
              ? { conversationId: request.conversationId }
              : {}),
            ...(request.cmRequestId !== undefined ? { cmRequestId: request.cmRequestId } : {}),
            ...(request.consentId !== undefined ? { consentId: request.consentId } : {}),
            ...(request.meteringPoint !== undefined
              ? { meteringPoint: request.meteringPoint }
              : {}),
            responseCodes: [code === right ? wrong : code],
          },
        });
      }),
    },
  });

/**
 * A consent whose answers to the SP carry `recode(code)`, and that, with its receipt answer 99
 * (VNB_09), also sends what only VNB_16 may send: the grant 175, or the data of the requested
 * period (`extra`).
 */
const withReceipt = (
  extra: 'grant' | 'data' | 'nothing',
  recode: (code: cmReqOff.ResponseCode) => cmReqOff.ResponseCode = (code) => code,
) =>
  dsoWithConsents(
    cmReqOff.vnbConsentMachine.provide({
      actions: {
        answerSp: enqueueActions(({ context, enqueue }, params) => {
          const redemption = context.redemption;
          if (redemption === undefined) return;
          const to = redemption.spAddress;
          const answer = (code: cmReqOff.ResponseCode) =>
            enqueue.emit({
              type: 'consent.report',
              event: {
                type: 'send',
                channel: 'eda',
                to,
                message: {
                  messageCode: code === 99 || code === 175 ? 'ANTWORT_CMQF' : params.messageCode,
                  conversationId: redemption.conversationId,
                  cmRequestId: redemption.cmRequestId,
                  consentId: context.consentId,
                  meteringPoint: context.meteringPoint,
                  responseCodes: [recode(code)],
                },
              },
            });
          answer(params.code);
          if (params.code !== 99 || extra === 'nothing') return;
          if (extra === 'grant') {
            answer(175);
            return;
          }
          const from = cmReqOff.startOfLocalDate(context.request.dateFrom);
          enqueue.emit({
            type: 'consent.report',
            event: {
              type: 'send',
              channel: 'eda',
              to,
              message: {
                messageCode: 'DATEN_CRMSG',
                consentId: context.consentId,
                meteringPoint: context.meteringPoint,
                conversationId: redemption.conversationId,
                periodFrom: isoInZone(from, VIENNA),
                periodTo: isoInZone(addCalendarDays(from, 1, VIENNA), VIENNA),
                trigger: 'on-request',
              },
            },
          });
        }),
      },
    }),
  );

const cm = (
  id: string,
  wrong: string,
  machine: () => AnyStateMachine,
  focus: readonly string[] = [],
  strictOnly?: string,
): Mutant => ({
  id: `cm-req-off/${id}`,
  process: 'cm-req-off',
  role: 'vnb',
  wrong,
  machine,
  focus,
  ...(strictOnly === undefined ? {} : { strictOnly }),
});

/**
 * OFF-RESPONSE-CODES: the documents name no code for these rejections, so a rejection with
 * another negative code is a WARNING by default; it is killed in strict mode.
 */
/**
 * The mistake is one of the other readings docs/interpretations lists (docs/sut-protocol.md §
 * What the harness checks, readings/index.ts): conform reports it as WARNINGs naming the key.
 */
const READING =
  'another reading the interpretation notes list (OFF-DAYS / OFF-DEADLINE-BOUNDARY): conform reports it as WARNINGs by default';

const CODE_SWAP =
  'OFF-RESPONSE-CODES: the documents name no code for this rejection, so another negative code is a WARNING by default';

/** The catalogue of wrong DSOs. */
export const CM_REQ_OFF_MUTANTS: readonly Mutant[] = [
  cm(
    'redemption-30x24h',
    'redemption deadline 30 × 24 h, not 30 calendar days (OFF-DAYS)',
    () => redemptionBy((t) => t + 30 * DAY_MS),
    ['25e15b181c4f'],
    READING,
  ),
  cm(
    'redemption-29-days',
    'redemption deadline after 29 days (VNB_17, off by one)',
    () => redemptionBy((t) => addCalendarDays(t, 29, VIENNA)),
    ['05efa2b96a1a'],
  ),
  cm(
    'redemption-31-days',
    'redemption deadline after 31 days (VNB_17, off by one)',
    () => redemptionBy((t) => addCalendarDays(t, 31, VIENNA)),
    ['25e15b181c4f'],
  ),
  cm(
    'redemption-exclusive',
    'a ConsentRequest exactly at the redemption deadline is late (OFF-DEADLINE-BOUNDARY)',
    () => redemptionBy((t) => cmReqOff.redemptionDeadline(t) - 1),
    ['05efa2b96a1a'],
    READING,
  ),
  cm(
    'objection-4-days',
    'objection window of 4 days (VNB_10)',
    () => objectionBy((t) => addCalendarDays(t, 4, VIENNA)),
    ['00fd9a332c17'],
  ),
  cm(
    'objection-6-days',
    'objection window of 6 days (VNB_10)',
    () => objectionBy((t) => addCalendarDays(t, 6, VIENNA)),
    ['086a1984b996', '058dd95c9c0c'],
  ),
  cm(
    'objection-exclusive',
    'an objection exactly at the deadline is late (OFF-DEADLINE-BOUNDARY)',
    () => objectionBy(cmReqOff.objectionDeadline, (at, deadline) => at < deadline),
    ['06af972b6a44'],
    READING,
  ),
  cm(
    'objection-utc-days',
    'objection window counted in UTC days, not Vienna days (OFF-DAYS)',
    () => objectionBy((t) => addCalendarDays(t, 5, 'UTC')),
    ['058dd95c9c0c'],
    READING,
  ),
  cm(
    'no-duplicate-check',
    'a repeated ConsentRequest is not rejected with 179',
    () => accepting(179),
    ['1ed5c209b48a'],
  ),
  cm(
    'foreign-metering-point',
    'a metering point of another DSO is accepted (no 56)',
    () => accepting(56),
    ['metering-point-foreign'],
  ),
  cm(
    'expired-accepted',
    'a ConsentRequest for an expired ConsentId is accepted (no 180)',
    () => accepting(180),
    ['1b64df7b6eb4'],
  ),
  cm(
    'unknown-accepted',
    'a ConsentRequest for an unknown ConsentId is accepted (no 177)',
    () => accepting(177),
    ['00fd9a332c17'],
  ),
  cm(
    'expired-177',
    'an expired ConsentId is answered 177 instead of 180',
    () => answering(180, 177),
    ['1b64df7b6eb4'],
    CODE_SWAP,
  ),
  cm(
    'mismatch-76',
    'a ConsentId/metering point mismatch is answered 76 instead of 187',
    () => answering(187, 76),
    ['metering-point-mismatch'],
    CODE_SWAP,
  ),
  cm(
    'unknown-76',
    'an unknown ConsentId is answered 76 instead of 177',
    () => answering(177, 76),
    ['unknown-consent-id'],
    CODE_SWAP,
  ),
  cm(
    'data-during-objection',
    'data (DATEN_CRMSG) leave with the receipt answer 99, inside the objection window (VNB_16)',
    () => withReceipt('data'),
    ['00fd9a332c17'],
  ),
  cm(
    'late-objection-ignored',
    'a late objection does not revoke the consent (no AUFHEBUNG_CCMC, OFF-LATE-OBJECTION)',
    () => dsoWithConsents(cmReqOff.vnbConsentMachine.provide({ actions: { revoke: () => {} } })),
    ['058dd95c9c0c'],
  ),
  cm(
    'grant-with-receipt',
    'ANTWORT_CMQF 175 is sent together with the receipt 99 (VNB_09 before VNB_16)',
    () => withReceipt('grant'),
    ['00fd9a332c17'],
  ),
  cm(
    'activation-99',
    'the activation (VNB_16) is answered 99 instead of 175, the one code the page names (OFF-ANSWER-CODES)',
    () => withReceipt('nothing', (code) => (code === 175 ? 99 : code)),
    ['happy-path'],
  ),
  cm(
    'qr-too-large-accepted',
    'an application whose CMRequests do not fit a level-M QR code still gets a QR letter and live ConsentIds (OFF-QR-TOO-LARGE; the letter carries no payload, as the engine does not encode one that does not fit)',
    () =>
      cmReqOff.vnbMachine.provide({
        actions: {
          adviseOnlineProcess: enqueueActions(({ enqueue }) => {
            enqueue('sendQrCode');
            enqueue('startConsents');
          }),
          invalidateApplication: () => {},
        },
      }),
    ['qr-too-large'],
  ),
  cm(
    'no-customer-notice',
    'the customer is not told of the redemption (VNB_07)',
    () =>
      dsoWithConsents(
        cmReqOff.vnbConsentMachine.provide({
          actions: {
            notifyCustomer: emit(
              () =>
                ({
                  type: 'consent.report',
                  event: { type: 'step', step: 'CM_REQ_OFF_VNB_07' },
                }) as const,
            ),
          },
        }),
      ),
    ['00fd9a332c17'],
  ),
  cm(
    'unauthenticated-accepted',
    'a customer who cannot authenticate gets a QR code',
    () => cmReqOff.vnbMachine.provide({ guards: { customerAuthenticated: () => true } }),
    ['9d3c96dcac35'],
  ),
  cm(
    'backend-always-fails',
    'every accepted ConsentRequest fails in the back end (174)',
    () => cmReqOff.vnbMachine.provide({ guards: { backendProcessesRequest: () => false } }),
    ['00fd9a332c17'],
  ),
  // Wrong document writers: the DSO's and SP's "now" instants (cm-req-off-writers.ts).
  ...CM_REQ_OFF_WRITER_MUTANTS,
  ...CM_REQ_OFF_DAYS_MUTANTS,
  ...CM_REQ_OFF_DERIVED_MUTANTS,
  // Wrong SPs that give in to a temptation: data without an active consent (cm-req-off-sp.ts).
  ...CM_REQ_OFF_SP_MUTANTS,
  ...CM_REQ_OFF_CUSTOMER_MUTANTS,
];
