// Datahub document → XML in the reference's own namespace (README.md). Deterministic: the same
// document gives the same bytes; optional fields that are absent are not written.
import { writeXml, type XmlNodeOut } from '../xml/index.ts';
import {
  ACK_EVENT,
  DH825_PROCESS,
  DH831_PROCESS,
  DH851_PROCESS,
  ROOT_ELEMENT,
} from './elements.ts';
import {
  DATAHUB_NAMESPACE,
  type DatahubDocument,
  type DatahubHeader,
  type Dh831Process,
  type Dh851Process,
} from './types.ts';

const leaf = (localName: string, text: string): XmlNodeOut => ({
  namespace: DATAHUB_NAMESPACE,
  localName,
  text,
});
const node = (localName: string, children: readonly (XmlNodeOut | null)[]): XmlNodeOut => ({
  namespace: DATAHUB_NAMESPACE,
  localName,
  children: children.filter((child): child is XmlNodeOut => child !== null),
});
const maybe = (localName: string, text: string | undefined) =>
  text === undefined ? null : leaf(localName, text);

function header(h: DatahubHeader): XmlNodeOut {
  return node('Header', [
    leaf('MessageId', h.messageId),
    leaf('MessageType', h.messageType),
    leaf('SenderPartyId', h.senderPartyId),
    leaf('ReceiverPartyId', h.receiverPartyId),
    leaf('Created', h.created),
  ]);
}

function dh831Process(p: Dh831Process): XmlNodeOut {
  return node(DH831_PROCESS, [
    leaf('RequestId', p.requestId),
    leaf('CustomerId', p.customerId),
    node('AuthorizationPeriod', [leaf('Start', p.periodStart), maybe('End', p.periodEnd)]),
    leaf('Reason', p.reason),
    maybe('Description', p.description),
    ...p.accountingPoints.map((point) => leaf('AccountingPoint', point)),
    p.recipient === undefined
      ? null
      : node('Recipient', [maybe('Name', p.recipient.name), maybe('Email', p.recipient.email)]),
    maybe('ReminderTime', p.reminderTime),
    maybe('RequestEndDate', p.requestEndDate),
  ]);
}

const dh851Process = (p: Dh851Process) => node(DH851_PROCESS, [leaf('RequestId', p.requestId)]);

function body(doc: DatahubDocument): (XmlNodeOut | null)[] {
  switch (doc.kind) {
    case 'DH-831':
      return [dh831Process(doc.process)];
    case 'DH-851':
      return [dh851Process(doc.process)];
    case 'ACK':
      return [
        doc.original?.messageType === 'DH-831' ? dh831Process(doc.original.process) : null,
        doc.original?.messageType === 'DH-851' ? dh851Process(doc.original.process) : null,
        node(ACK_EVENT, [
          leaf('Result', doc.acknowledgement.result),
          maybe('OriginalMessageId', doc.acknowledgement.originalMessageId),
          ...doc.acknowledgement.errors.map((e) =>
            node('Error', [
              leaf('ErrorId', e.errorId),
              leaf('Text', e.text),
              leaf('TextFi', e.textFi),
            ]),
          ),
        ]),
      ];
    case 'DH-825':
      return [
        node(DH825_PROCESS, [
          leaf('RequestId', doc.requestId),
          leaf('ApprovedAt', doc.approvedAt),
          ...doc.grantedAccountingPoints.map((point) => leaf('GrantedAccountingPoint', point)),
        ]),
      ];
  }
}

/**
 * Serialises a Datahub document (prefix `dh`, XML declaration, two-space indentation).
 *
 * @example
 * buildDatahubXml(sampleDatahubDocument('DH-851', { seed: 1 }))
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<dh:AuthorizationRequestCancellation xmlns:dh="urn:consent-sim:datahub:dh-831:1">…'
 */
export function buildDatahubXml(
  doc: DatahubDocument,
  options: { readonly prefix?: string } = {},
): string {
  return writeXml(node(ROOT_ELEMENT[doc.kind], [header(doc.header), ...body(doc)]), {
    prefixes: [[DATAHUB_NAMESPACE, options.prefix ?? 'dh']],
    declaration: true,
    compact: false,
  });
}
