/**
 * The negative suite of a DSO under test (issue 11 item 2): the SP's ANFORDERUNG_CMQF of a valid
 * redemption, replaced once per rule. Schema rules come from the official CMRequest 01.30 model
 * (structure: negative/structure.ts; facets: negative-facets.ts) and are answered 76
 * (VNB_06.no.schema); the process rules are the other negative branches of gateway VNB_06, each
 * with one case (`PROCESS_CASES`). The answer is classed by its code: ANTWORT_CMQF accepts,
 * ABLEHNUNG_CMQF refuses; which negative code is open (OFF-RESPONSE-CODES: a WARNING).
 */
import { cmReqOff } from '@consent-sim/core';
import {
  type CMNotificationDocument,
  COMMON_TYPES_NAMESPACE,
  documentRule,
  type ElementRule,
  ruleNamespace,
  validateEdaXml,
} from '@consent-sim/messages';
import { documentCases } from '../../negative/document-cases.ts';
import {
  type ModelElement,
  type StructureRules,
  structuralCases,
} from '../../negative/structure.ts';
import type {
  CaseDelivery,
  CaseInput,
  ClassedAnswer,
  NegativeCase,
  NegativeSuite,
} from '../../negative/types.ts';
import { type EditNode, find, readTree, writeTree } from '../../negative/xml-edit.ts';
import type { OutboxItem } from '../../sut/protocol.ts';
import { facetCases } from './negative-facets.ts';

const REQUEST = documentRule('CMRequest', '01.30');
const SCHEMA = 'VNB_06.no.schema';
const DAY = 86_400_000;

const STRUCTURE: StructureRules = {
  missing: SCHEMA,
  repeated: SCHEMA,
  order: SCHEMA,
  unknown: SCHEMA,
  namespace: SCHEMA,
  step: 'CM_REQ_OFF_VNB_06',
  interpretations: ['OFF-RESPONSE-CODES'],
  prefixes: [
    [REQUEST.namespace, 'cp'],
    [COMMON_TYPES_NAMESPACE, 'ct'],
  ],
  foreignNamespace: 'urn:consent-sim:negative:foreign',
};

/** The required elements of the schema model. */
export function requiredModel(rule: ElementRule = REQUEST.root): ModelElement {
  return {
    name: rule.name,
    single: rule.maxOccurs === 1,
    children: (rule.children ?? []).filter((c) => c.minOccurs === 1).map(requiredModel),
  };
}

const PD = ['ProcessDirectory'];
function edited(change: (root: EditNode, input: CaseInput) => void) {
  return (input: CaseInput): CaseDelivery[] => {
    const root = readTree(input.good.document ?? '');
    change(root, input);
    return [{ ...input.good, document: writeTree(root, STRUCTURE.prefixes) }];
  };
}
const text = (root: EditNode, path: readonly string[], change: (value: string) => string) => {
  const node = find(root, path) as EditNode;
  node.text = change(node.text ?? '');
};
const lastChar = (value: string) => `${value.slice(0, -1)}${value.endsWith('Z') ? 'Y' : 'Z'}`;
const lastDigit = (value: string) => value.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

/** The good request as a new message: new MessageId and CMRequestId, same consent. */
const renewed = edited((root) => {
  text(root, [...PD, 'MessageId'], lastChar);
  text(root, [...PD, 'CMRequestId'], lastChar);
});

/** One case per negative branch of VNB_06 but the schema (OFF-RESPONSE-CODES rows 1–7). */
const PROCESS_CASES: Record<string, { title: string; deliveries: NegativeCase['deliveries'] }> = {
  'VNB_06.no.duplicate': {
    title: 'the accepted request again, byte for byte',
    deliveries: (i) => [i.good, i.good],
  },
  'VNB_06.no.sender': {
    title: 'RoutingHeader/Sender an unregistered service provider (EP999999)',
    deliveries: edited((r) =>
      text(
        r,
        ['MarketParticipantDirectory', 'RoutingHeader', 'Sender', 'MessageAddress'],
        () => 'EP999999',
      ),
    ),
  },
  'VNB_06.no.meteringPoint': {
    title: "MeteringPoint of another DSO (another party's id, AT999999…)",
    deliveries: edited((r) => text(r, [...PD, 'MeteringPoint'], (v) => `AT999999${v.slice(8)}`)),
  },
  'VNB_06.no.unknownConsent': {
    title: 'a ConsentId this DSO never issued',
    deliveries: edited((r) => text(r, [...PD, 'ConsentId'], lastChar)),
  },
  'VNB_06.no.expired': {
    title: 'the request 30 days after it was due: the redemption deadline passed',
    deliveries: (i) => [{ ...i.good, at: i.good.at + 30 * DAY }],
  },
  'VNB_06.no.mismatch': {
    title: "another metering point of this DSO than the ConsentId's",
    deliveries: edited((r) => text(r, [...PD, 'MeteringPoint'], lastDigit)),
  },
  'VNB_06.no.redeemed': {
    title: 'a new request (new MessageId and CMRequestId) for the ConsentId already redeemed',
    deliveries: (i) => [i.good, ...renewed(i)],
  },
};

/** The rejection branches of VNB_06, from the catalogue. */
export const VNB_06_REJECTIONS = (
  cmReqOff.CM_REQ_OFF_GATEWAYS.find((g) => g.gateway === 'CM_REQ_OFF_VNB_06')?.branches ?? []
)
  .filter((b) => b.responseCode !== undefined)
  .map((b) => b.id);

function processCases(): NegativeCase[] {
  return VNB_06_REJECTIONS.filter((id) => id !== SCHEMA).map((rule) => {
    const made = PROCESS_CASES[rule];
    if (made === undefined)
      throw new Error(
        `consent-sim: the negative suite has no case for ${rule}; add one to PROCESS_CASES`,
      );
    return {
      key: `${rule}@request`,
      rule,
      title: made.title,
      step: STRUCTURE.step,
      interpretations: STRUCTURE.interpretations,
      kind: 'rejection',
      deliveries: made.deliveries,
    };
  });
}

function dsoCases(): NegativeCase[] {
  const all = [
    ...documentCases(
      { notWellFormed: SCHEMA, doctype: SCHEMA, entity: SCHEMA, rootNamespace: SCHEMA },
      STRUCTURE,
    ),
    ...structuralCases(requiredModel(), STRUCTURE),
    ...facetCases(REQUEST.root, {
      rule: SCHEMA,
      step: STRUCTURE.step,
      interpretations: STRUCTURE.interpretations,
      prefixes: STRUCTURE.prefixes,
      namespaceOf: (e) => ruleNamespace(REQUEST, e),
    }),
    ...processCases(),
  ];
  return [
    ...all.filter((c) => c.kind === 'rejection'),
    ...all.filter((c) => c.kind === 'boundary'),
  ];
}

/** The DSO's answer to the SP: ANTWORT_CMQF accepts, ABLEHNUNG_CMQF refuses with its codes. */
export function classifyEdaAnswer(items: readonly OutboxItem[], sender: string): ClassedAnswer {
  for (const item of items.filter((i) => i.channel === 'eda' && i.to === sender)) {
    const { document } = validateEdaXml(item.document ?? '');
    if (document?.documentType !== 'CMNotification') continue;
    const notification = document as CMNotificationDocument;
    const codes = notification.processDirectory.responseData
      .flatMap((r) => r.responseCodes.map(String))
      .sort();
    const label = `${notification.messageCode} ${codes.join(' ')}`;
    if (notification.messageCode === 'ABLEHNUNG_CMQF') return { class: 'business', codes, label };
    return { class: 'accepted', codes, label };
  }
  // Without an answer, a notice to the customer (VNB_07) shows the request was taken.
  const noticeOf = (i: OutboxItem) =>
    (i.content as { topic?: { kind?: string } } | undefined)?.topic?.kind ===
    'consentRequestNotice';
  const sent = items.filter((i) => i.channel === 'eda' || noticeOf(i));
  if (sent.length > 0) {
    return {
      class: 'accepted',
      codes: [],
      label: `no answer to the SP, but ${sent.map((s) => `${s.messageCode ?? s.channel} to ${s.to}`).join(', ')}`,
    };
  }
  return { class: 'none', codes: [], label: 'no answer' };
}

export const CM_REQ_OFF_NEGATIVE: readonly NegativeSuite[] = [
  {
    role: 'vnb',
    // The customer applies; the SP redeems the QR code on day 6.
    base: ['APPLY', 'HAND_OVER_DAY_6'],
    target: { messageCode: 'ANFORDERUNG_CMQF', from: 'sp' },
    cases: dsoCases,
    rules: () => VNB_06_REJECTIONS,
    classify: classifyEdaAnswer,
    codeKey: 'OFF-RESPONSE-CODES',
  },
];
