/**
 * The negative suite of a Datahub under test (issue 11 item 2): the seller's DH-831 of a valid
 * request, replaced once per rule of the reference's Datahub format and validation table. The
 * structure comes from the element sequences (`SEQUENCES`, packages/messages/src/datahub), the
 * rules from the error table `DATAHUB_ERRORS` (every id a case, negative-rules.ts), the answer
 * class from the ACK: positive, negative copying the process (business, EC.AUTH.*), negative
 * without it (technical, EC.MSG.*) — DH-ERROR-IDS.
 */
import {
  type ChildSpec,
  DATAHUB_ERRORS,
  HEADER_SEQUENCE,
  parseDatahubXml,
  ROOT_ELEMENT,
  SEQUENCES,
} from '@consent-sim/messages';
import { documentCases } from '../../negative/document-cases.ts';
import { type ModelElement, structuralCases } from '../../negative/structure.ts';
import type { ClassedAnswer, NegativeCase, NegativeSuite } from '../../negative/types.ts';
import type { OutboxItem } from '../../sut/protocol.ts';
import { DH831_EXTRA_RULES, dh831RuleCases } from './negative-rules.ts';
import { DH831_STRUCTURE } from './negative-structure.ts';

const sequenceOf = (name: string): readonly ChildSpec[] =>
  name === 'Header'
    ? HEADER_SEQUENCE
    : ((SEQUENCES as Record<string, readonly ChildSpec[]>)[name] ?? []);

/** The required elements of a DH-831, from the sequences (optional ones are not in every document). */
export function dh831ElementModel(
  name: string = ROOT_ELEMENT['DH-831'],
  sequence: readonly ChildSpec[] = SEQUENCES['DH-831'],
): ModelElement {
  return {
    name,
    single: true,
    children: sequence
      .filter((spec) => spec.min === 1)
      .map((spec) => ({
        ...dh831ElementModel(spec.name, sequenceOf(spec.name)),
        single: spec.max === 1,
      })),
  };
}

function dh831Cases(): NegativeCase[] {
  return [
    ...documentCases(
      {
        notWellFormed: 'EC.MSG.001',
        doctype: 'EC.MSG.001',
        entity: 'EC.MSG.001',
        rootNamespace: 'EC.MSG.002',
      },
      DH831_STRUCTURE,
    ),
    ...structuralCases(dh831ElementModel(), DH831_STRUCTURE),
    ...dh831RuleCases(),
  ];
}

/**
 * The ACK answering `sender`, classed; without one, any Datahub document the served role sent (a
 * DH-825 after a decision it should not have taken) counts as accepting.
 */
export function classifyDatahubAnswer(items: readonly OutboxItem[], sender: string): ClassedAnswer {
  const documents = items.filter((i) => i.channel === 'datahub');
  for (const item of documents.filter((i) => i.to === sender)) {
    let document: ReturnType<typeof parseDatahubXml>['document'];
    try {
      document = parseDatahubXml(item.document ?? '').document;
    } catch {
      return { class: 'none', codes: [], label: `an unreadable ${item.messageCode ?? 'document'}` };
    }
    if (document.kind !== 'ACK') continue;
    if (document.acknowledgement.result === 'positive') {
      return { class: 'accepted', codes: [], label: 'positive ACK' };
    }
    const codes = document.acknowledgement.errors.map((e) => e.errorId).sort();
    const copied = document.original !== undefined;
    return {
      class: copied ? 'business' : 'technical',
      codes,
      label: `negative ACK ${codes.join(' ')} (${copied ? 'copies the process: business' : 'no copied process: technical'})`,
    };
  }
  if (documents.length > 0) {
    const sent = documents.map((d) => `${d.messageCode ?? d.channel} to ${d.to}`).join(', ');
    return { class: 'accepted', codes: [], label: `no ACK, but ${sent}` };
  }
  return { class: 'none', codes: [], label: 'no answer' };
}

export const DH831_NEGATIVE: readonly NegativeSuite[] = [
  {
    role: 'datahub',
    // A valid request with a recipient, seller → Datahub.
    base: ['SEND_VALID'],
    target: { messageCode: 'DH-831', from: 'seller' },
    cases: dh831Cases,
    rules: () => [...Object.keys(DATAHUB_ERRORS), ...DH831_EXTRA_RULES],
    classify: classifyDatahubAnswer,
    codeKey: 'DH-ERROR-IDS',
  },
];
