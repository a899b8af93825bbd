// XML → Datahub document. Guard first (hostile input never reaches the parser), then a
// namespace-resolved tree: prefixes never matter, only the namespace URI and local names.
import type { ValidationIssue } from '../eda/types.ts';
import {
  DEFAULT_XML_LIMITS,
  guardXml,
  readXmlTree,
  type XmlElement,
  type XmlLimits,
} from '../xml/index.ts';
import {
  ACK_EVENT,
  DH825_PROCESS,
  DH831_PROCESS,
  DH851_PROCESS,
  HEADER_SEQUENCE,
  KIND_BY_ROOT,
  ROOT_ELEMENT,
  SEQUENCES,
} from './elements.ts';
import { type Children, optionalTextOf, readSequence, textOf, textsOf } from './read-sequence.ts';
import { datahubIssue } from './rules.ts';
import {
  type AckError,
  type AuthorizationReason,
  DATAHUB_NAMESPACE,
  type DatahubDocument,
  type DatahubHeader,
  type DatahubMessageType,
  type Dh831Process,
} from './types.ts';

/** The root element is not a Datahub document of the reference's namespace (EC.MSG.002). */
export class DatahubDocumentError extends Error {
  override readonly name = 'DatahubDocumentError';
  constructor(
    readonly rootName: string,
    readonly rootNamespace: string | null,
  ) {
    super(
      `consent-sim: datahub: root element <${rootName}> in namespace ${rootNamespace ?? '(none)'} is not a Datahub document (EC.MSG.002); expected one of ${Object.values(ROOT_ELEMENT).join(', ')} in ${DATAHUB_NAMESPACE}.`,
    );
  }
}

export interface ParsedDatahubDocument {
  /** Fields missing in the XML are `''` and reported in `issues`. */
  readonly document: DatahubDocument;
  readonly issues: ValidationIssue[];
}

/**
 * Reads a DH-831 request, DH-851 cancellation, ACK or (simulation-only) DH-825 notice. Reports
 * structure (order, occurrence, namespace) as issues; value rules are `validateDatahub`'s job.
 *
 * @throws {XmlInputError} input refused by the guard or not well-formed.
 * @throws {DatahubDocumentError} the root is not a Datahub document.
 * @example
 * const { document, issues } = parseDatahubXml(xml);
 * if (document.kind === 'DH-831') document.process.accountingPoints;
 */
export function parseDatahubXml(
  xml: string | Uint8Array,
  options: { readonly limits?: Partial<XmlLimits> } = {},
): ParsedDatahubDocument {
  const text = guardXml(xml, options.limits);
  const root = readXmlTree(text, options.limits?.maxDepth ?? DEFAULT_XML_LIMITS.maxDepth);
  const kind = KIND_BY_ROOT.get(root.localName);
  if (root.namespace !== DATAHUB_NAMESPACE || kind === undefined) {
    throw new DatahubDocumentError(root.localName, root.namespace);
  }
  const issues: ValidationIssue[] = [];
  const path = `/${root.localName}`;
  const top = readSequence(root, path, SEQUENCES[kind], issues);
  const header = readHeader(top, path, kind, issues);
  return { document: readBody(kind, header, top, issues), issues };
}

function child(
  children: Children,
  name: string,
): { element: XmlElement; path: string } | undefined {
  return children.get(name)?.[0];
}

function readHeader(
  top: Children,
  path: string,
  kind: DatahubMessageType,
  issues: ValidationIssue[],
): DatahubHeader {
  const located = child(top, 'Header');
  const fields = located
    ? readSequence(located.element, located.path, HEADER_SEQUENCE, issues)
    : new Map();
  const messageType = textOf(fields, 'MessageType', issues);
  if (located !== undefined && messageType !== '' && messageType !== kind) {
    issues.push(
      datahubIssue(
        `${path}/Header/MessageType`,
        'EC.MSG.002',
        messageType,
        `The root element ${ROOT_ELEMENT[kind]} is a ${kind}.`,
      ),
    );
  }
  return {
    messageId: textOf(fields, 'MessageId', issues),
    // Left out, it stays '' so the receiver's header check refuses it (EC.AUTH.020).
    messageType: messageType === '' ? ('' as DatahubMessageType) : kind,
    senderPartyId: textOf(fields, 'SenderPartyId', issues),
    receiverPartyId: textOf(fields, 'ReceiverPartyId', issues),
    created: textOf(fields, 'Created', issues),
  };
}

function readDh831Process(
  located: { element: XmlElement; path: string } | undefined,
  issues: ValidationIssue[],
): Dh831Process {
  const p = located
    ? readSequence(located.element, located.path, SEQUENCES[DH831_PROCESS], issues)
    : new Map();
  const period = child(p, 'AuthorizationPeriod');
  const times = period
    ? readSequence(period.element, period.path, SEQUENCES.AuthorizationPeriod, issues)
    : new Map();
  const recipientAt = child(p, 'Recipient');
  const recipient = recipientAt
    ? readSequence(recipientAt.element, recipientAt.path, SEQUENCES.Recipient, issues)
    : undefined;
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    requestId: textOf(p, 'RequestId', issues),
    customerId: textOf(p, 'CustomerId', issues),
    periodStart: textOf(times, 'Start', issues),
    ...optional('periodEnd', optionalTextOf(times, 'End', issues)),
    reason: textOf(p, 'Reason', issues) as AuthorizationReason,
    ...optional('description', optionalTextOf(p, 'Description', issues)),
    accountingPoints: textsOf(p, 'AccountingPoint', issues),
    ...optional(
      'recipient',
      recipient === undefined
        ? undefined
        : {
            ...optional('name', optionalTextOf(recipient, 'Name', issues)),
            ...optional('email', optionalTextOf(recipient, 'Email', issues)),
          },
    ),
    ...optional('reminderTime', optionalTextOf(p, 'ReminderTime', issues)),
    ...optional('requestEndDate', optionalTextOf(p, 'RequestEndDate', issues)),
  };
}

function readRequestId(
  located: { element: XmlElement; path: string } | undefined,
  issues: ValidationIssue[],
) {
  const p = located
    ? readSequence(located.element, located.path, SEQUENCES[DH851_PROCESS], issues)
    : new Map();
  return { requestId: textOf(p, 'RequestId', issues) };
}

function readBody(
  kind: DatahubMessageType,
  header: DatahubHeader,
  top: Children,
  issues: ValidationIssue[],
): DatahubDocument {
  switch (kind) {
    case 'DH-831':
      return { kind, header, process: readDh831Process(child(top, DH831_PROCESS), issues) };
    case 'DH-851':
      return { kind, header, process: readRequestId(child(top, DH851_PROCESS), issues) };
    case 'DH-825': {
      const located = child(top, DH825_PROCESS);
      const p = located
        ? readSequence(located.element, located.path, SEQUENCES[DH825_PROCESS], issues)
        : new Map();
      return {
        kind,
        header,
        requestId: textOf(p, 'RequestId', issues),
        approvedAt: textOf(p, 'ApprovedAt', issues),
        grantedAccountingPoints: textsOf(p, 'GrantedAccountingPoint', issues),
      };
    }
    case 'ACK': {
      const request = child(top, DH831_PROCESS);
      const cancel = child(top, DH851_PROCESS);
      if (request !== undefined && cancel !== undefined) {
        issues.push(
          datahubIssue(
            cancel.path,
            'EC.MSG.004',
            undefined,
            `An ACK copies one process element; ${DH831_PROCESS} is already there.`,
          ),
        );
      }
      const event = child(top, ACK_EVENT);
      const e = event
        ? readSequence(event.element, event.path, SEQUENCES[ACK_EVENT], issues)
        : new Map();
      const errors: AckError[] = (e.get('Error') ?? []).map(
        (located: { element: XmlElement; path: string }) => {
          const fields = readSequence(located.element, located.path, SEQUENCES.Error, issues);
          return {
            errorId: textOf(fields, 'ErrorId', issues),
            text: textOf(fields, 'Text', issues),
            textFi: textOf(fields, 'TextFi', issues),
          };
        },
      );
      const originalMessageId = optionalTextOf(e, 'OriginalMessageId', issues);
      const original =
        request !== undefined
          ? {
              original: {
                messageType: 'DH-831' as const,
                process: readDh831Process(request, issues),
              },
            }
          : cancel !== undefined
            ? {
                original: {
                  messageType: 'DH-851' as const,
                  process: readRequestId(cancel, issues),
                },
              }
            : {};
      return {
        kind,
        header,
        ...original,
        acknowledgement: {
          result: textOf(e, 'Result', issues) as 'positive' | 'negative',
          ...(originalMessageId === undefined ? {} : { originalMessageId }),
          errors,
        },
      };
    }
  }
}
