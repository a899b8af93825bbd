/**
 * DH-831 steps (with DH-851 cancellation) as plain data, each mapped to the section of the
 * published event description (seed 002) it realises, its lane, messages and error ids. Every
 * verdict about DH-831 cites a step key; readings of unclear text cite an interpretation key
 * (docs/interpretations/dh-831.md).
 */
import type { DatahubErrorId } from '@consent-sim/messages';
import type { Dh831MessageType } from './message-types.ts';

/** Who performs a step. The Authorization Service (valtuutuspalvelu) is part of Datahub's lane. */
export type Dh831Lane = 'seller' | 'datahub' | 'customer';

export const DH831_LANES: Readonly<
  Record<Dh831Lane, { readonly fi: string; readonly en: string }>
> = {
  seller: { fi: 'Myyjä', en: 'Seller registered in Datahub' },
  datahub: { fi: 'Datahub (valtuutuspalvelu)', en: 'Datahub with its Authorization Service' },
  customer: { fi: 'Loppuasiakas', en: 'End customer (or the named recipient)' },
};

/** A section of the seed, by its Finnish heading as published. */
export interface SeedSection {
  readonly fi: string;
  readonly en: string;
}

const S = {
  description: { fi: 'Tapahtuman kuvaus', en: 'Description of the event' },
  timeLimits: { fi: 'Aikarajat / Päivityksen voimaantuloaika', en: 'Time limits' },
  notification: {
    fi: 'Ilmoitus luodusta valtuutuspyynnöstä',
    en: 'Notification of a created request',
  },
  reminder: { fi: 'Muistutus luodusta valtuutuspyynnöstä', en: 'Reminder of a created request' },
  storage: { fi: 'Tiedon tallennus', en: 'Storage of data' },
  reply: { fi: 'Tiedon palautus', en: 'Reply to the party (ACK)' },
  majorErrors: { fi: 'Merkittävät virheet ja seuraukset', en: 'Major errors and consequences' },
  cancellation: { fi: 'Tapahtuman peruuttaminen', en: 'Cancelling the event (DH-851)' },
  validation: { fi: 'Validointisäännöt', en: 'Validation rules' },
} as const satisfies Record<string, SeedSection>;

export interface Dh831StepDefinition {
  readonly lane: Dh831Lane;
  readonly section: SeedSection;
  readonly summary: string;
  /** Message types the step sends or receives. */
  readonly messages?: readonly Dh831MessageType[];
  readonly errorIds?: readonly DatahubErrorId[];
  readonly interpretations?: readonly string[];
  /** The seed names the outcome but no message or step for it; the reference models one. */
  readonly simulationOnly?: true;
}

/**
 * Every step the DH-831 machines can perform, keyed `<process>.<lane>.<action>`.
 *
 * @example DH831_STEPS['DH-831.DH.NOTIFY_EMAIL'].section.fi // 'Ilmoitus luodusta valtuutuspyynnöstä'
 */
export const DH831_STEPS = {
  'DH-831.SELLER.SEND': {
    lane: 'seller',
    section: S.description,
    summary:
      'The seller sends an authorization request through Datahub to the Authorization Service.',
    messages: ['DH-831'],
  },
  'DH-831.DH.RECEIVE': {
    lane: 'datahub',
    section: S.description,
    summary: 'Datahub receives the request; the receipt instant fixes "today" (DH-START-WINDOW).',
    messages: ['DH-831'],
    interpretations: ['DH-START-WINDOW'],
  },
  'DH-831.DH.VALIDATE': {
    lane: 'datahub',
    section: S.validation,
    summary: 'Datahub checks the time limits and the validation rules.',
    errorIds: [
      'EC.AUTH.001',
      'EC.AUTH.002',
      'EC.AUTH.003',
      'EC.AUTH.010',
      'EC.AUTH.011',
      'EC.AUTH.012',
      'EC.AUTH.013',
      'EC.AUTH.014',
      'EC.AUTH.015',
      'EC.AUTH.016',
      'EC.AUTH.020',
      'EC.AUTH.040',
      'EC.MSG.003',
    ],
    interpretations: ['DH-START-WINDOW', 'DH-ERROR-IDS', 'DH-REMINDER', 'DH-END-DATE'],
  },
  'DH-831.DH.TECHNICAL_FAULT': {
    lane: 'datahub',
    section: S.validation,
    summary: 'A document that could not be read is answered with a negative ACK (EC.MSG.*).',
    messages: ['ACK'],
    errorIds: ['EC.MSG.001', 'EC.MSG.002', 'EC.MSG.003', 'EC.MSG.004'],
    interpretations: ['DH-ERROR-IDS'],
  },
  'DH-831.DH.ACK_POSITIVE': {
    lane: 'datahub',
    section: S.reply,
    summary: 'Datahub acknowledges acceptance of the request to the seller.',
    messages: ['ACK'],
  },
  'DH-831.DH.ACK_NEGATIVE': {
    lane: 'datahub',
    section: S.reply,
    summary: 'Datahub acknowledges rejection of the request, with error ids and texts.',
    messages: ['ACK'],
    interpretations: ['DH-ERROR-IDS'],
  },
  'DH-831.DH.STORE': {
    lane: 'datahub',
    section: S.storage,
    summary: 'Datahub stores the request with status Open; it is not yet an authorization.',
    interpretations: ['DH-END-DATE'],
  },
  'DH-831.DH.NOTIFY_EMAIL': {
    lane: 'datahub',
    section: S.notification,
    summary: 'Name and e-mail given: Datahub e-mails the recipient that a request was created.',
    messages: ['EMAIL'],
  },
  'DH-831.DH.REMINDER_EMAIL': {
    lane: 'datahub',
    section: S.reminder,
    summary: 'At the reminder time, if the request is still open, Datahub e-mails a reminder.',
    messages: ['EMAIL'],
    interpretations: ['DH-REMINDER'],
  },
  'DH-831.CUST.RECEIVE_EMAIL': {
    lane: 'customer',
    section: S.notification,
    summary: 'The recipient receives a notification or reminder e-mail.',
    messages: ['EMAIL'],
    simulationOnly: true,
  },
  'DH-831.CUST.REMOVE_POINTS': {
    lane: 'customer',
    section: S.storage,
    summary:
      'In the Authorization Service the customer removes accounting points before approving.',
    messages: ['AS-DECISION'],
    interpretations: ['DH-PARTIAL'],
  },
  'DH-831.CUST.APPROVE': {
    lane: 'customer',
    section: S.storage,
    summary: 'The customer approves the request in the Authorization Service.',
    messages: ['AS-DECISION'],
  },
  'DH-831.CUST.REJECT': {
    lane: 'customer',
    section: S.storage,
    summary: 'The customer rejects the request in the Authorization Service.',
    messages: ['AS-DECISION'],
  },
  'DH-831.DH.APPROVE': {
    lane: 'datahub',
    section: S.storage,
    summary:
      'Approved: the authorization is created for the remaining points; the seller is notified.',
    messages: ['DH-825'],
    interpretations: ['DH-PARTIAL'],
  },
  'DH-831.DH.REJECT': {
    lane: 'datahub',
    section: S.storage,
    summary: 'Rejected (also when every accounting point was removed); status Rejected.',
    interpretations: ['DH-PARTIAL'],
  },
  'DH-831.DH.EXPIRE': {
    lane: 'datahub',
    section: S.storage,
    summary: 'At the request end date an open request becomes Expired; no e-mail is sent.',
    interpretations: ['DH-END-DATE'],
  },
  'DH-831.SELLER.RECEIVE_ACK': {
    lane: 'seller',
    section: S.reply,
    summary: 'The seller receives the acknowledgement of acceptance or rejection.',
    messages: ['ACK'],
  },
  'DH-831.SELLER.RECEIVE_APPROVAL': {
    lane: 'seller',
    section: S.storage,
    summary: 'The seller learns the approval and the granted accounting points (DH-825-shaped).',
    messages: ['DH-825'],
    interpretations: ['DH-PARTIAL'],
    simulationOnly: true,
  },
  'DH-831.SELLER.FETCH_DATA': {
    lane: 'seller',
    section: S.majorErrors,
    summary: 'The seller fetches data of a granted accounting point from Datahub.',
    simulationOnly: true,
  },
  'DH-831.SELLER.END_AUTHORIZATION': {
    lane: 'seller',
    section: S.majorErrors,
    summary: 'Wrong accounting points: the seller ends ("peruuttaa") the approved authorization.',
    messages: ['AUTHORIZATION_END'],
    interpretations: ['DH-CANCEL'],
    simulationOnly: true,
  },
  'DH-831.DH.END_AUTHORIZATION': {
    lane: 'datahub',
    section: S.majorErrors,
    summary: 'Datahub ends the authorization; the request keeps status Approved.',
    messages: ['AUTHORIZATION_END'],
    interpretations: ['DH-CANCEL'],
    simulationOnly: true,
  },
  'DH-831.SELLER.DELETE_DATA': {
    lane: 'seller',
    section: S.majorErrors,
    summary: 'The seller destroys the data it already fetched under the ended authorization.',
    interpretations: ['DH-CANCEL'],
  },
  'DH-851.SELLER.CANCEL': {
    lane: 'seller',
    section: S.cancellation,
    summary: 'The seller cancels its request with DH-851.',
    messages: ['DH-851'],
  },
  'DH-851.DH.CANCEL': {
    lane: 'datahub',
    section: S.cancellation,
    summary: 'The request is Open: it becomes Cancelled; positive ACK.',
    messages: ['ACK'],
    interpretations: ['DH-CANCEL'],
  },
  'DH-851.DH.REFUSE': {
    lane: 'datahub',
    section: S.cancellation,
    summary: 'Not open, unknown, or not the requester: negative ACK, status unchanged.',
    messages: ['ACK'],
    errorIds: ['EC.AUTH.030', 'EC.AUTH.031', 'EC.AUTH.032'],
    interpretations: ['DH-CANCEL'],
  },
  'DH-831.SELLER.RECEIVE_CANCEL_ACK': {
    lane: 'seller',
    section: S.cancellation,
    summary: 'The seller receives the acknowledgement of its DH-851.',
    messages: ['ACK'],
  },
} as const satisfies Record<string, Dh831StepDefinition>;

/** A DH-831 / DH-851 step key. */
export type Dh831StepKey = keyof typeof DH831_STEPS;

export const DH831_STEP_KEYS = Object.keys(DH831_STEPS) as Dh831StepKey[];
