/** The other readings of CM_REQ_OFF's open questions (OFF-DAYS, OFF-DEADLINE-BOUNDARY). */
import { addCalendarDays, cmReqOff, VIENNA } from '@consent-sim/core';
import { type AnyStateMachine, assign } from 'xstate';
import type { Reading } from '../../readings/types.ts';

const DAY_MS = 86_400_000;

/** A DSO whose ConsentIds count `days` from `start` with `add` and `boundary` at the deadline. */
function dso(
  redemption: 'calendar' | '24h',
  objection: 'calendar' | '24h',
  boundary: { redemption: 'inclusive' | 'exclusive'; objection: 'inclusive' | 'exclusive' },
): AnyStateMachine {
  const add = (mode: 'calendar' | '24h', t: number, days: number) =>
    mode === 'calendar' ? addCalendarDays(t, days, VIENNA) : t + days * DAY_MS;
  const redeemBy = (issuedAt: number) => add(redemption, issuedAt, 30);
  const objectBy = (receivedAt: number) => add(objection, receivedAt, 5);
  // Inclusive: the timer fires 1 ms after the deadline; exclusive: at the deadline.
  const after = (mode: 'inclusive' | 'exclusive') => (mode === 'inclusive' ? 1 : 0);
  return cmReqOff.vnbWithConsentMachine(
    cmReqOff.vnbConsentMachine.provide({
      // Its notice names the deadline it applies, as a system built on this reading would.
      actions: {
        recordRedemption: assign({
          redemption: ({ event }) => cmReqOff.redemptionRecord(event, objectBy),
        }),
      },
      delays: {
        redemptionTimeout: ({ context }) =>
          Math.max(0, redeemBy(context.issuedAt) + after(boundary.redemption) - context.startedAt),
        objectionTimeout: ({ context }) => {
          const receivedAt = context.redemption?.receivedAt ?? 0;
          return Math.max(0, objectBy(receivedAt) + after(boundary.objection) - receivedAt);
        },
      },
      guards: {
        objectionInTime: ({ context, event }) => {
          if (event.type !== 'objection') return false;
          const deadline = objectBy(context.redemption?.receivedAt ?? 0);
          return boundary.objection === 'inclusive' ? event.at <= deadline : event.at < deadline;
        },
      },
    }),
  );
}

const INCLUSIVE = { redemption: 'inclusive', objection: 'inclusive' } as const;
const EXCLUSIVE = { redemption: 'exclusive', objection: 'exclusive' } as const;

export const CM_REQ_OFF_READINGS: readonly Reading[] = [
  {
    key: 'OFF-DEADLINE-BOUNDARY',
    reading: 'a deadline is exclusive (the timer runs out at the deadline)',
    role: 'vnb',
    machine: () => dso('calendar', 'calendar', EXCLUSIVE),
  },
  {
    key: 'OFF-DEADLINE-BOUNDARY',
    reading: 'the redemption deadline is exclusive',
    role: 'vnb',
    machine: () => dso('calendar', 'calendar', { ...INCLUSIVE, redemption: 'exclusive' }),
  },
  {
    key: 'OFF-DEADLINE-BOUNDARY',
    reading: 'the objection deadline is exclusive',
    role: 'vnb',
    machine: () => dso('calendar', 'calendar', { ...INCLUSIVE, objection: 'exclusive' }),
  },
  {
    key: 'OFF-DAYS',
    reading: 'days are multiples of 24 h',
    role: 'vnb',
    machine: () => dso('24h', '24h', INCLUSIVE),
  },
  {
    key: 'OFF-DAYS',
    reading: 'the 30 redemption days are multiples of 24 h',
    role: 'vnb',
    machine: () => dso('24h', 'calendar', INCLUSIVE),
  },
  {
    key: 'OFF-DAYS',
    reading: 'the 5 objection days are multiples of 24 h',
    role: 'vnb',
    machine: () => dso('calendar', '24h', INCLUSIVE),
  },
];
