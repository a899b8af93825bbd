/**
 * What the harness reads off a SUT's XML before it travels: the message code and the response
 * codes (CMNotification ResponseCode, OFF-RESPONSE-CODES) or error ids (Datahub ACK,
 * DH-ERROR-IDS), and whether the document is valid at all. The receiving reference party
 * validates it again, as for any document on the wire.
 */
import { isTechnicalIssue, validateDatahubXml, validateEdaXml } from '@consent-sim/messages';
import { readDataXml } from '@consent-sim/sim';

export interface XmlReading {
  messageCode: string | null;
  responseCodes: string[];
  /**
   * Violations that make the document invalid on the wire, as `rule at path: message` (EDA:
   * every XSD rule; Datahub: `EC.MSG.*`); empty for a valid document.
   */
  issues: string[];
  /**
   * Datahub business rules the content breaks (`EC.AUTH.*`, e.g. a 151-character description).
   * For a seller's request these are what the Datahub judges, not a broken document; many paths
   * make the seller send such a request on purpose. Always empty for EDA.
   */
  businessIssues: string[];
}

/** ANFORDERUNG_DATEN and DATEN_CRMSG: the simulation-only data documents (OFF-DATA-DELIVERY). */
export const isDataDocumentCode = (code: string | null) =>
  code === 'ANFORDERUNG_DATEN' || code === 'DATEN_CRMSG';

/**
 * @example readXmlCodes('eda', antwortXml) // { messageCode: 'ANTWORT_CMQF', responseCodes: ['175'], issues: [] }
 */
export function readXmlCodes(channel: string, xml: string): XmlReading {
  const fallbackCode = /<(?:[\w.-]+:)?MessageCode>([^<]{1,64})</.exec(xml)?.[1] ?? null;
  if (channel === 'datahub') {
    const { document, issues } = validateDatahubXml(xml);
    const text = (i: (typeof issues)[number]) => `${i.rule} at ${i.path}: ${i.message}`;
    return {
      messageCode: document?.kind ?? fallbackCode,
      responseCodes:
        document?.kind === 'ACK' ? document.acknowledgement.errors.map((e) => e.errorId) : [],
      issues: issues.filter(isTechnicalIssue).map(text),
      businessIssues: issues.filter((i) => !isTechnicalIssue(i)).map(text),
    };
  }
  // The simulation-only data documents (OFF-DATA-DELIVERY) are not EDA schemas: they are
  // checked against their own format (docs/sut-protocol.md § data documents).
  if (isDataDocumentCode(fallbackCode)) {
    const { issues } = readDataXml(xml);
    return {
      messageCode: fallbackCode,
      responseCodes: [],
      issues: issues.map((i) => `${i.rule} at ${i.path}: ${i.message}`),
      businessIssues: [],
    };
  }
  const { document, issues } = validateEdaXml(xml);
  const responseCodes =
    document?.documentType === 'CMNotification'
      ? document.processDirectory.responseData.flatMap((d) => d.responseCodes.map(String))
      : [];
  return {
    messageCode: document?.messageCode ?? fallbackCode,
    responseCodes,
    issues: issues.map((i) => `${i.rule} at ${i.path}: ${i.message}`),
    businessIssues: [],
  };
}
