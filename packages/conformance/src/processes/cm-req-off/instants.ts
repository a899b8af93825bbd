/**
 * Which fields of CM_REQ_OFF documents record "now", as rules over the element path: the EDA
 * schemas' xs:dateTime and xs:date elements (CPCommonTypes 01p20, CMRequest, CMNotification,
 * CMRevoke) and the simulation-only data documents, each either a "now" instant or the
 * content of the request. The judge holds every "now" field against the test clock in Vienna.
 */
import { type InstantPolicy, type InstantRule, xmlInstantFields } from '../../process/instants.ts';

/** The fields that record the instant the document is written. */
export const CM_REQ_OFF_NOW_FIELDS: readonly InstantRule[] = [
  // ct:RoutingHeader of every EDA document: when it was created (the real samples write UTC).
  { path: 'RoutingHeader/DocumentCreationDateTime', syntax: 'xs:dateTime' },
  // The data documents' header (docs/sut-protocol.md § data documents).
  { path: '/*/DocumentCreationDateTime', syntax: 'xs:dateTime' },
  // CMRequest: the Vienna date of the request, of VNB_02 in a QR template (OFF-QR-PAYLOAD).
  { path: 'ProcessDirectory/ProcessDate', syntax: 'xs:date' },
  // CMRevoke: the Vienna date of the late objection; the next day is another reading.
  { path: 'ProcessDirectory/ConsentEnd', syntax: 'xs:date', open: 'OFF-LATE-OBJECTION' },
];

/**
 * Date fields that carry the request's content, not "now": the data period asked for and
 * delivered. Listed so that every date the schemas declare is classified (instants.test.ts).
 */
export const CM_REQ_OFF_CONTENT_DATES: readonly string[] = [
  'CMRequest/DateFrom',
  'CMRequest/DateTo',
  'ParamHist/DateFrom',
  'ParamHist/DateTo',
  '/DataRequest/DateFrom',
  '/DataRequest/DateTo',
  '/ConsumptionRecord/PeriodFrom',
  '/ConsumptionRecord/PeriodTo',
];

/**
 * EDA documents on `eda`, and the CMRequest templates a DSO's letter or e-mail carries in its QR
 * payload (`content.qrPayload`, VNB_02/VNB_03): the DSO writes them too. A hand-over passes on
 * the payload the customer holds, which its sender did not write.
 */
export const cmReqOffInstants: InstantPolicy = {
  read({ channel, document, content }) {
    if (channel === 'handover') return [];
    if (channel === 'eda')
      return document === null ? [] : xmlInstantFields(document, CM_REQ_OFF_NOW_FIELDS);
    const payload = content?.qrPayload;
    return typeof payload === 'string'
      ? xmlInstantFields(payload, CM_REQ_OFF_NOW_FIELDS, '$.content.qrPayload ')
      : [];
  },
  // EDA: ProcessDirectory/MessageId; the data documents: MessageId under the root.
  identity: ['ProcessDirectory/MessageId', '/*/MessageId'],
  openKey: 'OFF-DOCUMENT-INSTANTS',
};
