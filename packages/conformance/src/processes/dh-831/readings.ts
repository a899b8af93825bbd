/** The other readings of DH-831's open questions (DH-START-WINDOW, DH-REMINDER, DH-END-DATE, …). */
import { dh831, HELSINKI } from '@consent-sim/core';
import { startOfLocalDay } from '../../model/local-day.ts';
import { datahubWith, mailingOnClose, validatingWith } from '../../mutants/dh-831.ts';
import type { Reading } from '../../readings/types.ts';

const DAY_MS = 86_400_000;

const START_IDS = new Set(['EC.AUTH.001', 'EC.AUTH.002']);

export const DH_831_READINGS: readonly Reading[] = [
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
