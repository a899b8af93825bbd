/**
 * The other readings of the open questions (docs/interpretations, "Other reading: … →
 * WARNING"), each built as a reference role that takes that reading. `runAgainstSut` uses them:
 * a run that FAILs against the reference but matches one of these exactly is reported as
 * WARNINGs naming the reading's key — a system that read the documents the other reasonable
 * way is told so, not failed. Readings the harness cannot recognise yet are listed in
 * docs/sut-protocol.md § What the harness checks.
 */
import { addCalendarDays, cmReqOff, dh831, HELSINKI, VIENNA } from '@consent-sim/core';
import { type AnyStateMachine, assign } from 'xstate';
import { startOfLocalDay } from '../model/local-day.ts';
import { datahubWith, mailingOnClose, validatingWith } from '../mutants/dh-831.ts';

export interface Reading {
  /** Interpretation key, e.g. `OFF-DAYS`. */
  key: string;
  /** The other reading, in a few words. */
  reading: string;
  /** The role that takes it (the role under test it stands in for). */
  role: 'vnb' | 'datahub';
  machine: () => AnyStateMachine;
}

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

const CM_REQ_OFF_READINGS: readonly Reading[] = [
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

const START_IDS = new Set(['EC.AUTH.001', 'EC.AUTH.002']);

const DH_831_READINGS: readonly Reading[] = [
  {
    key: 'DH-START-WINDOW',
    reading: 'instants: start ≥ receipt, start ≤ receipt + 90 × 24 h',
    role: 'datahub',
    machine: () =>
      validatingWith((v, receivedAt) => {
        const start = v.times.startAt;
        const errorIds = v.errorIds.filter((id) => !START_IDS.has(id));
        if (start < receivedAt) errorIds.push('EC.AUTH.001');
        else if (start > receivedAt + 90 * DAY_MS) errorIds.push('EC.AUTH.002');
        return { ...v, errorIds };
      }),
  },
  {
    key: 'DH-REMINDER',
    reading: 'a reminder outside the request is ignored, the request accepted',
    role: 'datahub',
    machine: () =>
      validatingWith((v) =>
        v.errorIds.includes('EC.AUTH.014')
          ? {
              ...v,
              errorIds: v.errorIds.filter((id) => id !== 'EC.AUTH.014'),
              times: { ...v.times, reminderAt: null },
            }
          : v,
      ),
  },
  {
    key: 'DH-END-DATE',
    reading: 'an open request expires at the start of its end date',
    role: 'datahub',
    machine: () =>
      validatingWith((v) => ({
        ...v,
        times: { ...v.times, requestEndAt: startOfLocalDay(v.times.requestEndAt, HELSINKI) },
      })),
  },
  {
    key: 'DH-END-DATE',
    reading: 'the recipient is e-mailed when an open request expires',
    role: 'datahub',
    machine: () => mailingOnClose((status) => status === 'Expired'),
  },
  {
    key: 'DH-PARTIAL',
    reading: 'removing every point leaves an empty approved authorization',
    role: 'datahub',
    machine: () =>
      datahubWith(
        dh831.authorizationRequestMachine.provide({ guards: { removesEveryPoint: () => false } }),
      ),
  },
];

/** Every reading the harness recognises. */
export const READINGS: readonly Reading[] = [...CM_REQ_OFF_READINGS, ...DH_831_READINGS];

/** The readings to try for a run of `process` with the SUT as `role`. */
export function readingsFor(process: string, role: string): readonly Reading[] {
  const list = process === 'cm-req-off' ? CM_REQ_OFF_READINGS : DH_831_READINGS;
  return list.filter((r) => r.role === role);
}
