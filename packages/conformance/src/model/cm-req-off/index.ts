/**
 * The CM_REQ_OFF process model: abstract machine, abstract events and the scenario frame every
 * generated path shares (start 2026-03-20 10:00 Vienna, so the 30-day window spans the change to
 * summer time on 2026-03-29 and 30 calendar days are 719 hours, `OFF-DAYS`).
 */
import { VIENNA } from '@consent-sim/core';
import type { ProcessModel } from '../types.ts';
import { CM_REQ_OFF_EVENTS } from './events.ts';
import { cmReqOffTestMachine } from './machine.ts';

export { CM_REQ_OFF_EVENTS, type CmReqOffEventType } from './events.ts';
export { cmReqOffTestMachine } from './machine.ts';

/**
 * @example cmReqOffModel.events.APPLY.title // 'apply'
 */
export const cmReqOffModel: ProcessModel = {
  process: 'cm-req-off',
  machine: cmReqOffTestMachine,
  events: CM_REQ_OFF_EVENTS,
  frame: {
    start: '2026-03-20T10:00:00+01:00',
    seed: 1,
    zone: VIENNA,
    parties: { vnb: { address: 'AT001000' }, sp: { address: 'EP100200' } },
    parameters: {
      meteringPoints: 1,
      request: {
        reqDatType: 'HistoricalMeteringData',
        dateFrom: '2026-02-01',
        dateTo: '2026-02-28',
        meteringIntervall: 'QH',
      },
    },
  },
  // The wiring lists the application's or ConsentId's label, then `refused` (outcome.ts).
  outcome: (run) => [...(run.status === null ? [] : [run.status]), ...run.labels].join(','),
};
