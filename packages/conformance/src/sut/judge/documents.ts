/**
 * The document checks: every XML document the SUT sent is valid on the wire, and every instant
 * it records as "now" agrees with the test clock in the process zone (instants.ts; which fields
 * those are is the process's table). A document whose content breaks a rule its receiver judges
 * (a seller's out-of-window request) is noted, not failed: the message checks judge whether the
 * path wanted that. A letter or e-mail has no wire format to validate; it gets a check, after
 * the XML documents, when its process reads instants in it (a QR payload, an e-mail's Date).
 */
import { xmlLeafText } from '../../process/instants.ts';
import type { JudgingPolicy, MailFinding } from '../../process/policy.ts';
import type { Verdict } from '../verdicts.ts';
import type { AddCheck } from './checks.ts';
import { worstOf } from './findings.ts';
import { type InstantFinding, instantFindings } from './instants.ts';

export interface SutDocument {
  channel: string;
  document: string;
  step: string | null;
  at: string;
}

/** A letter, e-mail, call or hand-over the SUT sent: its text and structured content. */
export interface SutMail {
  channel: string;
  messageCode: string | null;
  document: string | null;
  content: Record<string, unknown> | null;
  step: string | null;
  at: string;
}

export interface DocumentInput {
  role: string;
  policy: JudgingPolicy;
  /** The process zone (the plug-in's). */
  zone: string;
  documents: readonly SutDocument[];
  mail?: readonly SutMail[];
}

/** The findings about the instants of what left at `at` (first at `firstMs`, if sent before). */
function instantsOf(
  input: DocumentInput,
  item: {
    channel: string;
    document: string | null;
    content?: Record<string, unknown> | null;
    at: string;
  },
  firstMs?: number,
): { fields: number; findings: InstantFinding[] } {
  const rules = input.policy.instants;
  if (rules === undefined) return { fields: 0, findings: [] };
  const fields = rules.read(item);
  const sent = { atMs: Date.parse(item.at), ...(firstMs === undefined ? {} : { firstMs }) };
  return { fields: fields.length, findings: instantFindings(fields, sent, input.zone, rules) };
}

/**
 * For each document, when the first document with the same identity (e.g. MessageId) left: a
 * retransmission may keep the instants it was first written with (the reference's SP repeats
 * its ANFORDERUNG_CMQF byte for byte).
 */
function firstSent(input: DocumentInput): (number | undefined)[] {
  const patterns = input.policy.instants?.identity ?? [];
  const first = new Map<string, number>();
  return input.documents.map((doc) => {
    const id = patterns.length === 0 ? null : xmlLeafText(doc.document, patterns);
    if (id === null || id === '') return undefined;
    const atMs = Date.parse(doc.at);
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, atMs);
    return earlier;
  });
}

/** `expected` / `actual` of a check with instant findings: each field's path, value and due. */
const detail = (
  findings: readonly (InstantFinding | MailFinding)[],
  side: 'expected' | 'written',
) => findings.map((f) => `${f.path} ${side === 'expected' ? f.expected : f.written}`).join('; ');

export function judgeDocuments(input: DocumentInput, add: AddCheck): void {
  const { role, policy, documents } = input;
  const receiver = Object.hasOwn(policy.receiverJudgesBusinessRules, role)
    ? policy.receiverJudgesBusinessRules[role]
    : undefined;
  const receiverJudges = receiver !== undefined;
  const firsts = firstSent(input);
  documents.forEach((doc, i) => {
    const { messageCode, issues, businessIssues } = policy.readCodes(doc.channel, doc.document);
    const broken = receiverJudges ? issues : [...issues, ...businessIssues];
    const noted = receiverJudges && businessIssues.length > 0;
    const { findings } = instantsOf(input, doc, firsts[i]);
    const worst = worstOf(findings);
    const verdict: Verdict = broken.length > 0 ? 'FAIL' : (worst?.verdict ?? 'PASS');
    const title = `the ${role}'s ${messageCode ?? 'document'} is a valid ${doc.channel} document`;
    const validity =
      broken.length > 0
        ? broken.join('; ')
        : noted
          ? `valid; for the ${receiver} to judge: ${businessIssues.map((b) => b.split(' at ')[0]).join(', ')}`
          : 'valid';
    add('document', i, verdict, {
      title: findings.length === 0 ? title : `${title} (${findings.map((f) => f.why).join('; ')})`,
      step: doc.step,
      interpretations: broken.length === 0 && worst !== undefined ? [...worst.keys] : [],
      expected:
        findings.length === 0 ? 'no violation' : `no violation; ${detail(findings, 'expected')}`,
      actual: findings.length === 0 ? validity : `${validity}; ${detail(findings, 'written')}`,
      at: doc.at,
    });
  });
  let index = documents.length;
  for (const mail of input.mail ?? []) {
    index = judgeMailRules(input, mail, index, add);
    const { fields, findings } = instantsOf(input, mail);
    if (fields === 0) continue;
    const worst = worstOf(findings);
    const what = mail.messageCode ?? `(${mail.channel})`;
    const title = `the ${role}'s ${what} records the test clock's instants`;
    add('document', index++, worst?.verdict ?? 'PASS', {
      title: findings.length === 0 ? title : `${title} (${findings.map((f) => f.why).join('; ')})`,
      step: mail.step,
      interpretations: worst === undefined ? [] : [...worst.keys],
      expected: findings.length === 0 ? 'instants of the test clock' : detail(findings, 'expected'),
      actual: findings.length === 0 ? `${fields} instant(s) as due` : detail(findings, 'written'),
      at: mail.at,
    });
  }
}

/** The process's rules on what a letter or e-mail carries (a QR payload): one check each mail. */
function judgeMailRules(input: DocumentInput, mail: SutMail, index: number, add: AddCheck): number {
  const rules = input.policy.mailRules;
  const findings = rules?.read(mail) ?? [];
  if (rules === undefined || findings.length === 0) return index;
  const failing = findings.filter((f) => f.verdict !== 'PASS');
  const worst = worstOf(failing);
  const what = mail.messageCode ?? `(${mail.channel})`;
  const title = `the ${input.role}'s ${what} carries a ${rules.subject} as the process reads it`;
  add('document', index, worst?.verdict ?? 'PASS', {
    title: failing.length === 0 ? title : `${title} (${failing.map((f) => f.why).join('; ')})`,
    step: mail.step,
    interpretations: [...new Set(failing.flatMap((f) => f.keys))],
    expected: failing.length === 0 ? `every ${rules.subject} rule` : detail(failing, 'expected'),
    actual:
      failing.length === 0
        ? `${findings.length} rules PASS (${findings.map((f) => f.why.split(':')[0]).join(', ')})`
        : detail(failing, 'written'),
    at: mail.at,
  });
  return index + 1;
}
