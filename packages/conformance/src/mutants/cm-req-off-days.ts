/**
 * DSOs whose days are neither the reference's calendar days nor the other reading's 24-hour days
 * (OFF-DAYS), but near both: conform recognises a reading only by an exact match, and the probes
 * at 30 × 24 h (+ 1 ms), 5 × 24 h + 1 ms and 719 h + 1 ms in autumn tell these apart from it
 * (issue 11 item 4). Killed without --strict.
 */
import { VIENNA, zoneFor } from '@consent-sim/core';
import type { AnyStateMachine } from 'xstate';
import { objectionBy, redemptionBy } from './cm-req-off-dso.ts';
import type { Mutant } from './types.ts';

const DAY_MS = 86_400_000;

const dso = (
  id: string,
  wrong: string,
  machine: () => AnyStateMachine,
  focus: readonly string[],
): Mutant => ({
  id: `cm-req-off/${id}`,
  process: 'cm-req-off',
  role: 'vnb',
  wrong,
  machine,
  focus,
});

/**
 * N days as N × 24 h "corrected" for a DST change inside them, with the wrong sign: across the
 * change to summer time 30 days become 721 h instead of 719 h (OFF-DAYS: the right correction
 * is the calendar's; no correction at all is the other reading).
 */
const dstWrongSign = (days: number) => (t: number) => {
  const vienna = zoneFor(VIENNA);
  const naive = t + days * DAY_MS;
  return naive + (vienna.offset(naive) - vienna.offset(t)) * 60_000;
};

export const CM_REQ_OFF_DAYS_MUTANTS: readonly Mutant[] = [
  dso(
    'redemption-dst-wrong-sign',
    'redemption deadline 30 × 24 h with the DST correction of the wrong sign: 721 h across the change to summer time (OFF-DAYS)',
    () => redemptionBy(dstWrongSign(30)),
    ['d1f29abd0339', 'redeemed-autumn-719h'],
  ),
  dso(
    'objection-dst-wrong-sign',
    'objection window 5 × 24 h with the DST correction of the wrong sign: 121 h across the change to summer time (OFF-DAYS)',
    () => objectionBy(dstWrongSign(5)),
    ['d9c874fbffea'],
  ),
];
