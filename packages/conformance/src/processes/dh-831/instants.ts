/**
 * Which fields of DH-831 documents record "now", as rules over the element path of the
 * reference's Datahub XML (packages/messages/src/datahub/README.md: every "date-time with
 * offset" and "date" field, either a "now" instant or the content of the request), and the Date
 * header of the Datahub's e-mails. The judge holds every "now" field against the test clock in
 * Helsinki.
 */
import {
  emailDateField,
  type InstantPolicy,
  type InstantRule,
  xmlInstantFields,
} from '../../process/instants.ts';

/** The fields that record the instant the document is written. */
export const DH_831_NOW_FIELDS: readonly InstantRule[] = [
  // Every document's header: when it was created.
  { path: '/*/Header/Created', syntax: 'xs:dateTime' },
  // DH-825: the customer's approval, which the Datahub notifies the instant it records it.
  { path: '/AuthorizationNotice/NoticeProcess/ApprovedAt', syntax: 'xs:dateTime' },
];

/**
 * Date fields that carry the request's content, not "now" (also where an ACK copies the
 * process element). Listed so that every date of the format is classified (instants.test.ts).
 */
export const DH_831_CONTENT_DATES: readonly string[] = [
  'AuthorizationPeriod/Start',
  'AuthorizationPeriod/End',
  'AuthorizationRequestProcess/ReminderTime',
  'AuthorizationRequestProcess/RequestEndDate',
];

/** Datahub XML on `datahub`; the notification and reminder e-mails' Date header on `email`. */
export const dh831Instants: InstantPolicy = {
  read({ channel, document }) {
    if (document === null) return [];
    if (channel === 'datahub') return xmlInstantFields(document, DH_831_NOW_FIELDS);
    return channel === 'email' ? emailDateField(document) : [];
  },
  identity: ['/*/Header/MessageId'],
  openKey: 'DH-DOCUMENT-INSTANTS',
};
