// Seeded sample Datahub documents, built on the ids API: the same seed gives the same document;
// every sample passes validateDatahub and the receipt-time rules at its Created instant.
import { DateTime } from 'luxon';
import { createFaker, fakeCustomer, fakeFinnishBusinessId, fakeGsrn } from '../ids/index.ts';
import { ackError } from './errors.ts';
import type {
  DatahubAckDocument,
  DatahubDocument,
  DatahubHeader,
  DatahubMessageType,
  Dh825ApprovalDocument,
  Dh831RequestDocument,
  Dh851CancelDocument,
} from './types.ts';
import { AUTHORIZATION_REASONS } from './types.ts';

const SAMPLES = {
  'DH-831': 'A seller asks a customer for an authorization (with recipient and reminder).',
  'DH-831-ACK-POSITIVE': 'Datahub accepts the DH-831 request.',
  'DH-831-ACK-NEGATIVE':
    'Datahub refuses the DH-831 request (start too far ahead, description too long).',
  'DH-851': 'The seller cancels its request.',
  'DH-851-ACK-POSITIVE': 'Datahub cancels the open request.',
  'DH-851-ACK-NEGATIVE': 'Datahub refuses: the request is not open (EC.AUTH.030).',
  'DH-825': 'Simulation-only approval notice listing the granted accounting points.',
} as const;

export type DatahubSampleKind = keyof typeof SAMPLES;

/** The document each sample kind produces. */
export type DatahubSample<K extends DatahubSampleKind> = K extends 'DH-831'
  ? Dh831RequestDocument
  : K extends 'DH-851'
    ? Dh851CancelDocument
    : K extends 'DH-825'
      ? Dh825ApprovalDocument
      : DatahubAckDocument;

/**
 * Every sample kind with a one-line description.
 *
 * @example listDatahubSamples().map((s) => s.kind) // ['DH-831', 'DH-831-ACK-POSITIVE', …]
 */
export function listDatahubSamples(): { kind: DatahubSampleKind; summary: string }[] {
  return (Object.keys(SAMPLES) as DatahubSampleKind[]).map((kind) => ({
    kind,
    summary: SAMPLES[kind],
  }));
}

const ZONE = 'Europe/Helsinki';

function world(seed: number) {
  const faker = createFaker(seed);
  const created = DateTime.fromISO('2026-03-02T09:00:00', { zone: ZONE }).plus({
    days: faker.number.int({ min: 0, max: 60 }),
    minutes: faker.number.int({ min: 0, max: 600 }),
  });
  const iso = (t: DateTime) => t.toISO({ includeOffset: true }) ?? '';
  const seller = `SELLER-${faker.string.numeric(6)}`;
  const customer = fakeCustomer(faker, { country: 'FI' });
  const business = faker.datatype.boolean();
  const request: Dh831RequestDocument = {
    kind: 'DH-831',
    header: header(
      'DH-831',
      faker.string.alphanumeric(12).toUpperCase(),
      seller,
      'DATAHUB',
      iso(created),
    ),
    process: {
      requestId: `REQ-${faker.string.numeric(8)}`,
      customerId: business ? fakeFinnishBusinessId(faker) : (customer.personalId ?? ''),
      periodStart: iso(
        created.plus({ days: faker.number.int({ min: 1, max: 30 }) }).startOf('day'),
      ),
      reason: faker.helpers.arrayElement(AUTHORIZATION_REASONS),
      description: 'Tarjouspyyntö sähkösopimuksesta / invitation to tender',
      accountingPoints: Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, () =>
        fakeGsrn(faker),
      ),
      recipient: { name: customer.name, email: customer.email },
      reminderTime: iso(
        created.plus({ days: 7 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }),
      ),
      requestEndDate: created.plus({ days: 14 }).toISODate() ?? '',
    },
  };
  return { faker, created, iso, seller, request };
}

function header(
  messageType: DatahubMessageType,
  messageId: string,
  senderPartyId: string,
  receiverPartyId: string,
  created: string,
): DatahubHeader {
  return { messageId, messageType, senderPartyId, receiverPartyId, created };
}

/**
 * A seeded sample document of `kind`.
 *
 * @example sampleDatahubDocument('DH-831', { seed: 7 }).process.accountingPoints[0] // '643…'
 */
export function sampleDatahubDocument<K extends DatahubSampleKind>(
  kind: K,
  options: { readonly seed: number },
): DatahubSample<K> {
  const { faker, created, iso, seller, request } = world(options.seed);
  const later = iso(created.plus({ minutes: 1 }));
  const ackHeader = () =>
    header('ACK', faker.string.alphanumeric(12).toUpperCase(), 'DATAHUB', seller, later);
  const cancel: Dh851CancelDocument = {
    kind: 'DH-851',
    header: header('DH-851', faker.string.alphanumeric(12).toUpperCase(), seller, 'DATAHUB', later),
    process: { requestId: request.process.requestId },
  };
  const refused = {
    ...request.process,
    periodStart: iso(created.plus({ days: 91 })),
    description: 'x'.repeat(151),
  };
  const documents: Record<DatahubSampleKind, () => DatahubDocument> = {
    'DH-831': () => request,
    'DH-831-ACK-POSITIVE': () => ({
      kind: 'ACK',
      header: ackHeader(),
      original: { messageType: 'DH-831', process: request.process },
      acknowledgement: {
        result: 'positive',
        originalMessageId: request.header.messageId,
        errors: [],
      },
    }),
    'DH-831-ACK-NEGATIVE': () => ({
      kind: 'ACK',
      header: ackHeader(),
      original: { messageType: 'DH-831', process: refused },
      acknowledgement: {
        result: 'negative',
        originalMessageId: request.header.messageId,
        errors: [ackError('EC.AUTH.012'), ackError('EC.AUTH.002')],
      },
    }),
    'DH-851': () => cancel,
    'DH-851-ACK-POSITIVE': () => ({
      kind: 'ACK',
      header: ackHeader(),
      original: { messageType: 'DH-851', process: cancel.process },
      acknowledgement: {
        result: 'positive',
        originalMessageId: cancel.header.messageId,
        errors: [],
      },
    }),
    'DH-851-ACK-NEGATIVE': () => ({
      kind: 'ACK',
      header: ackHeader(),
      original: { messageType: 'DH-851', process: cancel.process },
      acknowledgement: {
        result: 'negative',
        originalMessageId: cancel.header.messageId,
        errors: [ackError('EC.AUTH.030')],
      },
    }),
    'DH-825': () => ({
      kind: 'DH-825',
      header: header(
        'DH-825',
        faker.string.alphanumeric(12).toUpperCase(),
        'DATAHUB',
        seller,
        later,
      ),
      requestId: request.process.requestId,
      approvedAt: later,
      grantedAccountingPoints: request.process.accountingPoints.slice(0, 1),
    }),
  };
  return documents[kind]() as DatahubSample<K>;
}
