/**
 * How the harness reads CM_REQ_OFF documents: EDA XML (CMRequest, CMNotification, CMRevoke)
 * and the simulation-only data documents (OFF-DATA-DELIVERY), for codes and for what an answer
 * names of the request it answers.
 */
import { rawMessageCode, validateEdaXml } from '@consent-sim/messages';
import { readDataXml, type TraceEvent } from '@consent-sim/sim';
import type { DocumentRead, XmlReading } from '../../process/policy.ts';

/** ANFORDERUNG_DATEN and DATEN_CRMSG: the simulation-only data documents (OFF-DATA-DELIVERY). */
export const isDataDocumentCode = (code: string | null) =>
  code === 'ANFORDERUNG_DATEN' || code === 'DATEN_CRMSG';

const text = (i: { rule: string; path: string; message: string }) =>
  `${i.rule} at ${i.path}: ${i.message}`;

/**
 * @example readEdaCodes(antwortXml) // { messageCode: 'ANTWORT_CMQF', responseCodes: ['175'], issues: [], businessIssues: [] }
 */
export function readEdaCodes(xml: string): XmlReading {
  const fallbackCode = rawMessageCode(xml);
  // The data documents are not EDA schemas: they are checked against their own format
  // (docs/sut-protocol.md § data documents).
  if (isDataDocumentCode(fallbackCode)) {
    const { issues } = readDataXml(xml);
    return {
      messageCode: fallbackCode,
      responseCodes: [],
      issues: issues.map(text),
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
    issues: issues.map(text),
    businessIssues: [],
  };
}

const NONE: DocumentRead = { ownId: null, answers: null, content: {}, damaged: false };

/** What an EDA delivery answers (CMRequestId) and repeats of the request (OFF-ANSWER-CODES). */
export function readEdaFacts(e: TraceEvent, xml: string): DocumentRead {
  if (e.channel !== 'eda' || isDataDocumentCode(e.messageCode)) return NONE;
  const { document, issues } = validateEdaXml(xml);
  if (document === undefined) return { ...NONE, damaged: true };
  const damaged = issues.length > 0;
  switch (document.documentType) {
    case 'CMRequest': {
      const pd = document.processDirectory;
      return {
        ownId: pd.cmRequestId,
        ids: {
          conversationId: pd.conversationId,
          consentIds: pd.consentId === undefined ? [] : [pd.consentId],
          meteringPoints: pd.meteringPoint === undefined ? [] : [pd.meteringPoint],
        },
        answers: null,
        content: {},
        damaged,
      };
    }
    case 'CMNotification': {
      // An answer repeats the CMRequestId of the request it answers (OFF-ANSWER-CODES).
      const pd = document.processDirectory;
      const named = (pick: (d: (typeof pd.responseData)[number]) => string | undefined) =>
        pd.responseData.map(pick).filter((v): v is string => v !== undefined);
      return {
        ownId: null,
        ids: {
          conversationId: pd.conversationId,
          consentIds: named((d) => d.consentId),
          meteringPoints: named((d) => d.meteringPoint),
        },
        answers: pd.cmRequestId,
        content: {},
        damaged,
      };
    }
    case 'CMRevoke':
      return NONE;
  }
}
