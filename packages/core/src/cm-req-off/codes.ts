/**
 * Message codes of CM_REQ_OFF (and the CM response codes, re-exported from the EDA layer). Codes
 * and documents come from the process page and the official schemas; the data messages are the
 * reference's choice (interpretation key `OFF-DATA-DELIVERY`).
 */

export type MessageCode =
  | 'ANFORDERUNG_CMQF'
  | 'ANTWORT_CMQF'
  | 'ABLEHNUNG_CMQF'
  | 'AUFHEBUNG_CCMC'
  | 'ANTWORT_CCMC'
  | 'ANFORDERUNG_DATEN'
  | 'DATEN_CRMSG';

export interface MessageCodeEntry {
  code: MessageCode;
  /** Root element of the document that carries the code. */
  document: 'CMRequest' | 'CMNotification' | 'CMRevoke' | 'ConsumptionRecord' | 'DataRequest';
  title: string;
  process: 'CM_REQ_OFF' | 'CM_REV_CUS' | 'data delivery';
  /** True where the code or document is the reference's choice, not a published one. */
  simulationOnly: boolean;
}

export const CM_REQ_OFF_MESSAGE_CODES: readonly MessageCodeEntry[] = [
  {
    code: 'ANFORDERUNG_CMQF',
    document: 'CMRequest',
    title: 'Consent request (offline consent, from the QR code)',
    process: 'CM_REQ_OFF',
    simulationOnly: false,
  },
  {
    code: 'ANTWORT_CMQF',
    document: 'CMNotification',
    title: 'Answer: receipt (99) or consent granted (175)',
    process: 'CM_REQ_OFF',
    simulationOnly: false,
  },
  {
    code: 'ABLEHNUNG_CMQF',
    document: 'CMNotification',
    title: 'Rejection with a negative ResponseCode',
    process: 'CM_REQ_OFF',
    simulationOnly: false,
  },
  {
    code: 'AUFHEBUNG_CCMC',
    document: 'CMRevoke',
    title: 'Revocation by the end customer',
    process: 'CM_REV_CUS',
    simulationOnly: false,
  },
  {
    code: 'ANTWORT_CCMC',
    document: 'CMNotification',
    title: 'Answer to the revocation (176)',
    process: 'CM_REV_CUS',
    simulationOnly: false,
  },
  {
    code: 'ANFORDERUNG_DATEN',
    document: 'DataRequest',
    title: 'SP asks for data of an active release (simulation only)',
    process: 'data delivery',
    simulationOnly: true,
  },
  {
    code: 'DATEN_CRMSG',
    document: 'ConsumptionRecord',
    title: 'Metering data delivered to the SP (content simulation only)',
    process: 'data delivery',
    simulationOnly: true,
  },
];
