/**
 * How the harness reads DH-831 documents (the reference's Datahub XML): codes and error ids,
 * wire rules (`EC.MSG.*`) apart from business rules (`EC.AUTH.*`, the Datahub's to judge), and
 * what an ACK answers and copies or a DH-825 grants.
 */
import { isTechnicalIssue, rawMessageCode, validateDatahubXml } from '@consent-sim/messages';
import type { TraceEvent } from '@consent-sim/sim';
import type { DocumentRead, XmlReading } from '../../process/policy.ts';

const text = (i: { rule: string; path: string; message: string }) =>
  `${i.rule} at ${i.path}: ${i.message}`;

/**
 * @example readDatahubCodes(ackXml) // { messageCode: 'ACK', responseCodes: ['EC.AUTH.002'], … }
 */
export function readDatahubCodes(xml: string): XmlReading {
  const fallbackCode = rawMessageCode(xml);
  const { document, issues } = validateDatahubXml(xml);
  return {
    messageCode: document?.kind ?? fallbackCode,
    responseCodes:
      document?.kind === 'ACK' ? document.acknowledgement.errors.map((e) => e.errorId) : [],
    issues: issues.filter(isTechnicalIssue).map(text),
    businessIssues: issues.filter((i) => !isTechnicalIssue(i)).map(text),
  };
}

const NONE: DocumentRead = { ownId: null, answers: null, content: {}, damaged: false };

/** What a Datahub delivery answers (OriginalMessageId) and carries (copied process, grants). */
export function readDatahubFacts(e: TraceEvent, xml: string): DocumentRead {
  if (e.channel !== 'datahub' || e.messageCode === 'AUTHORIZATION_END') return NONE;
  const { document, issues } = validateDatahubXml(xml);
  const damaged = issues.some((i) => i.rule.startsWith('EC.MSG.'));
  if (document === undefined) return { ...NONE, damaged: true };
  const ownId = document.header.messageId || null;
  switch (document.kind) {
    case 'ACK': {
      const copied = document.original;
      return {
        ownId,
        answers: document.acknowledgement.originalMessageId ?? null,
        content: {
          'copied process': copied
            ? `${copied.messageType} RequestId ${copied.process.requestId}`
            : 'none',
        },
        damaged,
      };
    }
    case 'DH-825':
      return {
        ownId,
        answers: null,
        content: {
          RequestId: document.requestId,
          GrantedAccountingPoint: [...document.grantedAccountingPoints].sort().join(', '),
        },
        damaged,
      };
    case 'DH-831':
    case 'DH-851':
      return { ownId, answers: null, content: {}, damaged };
  }
}
