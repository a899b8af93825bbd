// Element names of the reference's Datahub XML (README.md has the field table). One place, so
// the builder, the reader and the validator's paths agree.
import type { DatahubDocument, DatahubMessageType } from './types.ts';

/** Root element per document kind. */
export const ROOT_ELEMENT: Readonly<Record<DatahubDocument['kind'], string>> = {
  'DH-831': 'AuthorizationRequest',
  'DH-851': 'AuthorizationRequestCancellation',
  ACK: 'Acknowledgement',
  'DH-825': 'AuthorizationNotice',
};

export const KIND_BY_ROOT: ReadonlyMap<string, DatahubMessageType> = new Map(
  Object.entries(ROOT_ELEMENT).map(([kind, root]) => [root, kind as DatahubMessageType]),
);

/** Occurrence of a child element in a sequence. */
export interface ChildSpec {
  readonly name: string;
  readonly min: 0 | 1;
  readonly max: 1 | 'unbounded';
}

const one = (name: string): ChildSpec => ({ name, min: 1, max: 1 });
const optional = (name: string): ChildSpec => ({ name, min: 0, max: 1 });
const many = (name: string): ChildSpec => ({ name, min: 0, max: 'unbounded' });

export const HEADER_SEQUENCE = [
  one('MessageId'),
  one('MessageType'),
  one('SenderPartyId'),
  one('ReceiverPartyId'),
  one('Created'),
] as const;

export const DH831_PROCESS = 'AuthorizationRequestProcess';
export const DH851_PROCESS = 'CancellationProcess';
export const ACK_EVENT = 'AcknowledgementEvent';
export const DH825_PROCESS = 'NoticeProcess';

export const SEQUENCES = {
  'DH-831': [one('Header'), one(DH831_PROCESS)],
  'DH-851': [one('Header'), one(DH851_PROCESS)],
  ACK: [one('Header'), optional(DH831_PROCESS), optional(DH851_PROCESS), one(ACK_EVENT)],
  'DH-825': [one('Header'), one(DH825_PROCESS)],
  [DH831_PROCESS]: [
    one('RequestId'),
    one('CustomerId'),
    one('AuthorizationPeriod'),
    one('Reason'),
    optional('Description'),
    many('AccountingPoint'),
    optional('Recipient'),
    optional('ReminderTime'),
    optional('RequestEndDate'),
  ],
  AuthorizationPeriod: [one('Start'), optional('End')],
  Recipient: [optional('Name'), optional('Email')],
  [DH851_PROCESS]: [one('RequestId')],
  [ACK_EVENT]: [one('Result'), optional('OriginalMessageId'), many('Error')],
  Error: [one('ErrorId'), one('Text'), one('TextFi')],
  [DH825_PROCESS]: [one('RequestId'), one('ApprovedAt'), many('GrantedAccountingPoint')],
} as const satisfies Record<string, readonly ChildSpec[]>;
