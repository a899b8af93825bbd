/**
 * The abstract DH-831 test model, derived from the catalogue's gateways: GW.VALID (each rule's
 * inside and outside value), GW.RECIPIENT, GW.REMINDER_OPEN, GW.DECISION (approve, partially,
 * remove every point, reject, nothing until the request end) and DH-851's GW.OPEN, then what may
 * follow an approval (fetching data, ending it for wrong accounting points). Time is explicit
 * events (REMINDER_TIME, REQUEST_END), so `xstate/graph` can traverse it.
 */
import { setup } from 'xstate';
import type { Dh831EventType } from './events.ts';

type Targets = Partial<Record<Dh831EventType, string>>;
const on = (targets: Targets) => Object.fromEntries(Object.entries(targets));

const REFUSED: Targets = {
  SEND_START_YESTERDAY: 'refused',
  SEND_START_DAY_91: 'refused',
  SEND_END_AT_START: 'refused',
  SEND_INVALID_CUSTOMER_ID: 'refused',
  SEND_INVALID_ACCOUNTING_POINT: 'refused',
  SEND_DESCRIPTION_TOO_LONG: 'refused',
  SEND_REMINDER_WITHOUT_RECIPIENT: 'refused',
  SEND_REQUEST_END_YESTERDAY: 'refused',
};

/** Inside values of the rules: accepted, then one decision ends the path (bounded on purpose). */
const AT_BOUNDARY: Targets = {
  SEND_START_TODAY: 'openAtBoundary',
  SEND_START_DAY_90: 'openAtBoundary',
  SEND_DESCRIPTION_AT_LIMIT: 'openAtBoundary',
  SEND_END_1S_AFTER_START: 'openAtBoundary',
  SEND_REQUEST_END_TODAY: 'openAtBoundary',
};

const DECISIONS: Targets = {
  APPROVE: 'approved',
  APPROVE_PARTIALLY: 'approved',
  REMOVE_ALL_POINTS: 'rejected',
  REJECT: 'rejected',
  CANCEL: 'cancelled',
};

export const dh831TestMachine = setup({
  types: { events: {} as { type: Dh831EventType } },
}).createMachine({
  id: 'dh-831-model',
  initial: 'idle',
  states: {
    idle: {
      on: on({
        SEND_VALID: 'open',
        SEND_WITHOUT_RECIPIENT: 'open',
        SEND_WITH_REMINDER: 'openBeforeReminder',
        ...AT_BOUNDARY,
        ...REFUSED,
      }),
    },
    open: {
      on: on({
        ...DECISIONS,
        APPROVE_REQUEST_END_MINUS_1MS: 'approved',
        REQUEST_END: 'expired',
      }),
    },
    openBeforeReminder: { on: on({ ...DECISIONS, REMINDER_TIME: 'open' }) },
    openAtBoundary: { on: on({ APPROVE: 'approvedAtBoundary', REJECT: 'rejectedAtBoundary' }) },
    approved: {
      on: on({
        FETCH_DATA: 'approvedAfterFetch',
        CANCEL: 'approvedCancelRefused',
        END_AUTHORIZATION: 'authorizationEnded',
        NOTHING_MORE: 'approvedEnded',
      }),
    },
    approvedAfterFetch: {
      on: on({
        CANCEL: 'approvedCancelRefused',
        END_AUTHORIZATION: 'authorizationEnded',
        NOTHING_MORE: 'approvedEnded',
      }),
    },
    rejected: { on: on({ CANCEL: 'closedCancelRefused', NOTHING_MORE: 'rejectedEnded' }) },
    expired: {
      on: on({
        APPROVE_REQUEST_END_PLUS_1MS: 'expiredEnded',
        CANCEL: 'closedCancelRefused',
        NOTHING_MORE: 'expiredEnded',
      }),
    },
    cancelled: {
      on: on({
        APPROVE: 'cancelledEnded',
        CANCEL: 'closedCancelRefused',
        NOTHING_MORE: 'cancelledEnded',
      }),
    },
    refused: { type: 'final' },
    approvedAtBoundary: { type: 'final' },
    rejectedAtBoundary: { type: 'final' },
    approvedCancelRefused: { type: 'final' },
    authorizationEnded: { type: 'final' },
    approvedEnded: { type: 'final' },
    closedCancelRefused: { type: 'final' },
    rejectedEnded: { type: 'final' },
    expiredEnded: { type: 'final' },
    cancelledEnded: { type: 'final' },
  },
});
