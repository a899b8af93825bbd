/**
 * Wrong DH-831 sellers a team would build (issue 12, build 1): each fetches data where it holds
 * no approved authorization for that point (DH-831.SELLER.FETCH_DATA). The generated paths tempt
 * the seller one hour after the ACK, a negative ACK, a rejection, a cancellation, the end of the
 * authorization and a partial approval (model fragments, `sellerTempted`); the reference fetches
 * nothing there, these report DH-831.SELLER.FETCH_DATA.
 */
import { dh831 } from '@consent-sim/core';
import type { AnyStateMachine } from 'xstate';
import type { Mutant } from './types.ts';

type RequestStatus = 'sent' | 'accepted' | 'refused' | 'approved' | 'cancelled' | 'ended';

/**
 * A seller whose fetch guard lets requests in the `anyPoint` states through for every point it
 * asked for, and approved requests for their granted points (the reference: approved and granted
 * only).
 */
const fetchesWhen = (anyPoint: readonly RequestStatus[]) => (): AnyStateMachine =>
  dh831.sellerMachine.provide({
    guards: {
      isGranted: ({ context, event }) => {
        if (event.type !== 'stimulus.fetchData') return false;
        const request = context.requests[event.requestId];
        if (request === undefined) return false;
        if (anyPoint.includes(request.status)) return true;
        return (
          request.status === 'approved' &&
          request.grantedAccountingPoints.includes(event.accountingPoint)
        );
      },
    },
  });

const seller = (
  id: string,
  wrong: string,
  machine: () => AnyStateMachine,
  focus: string[],
): Mutant => ({
  id: `dh-831/${id}`,
  process: 'dh-831',
  role: 'seller',
  wrong,
  machine,
  focus,
  // Issue 12 item 2: data access in DH-831 is no message, so a seller that reports no steps
  // shows NOT_JUDGED checks here and only --require-steps kills it (without-steps.test.ts).
  stepsOnly: 'DH-831.SELLER.FETCH_DATA sends no message: only the step report shows it',
});

/** The catalogue of wrong sellers. */
export const DH_831_SELLER_MUTANTS: readonly Mutant[] = [
  seller(
    'seller-fetch-on-ack',
    'the seller takes the positive ACK for the authorization and fetches before the customer approves (DH-831.SELLER.RECEIVE_ACK, FETCH_DATA)',
    fetchesWhen(['accepted']),
    ['001c24c80c80'],
  ),
  seller(
    'seller-fetch-after-negative-ack',
    'the seller takes a negative ACK for a positive answer and fetches data on the refused request (DH-ERROR-IDS, FETCH_DATA)',
    fetchesWhen(['refused']),
    ['114788acfe80'],
  ),
  seller(
    'seller-fetch-after-end',
    'the seller ends the authorization (wrong points) and keeps fetching (DH-CANCEL, DELETE_DATA)',
    fetchesWhen(['ended']),
    ['05dc1ec2a756'],
  ),
  seller(
    'seller-fetch-removed-point',
    'the seller fetches every point it asked for, also one the customer removed (DH-PARTIAL)',
    fetchesWhen(['approved']),
    ['0625384c0779'],
  ),
];
