/**
 * The abstract CM_REQ_OFF test model, derived from the catalogue: the application (BP_01) and its
 * refusals, the customer's choice at BP_03, the redemption deadline and the VNB_06 branches, the
 * objection window (BP_05 / VNB_10) and what may follow activation. Time is explicit events, so
 * `xstate/graph` can traverse it (no `after`, no `invoke`). Final states end generated paths.
 */
import { setup } from 'xstate';
import type { CmReqOffEventType } from './events.ts';

type Targets = Partial<Record<CmReqOffEventType, string>>;

const ARRIVALS_IN_TIME: Targets = {
  HAND_OVER_DAY_6: 'redeemed',
  HAND_OVER_REDEMPTION_DEADLINE_MINUS_1MS: 'redeemed',
  HAND_OVER_REDEMPTION_DEADLINE: 'redeemed',
};

/** VNB_06 "nein" for a ConsentId that is redeemed: at most one per path keeps paths simple. */
const INVALID_WHILE_REDEEMED: Targets = {
  SEND_DUPLICATE: 'redeemedAfterRefusal',
  SEND_AGAIN: 'redeemedAfterRefusal',
  SEND_UNKNOWN_CONSENT: 'redeemedAfterRefusal',
  SEND_MISMATCH: 'redeemedAfterRefusal',
};

const OBJECTION_WINDOW: Targets = {
  OBJECT_DAY_2: 'rejectedByCustomer',
  OBJECT_OBJECTION_DEADLINE_MINUS_1MS: 'rejectedByCustomer',
  OBJECT_OBJECTION_DEADLINE: 'rejectedByCustomer',
  OBJECT_OBJECTION_DEADLINE_PLUS_1MS: 'revoked',
  OBJECT_24H_DEADLINE_PLUS_1MS: 'revoked',
  OBJECTION_DEADLINE_PLUS_1MS: 'active',
};

const on = (targets: Targets) => Object.fromEntries(Object.entries(targets));

export const cmReqOffTestMachine = setup({
  types: { events: {} as { type: CmReqOffEventType } },
}).createMachine({
  id: 'cm-req-off-model',
  initial: 'idle',
  states: {
    idle: {
      on: on({
        APPLY: 'issued',
        APPLY_NOT_AUTHENTICATED: 'notAuthenticated',
        APPLY_TOO_LARGE: 'onlineProcessRequired',
      }),
    },
    issued: {
      on: on({
        ...ARRIVALS_IN_TIME,
        HAND_OVER_REDEMPTION_DEADLINE_PLUS_1MS: 'expiredAndRefused',
        HAND_OVER_24H_DEADLINE: 'expiredAndRefused',
        HAND_OVER_24H_DEADLINE_PLUS_1MS: 'expiredAndRefused',
        HAND_OVER_UNREGISTERED_SP: 'refusedWhileIssued',
        HAND_OVER_BACKEND_ERROR: 'backendError',
        KEEP_QR: 'declined',
        REDEMPTION_DEADLINE_PLUS_1MS: 'expired',
      }),
    },
    refusedWhileIssued: { on: on({ REDEMPTION_DEADLINE_PLUS_1MS: 'expiredAndRefused' }) },
    declined: { on: on({ REDEMPTION_DEADLINE_PLUS_1MS: 'declinedAndExpired' }) },
    expired: { on: on({ HAND_OVER_DAY_40: 'expiredAndRefused', NOTHING_MORE: 'expiredQuietly' }) },
    backendError: {
      on: on({ RETRY_WITH_SPENT_QR: 'backendErrorAndRefused', NOTHING_MORE: 'backendErrorEnded' }),
    },
    redeemed: { on: on({ ...INVALID_WHILE_REDEEMED, ...OBJECTION_WINDOW }) },
    redeemedAfterRefusal: { on: on(OBJECTION_WINDOW) },
    active: {
      on: on({
        REQUEST_DATA: 'activeAfterData',
        OBJECT_AFTER_WINDOW: 'revoked',
        NOTHING_MORE: 'activeEnded',
      }),
    },
    activeAfterData: { on: on({ OBJECT_AFTER_WINDOW: 'revoked', NOTHING_MORE: 'activeEnded' }) },
    notAuthenticated: { type: 'final' },
    onlineProcessRequired: { type: 'final' },
    expiredAndRefused: { type: 'final' },
    declinedAndExpired: { type: 'final' },
    expiredQuietly: { type: 'final' },
    backendErrorAndRefused: { type: 'final' },
    backendErrorEnded: { type: 'final' },
    rejectedByCustomer: { type: 'final' },
    revoked: { type: 'final' },
    activeEnded: { type: 'final' },
  },
});
