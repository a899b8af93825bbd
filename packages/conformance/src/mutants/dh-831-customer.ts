/**
 * Wrong DH-831 customer apps a team would build (issue 12, build 1): each decides in the
 * Authorization Service on its own when an e-mail arrives. The customer's decisions are the
 * stimuli (`approve`, `reject`); the notification and the reminder tempt an app to decide for
 * the customer. The generated paths deliver them and then let the customer reject, approve
 * later or let the request expire; the reference sends nothing unasked, these send an
 * AS-DECISION the path does not expect (or before it expects it): FAIL.
 */
import { dh831 } from '@consent-sim/core';
import { type AnyStateMachine, enqueueActions } from 'xstate';
import type { Mutant } from './types.ts';

/** A customer app that approves a request when its e-mail of `kind` arrives. */
const approvesOn = (kind: 'notification' | 'reminder') => (): AnyStateMachine =>
  dh831.customerMachine.provide({
    actions: {
      keepMail: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'mail.received') return;
        enqueue.assign({ mailbox: [...context.mailbox, event.mail] });
        if (event.mail.kind !== kind) return;
        enqueue.emit({
          type: 'send',
          channel: 'authorization-service',
          to: context.datahubPartyId,
          message: {
            messageCode: 'AS-DECISION',
            requestId: event.mail.requestId,
            decision: 'approve',
            removedAccountingPoints: [],
          },
        });
      }),
    },
  });

const customer = (
  id: string,
  wrong: string,
  machine: () => AnyStateMachine,
  focus: string[],
): Mutant => ({ id: `dh-831/${id}`, process: 'dh-831', role: 'customer', wrong, machine, focus });

/** The catalogue of customer apps that decide unasked. */
export const DH_831_CUSTOMER_MUTANTS: readonly Mutant[] = [
  customer(
    'customer-approves-on-notification',
    "the customer's app approves as soon as the notification e-mail arrives, before (or without) the customer's decision (DH-831.CUST.RECEIVE_EMAIL, DH-831.CUST.APPROVE)",
    approvesOn('notification'),
    ['rejected-by-customer'],
  ),
  customer(
    'customer-approves-on-reminder',
    "the customer's app approves when the reminder e-mail arrives, for a customer who let the request lie (DH-831.CUST.RECEIVE_EMAIL; expiry is the customer's doing nothing)",
    approvesOn('reminder'),
    ['reminder-sent'],
  ),
];
