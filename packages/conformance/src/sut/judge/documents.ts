/**
 * The document checks: every XML document the SUT sent is valid on the wire. A document whose
 * content breaks a rule its receiver judges (a seller's out-of-window request) is noted, not
 * failed: the message checks judge whether the path wanted that.
 */
import type { JudgingPolicy } from '../../process/policy.ts';
import type { AddCheck } from './checks.ts';

export interface SutDocument {
  channel: string;
  document: string;
  step: string | null;
  at: string;
}

export function judgeDocuments(
  role: string,
  policy: JudgingPolicy,
  documents: readonly SutDocument[],
  add: AddCheck,
): void {
  const receiver = Object.hasOwn(policy.receiverJudgesBusinessRules, role)
    ? policy.receiverJudgesBusinessRules[role]
    : undefined;
  const receiverJudges = receiver !== undefined;
  documents.forEach((doc, i) => {
    const { messageCode, issues, businessIssues } = policy.readCodes(doc.channel, doc.document);
    const broken = receiverJudges ? issues : [...issues, ...businessIssues];
    const noted = receiverJudges && businessIssues.length > 0;
    add('document', i, broken.length === 0 ? 'PASS' : 'FAIL', {
      title: `the ${role}'s ${messageCode ?? 'document'} is a valid ${doc.channel} document`,
      step: doc.step,
      interpretations: [],
      expected: 'no violation',
      actual:
        broken.length > 0
          ? broken.join('; ')
          : noted
            ? `valid; for the ${receiver} to judge: ${businessIssues.map((b) => b.split(' at ')[0]).join(', ')}`
            : 'valid',
      at: doc.at,
    });
  });
}
