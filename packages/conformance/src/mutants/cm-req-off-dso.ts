/** Wrong CM_REQ_OFF DSOs built from the reference by swapping one deadline (mutants, readings). */
import { cmReqOff } from '@consent-sim/core';
import { type AnyStateMachine, assign } from 'xstate';

type ConsentMachine = typeof cmReqOff.vnbConsentMachine;

/**
 * A DSO whose per-ConsentId machines are `consent` (core's `vnbWithConsentMachine`).
 */
export function dsoWithConsents(consent: ConsentMachine): AnyStateMachine {
  return cmReqOff.vnbWithConsentMachine(consent);
}

/** Redemption deadline computed by `deadline(issuedAt)` instead of 30 Vienna calendar days. */
export const redemptionBy = (deadline: (issuedAt: number) => number) =>
  dsoWithConsents(
    cmReqOff.vnbConsentMachine.provide({
      delays: {
        redemptionTimeout: ({ context }) =>
          Math.max(0, deadline(context.issuedAt) + 1 - context.startedAt),
      },
    }),
  );

/** Objection window ending at `deadline(receivedAt)`, `inTime` deciding the boundary. */
export const objectionBy = (
  deadline: (receivedAt: number) => number,
  inTime: (at: number, deadline: number) => boolean = (at, d) => at <= d,
) =>
  dsoWithConsents(
    cmReqOff.vnbConsentMachine.provide({
      // The notice names the wrong deadline too, as a system with this defect would.
      actions: {
        recordRedemption: assign({
          redemption: ({ event }) => cmReqOff.redemptionRecord(event, deadline),
        }),
      },
      delays: {
        objectionTimeout: ({ context }) => {
          const receivedAt = context.redemption?.receivedAt ?? 0;
          return Math.max(0, deadline(receivedAt) + 1 - receivedAt);
        },
      },
      guards: {
        objectionInTime: ({ context, event }) =>
          event.type === 'objection' &&
          inTime(event.at, deadline(context.redemption?.receivedAt ?? 0)),
      },
    }),
  );
