/**
 * The DH-831 catalogue as plain data: steps (./steps.ts), message types (./message-types.ts),
 * gateways with their branches, deadlines and request statuses, each tied to a section of seed 002
 * ("DH-831 Valtuutuspyyntö myyjältä asiakkaalle") or to an interpretation key.
 */
import { DESCRIPTION_MAX_LENGTH } from '@consent-sim/messages';
import { DH831_MESSAGES } from './message-types.ts';
import { DH831_LANES, DH831_STEPS, type Dh831StepKey, type SeedSection } from './steps.ts';

/** The zone of "today", of the ISO offsets and of all day arithmetic (DH-START-WINDOW). */
export const DH831_ZONE = 'Europe/Helsinki';

/** Request statuses as Datahub names them. */
export type RequestStatus = 'Open' | 'Rejected' | 'Approved' | 'Expired' | 'Cancelled';

export const REQUEST_STATUSES: readonly RequestStatus[] = [
  'Open',
  'Rejected',
  'Approved',
  'Expired',
  'Cancelled',
];

export interface Dh831Branch {
  readonly when: string;
  /** The step taken on this branch, or null when nothing further happens. */
  readonly next: Dh831StepKey | null;
}

export interface Dh831Gateway {
  readonly question: string;
  readonly section: SeedSection;
  readonly branches: Readonly<Record<string, Dh831Branch>>;
}

/** Decision points of the process; conformance coverage counts each branch. */
export const DH831_GATEWAYS = {
  'DH-831.GW.VALID': {
    question: 'Does the request pass the time limits and validation rules?',
    section: DH831_STEPS['DH-831.DH.VALIDATE'].section,
    branches: {
      valid: { when: 'no rule failed (stored, then acknowledged)', next: 'DH-831.DH.STORE' },
      invalid: { when: 'one or more error ids', next: 'DH-831.DH.ACK_NEGATIVE' },
    },
  },
  'DH-831.GW.RECIPIENT': {
    question: 'Does the request name a recipient (name and e-mail)?',
    section: DH831_STEPS['DH-831.DH.NOTIFY_EMAIL'].section,
    branches: {
      given: { when: 'recipient block complete', next: 'DH-831.DH.NOTIFY_EMAIL' },
      absent: { when: 'no recipient block', next: null },
    },
  },
  'DH-831.GW.REMINDER_OPEN': {
    question: 'Is the request still open at the reminder time?',
    section: DH831_STEPS['DH-831.DH.REMINDER_EMAIL'].section,
    branches: {
      open: { when: 'status Open at the reminder time', next: 'DH-831.DH.REMINDER_EMAIL' },
      closed: { when: 'approved, rejected or cancelled earlier', next: null },
    },
  },
  'DH-831.GW.DECISION': {
    question: 'What does the customer do before the request end date?',
    section: DH831_STEPS['DH-831.DH.APPROVE'].section,
    branches: {
      approve: { when: 'approves (at least one point left)', next: 'DH-831.DH.APPROVE' },
      removeAll: { when: 'removes every point (DH-PARTIAL)', next: 'DH-831.DH.REJECT' },
      reject: { when: 'rejects', next: 'DH-831.DH.REJECT' },
      nothing: { when: 'no decision by the end date', next: 'DH-831.DH.EXPIRE' },
    },
  },
  'DH-851.GW.OPEN': {
    question: 'Is the request to cancel open, known, and the sender its requester?',
    section: DH831_STEPS['DH-851.DH.CANCEL'].section,
    branches: {
      open: { when: 'status Open, sent by the requester', next: 'DH-851.DH.CANCEL' },
      notOpen: { when: 'any other status, unknown id or other sender', next: 'DH-851.DH.REFUSE' },
    },
  },
} as const satisfies Record<string, Dh831Gateway>;

export type Dh831GatewayKey = keyof typeof DH831_GATEWAYS;

/** Time limits, in calendar days of {@link DH831_ZONE}. */
export const DH831_DEADLINES = {
  /** Start date ≥ today and ≤ today + 90 days; day 90 allowed, day 91 refused (DH-START-WINDOW). */
  startWindow: { days: 90, zone: DH831_ZONE, section: DH831_STEPS['DH-831.DH.VALIDATE'].section },
  /** Reminder e-mail at the reminder time given in the request (DH-REMINDER). */
  reminder: { zone: DH831_ZONE, section: DH831_STEPS['DH-831.DH.REMINDER_EMAIL'].section },
  /** Absent end date: receipt + 30 calendar days, 23:59:59.999 Helsinki (DH-END-DATE). */
  requestEnd: {
    defaultDays: 30,
    zone: DH831_ZONE,
    section: DH831_STEPS['DH-831.DH.EXPIRE'].section,
  },
  /** At most 150 characters of description shown to the customer. */
  descriptionMaxLength: DESCRIPTION_MAX_LENGTH,
} as const;

/**
 * The whole catalogue in one object, for reporters and coverage.
 *
 * @example Object.keys(DH831_CATALOGUE.steps).includes('DH-851.DH.CANCEL') // true
 */
export const DH831_CATALOGUE = {
  process: 'DH-831',
  title: {
    fi: 'Valtuutuspyyntö myyjältä asiakkaalle',
    en: 'Authorization request from a seller to a customer',
  },
  zone: DH831_ZONE,
  lanes: DH831_LANES,
  steps: DH831_STEPS,
  gateways: DH831_GATEWAYS,
  deadlines: DH831_DEADLINES,
  statuses: REQUEST_STATUSES,
  messages: DH831_MESSAGES,
} as const;
