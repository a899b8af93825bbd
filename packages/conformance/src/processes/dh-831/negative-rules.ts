/**
 * One case per rule of the Datahub's validation table (DATAHUB_ERRORS, DH-ERROR-IDS) that is not
 * structural: value formats (EC.MSG.003), each business rule (EC.AUTH.0xx) broken just past its
 * limit, and the state rules (a DH-851 on a closed, unknown or another party's request, a
 * repeated request id, a decision on a closed request). `RULE_CASES` is keyed by the error id
 * type, so a new id in the table does not compile until it has a case; structural ids (missing,
 * repeated, unknown elements; unreadable documents) come from the element model (negative.ts).
 */
import { addCalendarDays, isoInZone, localDate } from '@consent-sim/core';
import { buildDatahubXml, type DatahubErrorId, readXmlTree } from '@consent-sim/messages';
import { startOfLocalDay } from '../../model/local-day.ts';
import type { CaseDelivery, CaseInput, NegativeCase } from '../../negative/types.ts';
import { type EditNode, find, readTree, writeTree } from '../../negative/xml-edit.ts';
import { DH831_STRUCTURE } from './negative-structure.ts';

const PROCESS = 'AuthorizationRequestProcess';
const DESCRIPTION_LIMIT = 150;
/** Finnish text, two bytes per character in UTF-8: a byte counter sees twice the length. */
const NON_ASCII = 'ä';

type Edit = (process: EditNode, input: CaseInput) => void;

/** The element `name` of the process, created in sequence order after `after` when absent. */
function child(process: EditNode, name: string, after: readonly string[]): EditNode {
  const kids = process.children ?? [];
  const found = kids.find((k) => k.localName === name);
  if (found !== undefined) return found;
  const made: EditNode = {
    namespace: process.namespace,
    localName: name,
    attributes: [],
    text: '',
  };
  let at = 0;
  kids.forEach((k, i) => {
    if (after.includes(k.localName)) at = i + 1;
  });
  kids.splice(at, 0, made);
  return made;
}

const ORDER = [
  'RequestId',
  'CustomerId',
  'AuthorizationPeriod',
  'Reason',
  'Description',
  'AccountingPoint',
  'Recipient',
  'ReminderTime',
  'RequestEndDate',
];
const before = (name: string) => ORDER.slice(0, ORDER.indexOf(name));
const setText = (process: EditNode, name: string, text: string) => {
  child(process, name, before(name)).text = text;
};
const helsinkiDay = (input: CaseInput, days: number) =>
  addCalendarDays(startOfLocalDay(input.good.at, input.zone), days, input.zone);

function edited(edit: Edit, path: readonly string[] = [PROCESS]): NegativeCase['deliveries'] {
  return (input) => {
    const root = readTree(input.good.document ?? '');
    edit(find(root, path) as EditNode, input);
    return [{ ...input.good, document: writeTree(root, DH831_STRUCTURE.prefixes) }];
  };
}

function headerOf(input: CaseInput): Record<string, string> {
  const header = readXmlTree(input.good.document ?? '').children.find(
    (c) => c.localName === 'Header',
  );
  return Object.fromEntries((header?.children ?? []).map((c) => [c.localName, c.text]));
}

/** A DH-851 naming `requestId`, from the good request's parties, with its own MessageId. */
function cancellation(
  input: CaseInput,
  requestId: string,
  serial: number,
  sender?: string,
): CaseDelivery {
  const header = headerOf(input);
  const document = buildDatahubXml({
    kind: 'DH-851',
    header: {
      messageId: `${header.MessageId ?? 'm'}-851-${serial}`,
      messageType: 'DH-851',
      senderPartyId: sender ?? header.SenderPartyId ?? '',
      receiverPartyId: header.ReceiverPartyId ?? '',
      created: isoInZone(input.good.at, input.zone),
    },
    process: { requestId },
  });
  return { ...input.good, messageCode: 'DH-851', document };
}

const requestIdOf = (input: CaseInput) =>
  readXmlTree(input.good.document ?? '')
    .children.find((c) => c.localName === PROCESS)
    ?.children.find((c) => c.localName === 'RequestId')?.text ?? '';

/** The good request again under a new MessageId (a new document, the same request id). */
function again(input: CaseInput): CaseDelivery {
  const root = readTree(input.good.document ?? '');
  const id = find(root, ['Header', 'MessageId']) as EditNode;
  id.text = `${id.text ?? ''}-2`;
  return { ...input.good, document: writeTree(root, DH831_STRUCTURE.prefixes) };
}

interface RuleCase {
  where: string;
  title: string;
  step?: string;
  interpretations?: readonly string[];
  deliveries: NegativeCase['deliveries'];
  boundary?: { title: string; deliveries: NegativeCase['deliveries'] };
}

type Structural = 'EC.AUTH.020' | 'EC.MSG.001' | 'EC.MSG.004';

/** Every non-structural error id and its cases. */
const RULE_CASES: Record<Exclude<DatahubErrorId, Structural>, readonly RuleCase[]> = {
  'EC.AUTH.001': [
    {
      where: 'Start',
      title: 'Start yesterday 23:59:59 in Helsinki (DH-START-WINDOW)',
      interpretations: ['DH-START-WINDOW'],
      deliveries: edited((p, i) =>
        setText(
          find(p, ['AuthorizationPeriod']) as EditNode,
          'Start',
          isoInZone(helsinkiDay(i, 0) - 1000, i.zone),
        ),
      ),
    },
  ],
  'EC.AUTH.002': [
    {
      where: 'Start',
      title: 'Start at 00:00 on day 91 in Helsinki (DH-START-WINDOW)',
      interpretations: ['DH-START-WINDOW'],
      deliveries: edited((p, i) =>
        setText(
          find(p, ['AuthorizationPeriod']) as EditNode,
          'Start',
          isoInZone(helsinkiDay(i, 91), i.zone),
        ),
      ),
    },
  ],
  'EC.AUTH.003': [
    {
      where: 'End',
      title: 'End equal to Start',
      deliveries: edited((p) => {
        const period = find(p, ['AuthorizationPeriod']) as EditNode;
        const start = find(period, ['Start'])?.text ?? '';
        const end = child(period, 'End', ['Start']);
        end.text = start;
      }),
    },
  ],
  'EC.AUTH.010': [
    {
      where: 'CustomerId',
      title: 'CustomerId with a wrong check character',
      deliveries: edited((p) => {
        const id = find(p, ['CustomerId']) as EditNode;
        const text = id.text ?? '';
        id.text = `${text.slice(0, -1)}${text.endsWith('Y') ? 'X' : 'Y'}`;
      }),
    },
  ],
  'EC.AUTH.011': [
    {
      where: 'AccountingPoint',
      title: 'an AccountingPoint with a wrong GSRN check digit',
      deliveries: edited((p) => {
        const point = child(p, 'AccountingPoint', before('AccountingPoint'));
        const text = point.text === '' ? '643000000000000001' : (point.text ?? '');
        point.text = `${text.slice(0, -1)}${(Number(text.at(-1)) + 1) % 10}`;
      }),
    },
  ],
  'EC.AUTH.012': [
    {
      where: 'Description',
      title: `a Description of ${DESCRIPTION_LIMIT + 1} characters "${NON_ASCII}" (${2 * (DESCRIPTION_LIMIT + 1)} bytes in UTF-8)`,
      deliveries: edited((p) => setText(p, 'Description', NON_ASCII.repeat(DESCRIPTION_LIMIT + 1))),
      boundary: {
        title: `a Description of exactly ${DESCRIPTION_LIMIT} characters "${NON_ASCII}" (${2 * DESCRIPTION_LIMIT} bytes): characters count, not bytes`,
        deliveries: edited((p) => setText(p, 'Description', NON_ASCII.repeat(DESCRIPTION_LIMIT))),
      },
    },
  ],
  'EC.AUTH.013': [
    {
      where: 'Recipient',
      title: 'a Recipient without Email',
      deliveries: edited((p) => {
        const recipient = child(p, 'Recipient', before('Recipient'));
        recipient.text = undefined;
        recipient.children = [
          { namespace: p.namespace, localName: 'Name', attributes: [], text: 'Maija Meikäläinen' },
        ];
      }),
    },
  ],
  'EC.AUTH.014': [
    {
      where: 'ReminderTime',
      title: 'a ReminderTime one hour before the receipt (DH-REMINDER)',
      interpretations: ['DH-REMINDER'],
      deliveries: edited((p, i) =>
        setText(p, 'ReminderTime', isoInZone(i.good.at - 3_600_000, i.zone)),
      ),
    },
  ],
  'EC.AUTH.015': [
    {
      where: 'Reason',
      title: 'Reason "tender" (not one of the known reasons)',
      deliveries: edited((p) => setText(p, 'Reason', 'tender')),
    },
  ],
  'EC.AUTH.016': [
    {
      where: 'RequestEndDate',
      title: 'RequestEndDate yesterday in Helsinki (DH-END-DATE)',
      interpretations: ['DH-END-DATE'],
      deliveries: edited((p, i) =>
        setText(p, 'RequestEndDate', localDate(helsinkiDay(i, 0) - 1, i.zone)),
      ),
    },
  ],
  'EC.AUTH.030': [
    {
      where: 'DH-851',
      title: 'a DH-851 on a request already cancelled (DH-CANCEL)',
      step: 'DH-851.DH.REFUSE',
      interpretations: ['DH-CANCEL'],
      deliveries: (i) => [
        i.good,
        cancellation(i, requestIdOf(i), 1),
        cancellation(i, requestIdOf(i), 2),
      ],
    },
  ],
  'EC.AUTH.031': [
    {
      where: 'DH-851',
      title: 'a DH-851 naming a request id never sent (DH-CANCEL)',
      step: 'DH-851.DH.REFUSE',
      interpretations: ['DH-CANCEL'],
      deliveries: (i) => [i.good, cancellation(i, `${requestIdOf(i)}-unknown`, 1)],
    },
  ],
  'EC.AUTH.032': [
    {
      where: 'DH-851',
      title: "a DH-851 of the seller's request sent by another party, the customer (DH-CANCEL)",
      step: 'DH-851.DH.REFUSE',
      interpretations: ['DH-CANCEL'],
      deliveries: (i) => [
        i.good,
        { ...cancellation(i, requestIdOf(i), 1, 'FI999999'), from: 'customer' },
      ],
    },
  ],
  'EC.AUTH.040': [
    {
      where: 'RequestId',
      title: 'the same request id again in a new document',
      deliveries: (i) => [i.good, again(i)],
    },
  ],
  'EC.MSG.002': [
    {
      where: 'Header/MessageType',
      title: 'Header/MessageType DH-851 on an AuthorizationRequest',
      deliveries: edited(
        (h) => {
          (find(h, ['MessageType']) as EditNode).text = 'DH-851';
        },
        ['Header'],
      ),
    },
  ],
  'EC.MSG.003': [
    {
      where: 'RequestId',
      title: `a RequestId of 65 characters (at most 64)`,
      deliveries: edited((p) => setText(p, 'RequestId', 'A'.repeat(65))),
    },
    {
      where: 'RequestId#pattern',
      title: 'a RequestId with "#" (not A–Z a–z 0–9 . _ : -)',
      deliveries: edited((p) => setText(p, 'RequestId', 'REQ#1')),
    },
    {
      where: 'Start',
      title: 'a Start without an offset',
      deliveries: edited((p, i) =>
        setText(
          find(p, ['AuthorizationPeriod']) as EditNode,
          'Start',
          isoInZone(helsinkiDay(i, 2), i.zone).slice(0, 19),
        ),
      ),
    },
    {
      where: 'Header/Created',
      title: 'Header/Created not a date-time',
      deliveries: edited(
        (h) => {
          (find(h, ['Created']) as EditNode).text = 'yesterday';
        },
        ['Header'],
      ),
    },
  ],
};

/** A decision in the Authorization Service on a request already cancelled: not shown, no answer. */
const CLOSED_DECISION: RuleCase & { rule: string } = {
  rule: 'AS-DECISION.notOpen',
  where: 'AS-DECISION',
  title:
    'an approval of a request already cancelled by DH-851 (DH-CANCEL: decisions only on Open requests)',
  step: 'DH-831.CUST.APPROVE',
  interpretations: ['DH-CANCEL'],
  deliveries: (i) => [
    i.good,
    cancellation(i, requestIdOf(i), 1),
    {
      ...i.good,
      channel: 'authorization-service',
      from: 'customer',
      messageCode: 'AS-DECISION',
      document: null,
      content: {
        messageCode: 'AS-DECISION',
        requestId: requestIdOf(i),
        decision: 'approve',
        removedAccountingPoints: [],
      },
    },
  ],
};

/** Value, business and state cases, rule by rule; boundary companions after the rejections. */
export function dh831RuleCases(): NegativeCase[] {
  const entries = [
    ...Object.entries(RULE_CASES).flatMap(([rule, list]) => list.map((c) => ({ ...c, rule }))),
    CLOSED_DECISION,
  ];
  const make = (
    rule: string,
    c: RuleCase,
    kind: NegativeCase['kind'],
    title: string,
    deliveries: NegativeCase['deliveries'],
  ): NegativeCase => ({
    key: `${rule}@${c.where}${kind === 'boundary' ? '#inside' : ''}`,
    rule,
    title,
    step: c.step ?? DH831_STRUCTURE.step,
    interpretations: c.interpretations ?? DH831_STRUCTURE.interpretations,
    kind,
    deliveries,
  });
  return [
    ...entries.map((c) => make(c.rule, c, 'rejection', c.title, c.deliveries)),
    ...entries.flatMap((c) =>
      c.boundary ? [make(c.rule, c, 'boundary', c.boundary.title, c.boundary.deliveries)] : [],
    ),
  ];
}

/** The rule ids besides the error table's (state rules without an error id). */
export const DH831_EXTRA_RULES = [CLOSED_DECISION.rule];
