/**
 * Wrong CM_REQ_OFF customer apps a team would build (issue 12, build 1): each acts on what it
 * receives where the customer has decided nothing. The customer's decisions are the stimuli
 * (`handOver`, `keepQr`, `object`); a letter or e-mail from the DSO tempts an app to act for the
 * customer. The generated paths deliver the QR code and the DSO's notice and then let the
 * customer keep the code, object or stay silent; the reference sends nothing unasked, these send
 * a message the path does not expect (or before it expects it): FAIL.
 */
import { cmReqOff } from '@consent-sim/core';
import { type AnyStateMachine, enqueueActions } from 'xstate';
import type { Mutant } from './types.ts';

/**
 * A customer app that passes the QR code to the SP as soon as it arrives (BP_03 skipped): it keeps
 * the code as the reference does, then runs the reference's own hand-over.
 */
const handsOverUnasked = (): AnyStateMachine =>
  cmReqOff.cmReqOffCustomerMachine.provide({
    actions: {
      keepQrCode: enqueueActions(({ event, enqueue }) => {
        if (event.type !== 'mail.received' || event.mail.topic.kind !== 'qrCode') return;
        enqueue.assign({
          qrPayload: event.mail.qrPayload ?? '',
          consentIds: event.mail.topic.consentIds,
        });
        enqueue('handOver');
      }),
    },
  });

/**
 * A customer app that objects as soon as the DSO's notice arrives (BP_05 read as "object"): it
 * keeps the deadline as the reference does, then runs the reference's own objection.
 */
const objectsOnNotice = (): AnyStateMachine =>
  cmReqOff.cmReqOffCustomerMachine.provide({
    actions: {
      rememberDeadline: enqueueActions(({ event, enqueue }) => {
        if (event.type !== 'mail.received' || event.mail.topic.kind !== 'consentRequestNotice')
          return;
        enqueue.assign({
          objectionDeadline: event.mail.topic.objectionDeadline,
          noticeAt: event.at,
        });
        enqueue('object');
      }),
    },
  });

const customer = (
  id: string,
  wrong: string,
  machine: () => AnyStateMachine,
  focus: string[],
): Mutant => ({
  id: `cm-req-off/${id}`,
  process: 'cm-req-off',
  role: 'customer',
  wrong,
  machine,
  focus,
});

/** The catalogue of customer apps that act unasked. */
export const CM_REQ_OFF_CUSTOMER_MUTANTS: readonly Mutant[] = [
  customer(
    'customer-hands-over-unasked',
    'the customer\'s app hands the QR code to the SP as soon as it arrives, before (or without) the customer\'s consent (BP_03: the customer agrees "oder nicht"; BP_04)',
    handsOverUnasked,
    ['qr-never-redeemed'],
  ),
  customer(
    'customer-objects-on-notice',
    "the customer's app objects as soon as the DSO's notice of the redemption arrives, though the customer did not object (BP_05, BP_06: no objection is the customer's consent)",
    objectsOnNotice,
    ['happy-path'],
  ),
];
