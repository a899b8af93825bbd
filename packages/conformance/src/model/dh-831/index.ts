/**
 * The DH-831 process model: abstract machine, abstract events and the scenario frame every
 * generated path shares (sent 2026-03-20 12:00 Helsinki; the default request end, 30 calendar
 * days later, lies after the change to summer time on 2026-03-29).
 */
import { HELSINKI } from '@consent-sim/core';
import type { ProcessModel } from '../types.ts';
import { DH831_EVENTS } from './events.ts';
import { dh831TestMachine } from './machine.ts';

export { DH831_EVENTS, type Dh831EventType } from './events.ts';
export { dh831TestMachine } from './machine.ts';

/**
 * @example dh831Model.events.SEND_START_DAY_91.covers // ['DH-831.GW.VALID.invalid', 'EC.AUTH.002']
 */
export const dh831Model: ProcessModel = {
  process: 'dh-831',
  machine: dh831TestMachine,
  events: DH831_EVENTS,
  frame: {
    start: '2026-03-20T12:00:00+02:00',
    seed: 1,
    zone: HELSINKI,
    parties: {},
    parameters: {},
  },
  // One request per run: its label is the outcome (packages/sim/src/dh-831/outcome.ts).
  outcome: (run) => run.status ?? 'none',
};
