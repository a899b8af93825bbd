/**
 * Which fields of DH-831 documents a SUT takes from what it received (process/derivations.ts),
 * each row citing the step or interpretation key that says so:
 * - the seller's DH-831 carries exactly the values of the stimulus sendRequest
 *   (DH-831.SELLER.SEND; docs/sut-protocol.md § stimuli: "sends DH-831 with exactly these
 *   values"), instants compared as instants (any offset); its DH-851 names the request the
 *   stimulus cancel names (DH-851.SELLER.CANCEL);
 * - its AUTHORIZATION_END names the request and the reason of the stimulus endAuthorization
 *   (DH-CANCEL);
 * - the customer's decision names the request and the points the stimulus names, and is the
 *   stimulus's decision (DH-831.CUST.APPROVE / REJECT, DH-PARTIAL);
 * - the Datahub's ACK answers the document it names (OriginalMessageId), goes to its sender and
 *   copies its process element field by field (the ACK is "a header, the process element copied
 *   from the original message, and an acknowledgement event": DH-831.DH.ACK_POSITIVE /
 *   ACK_NEGATIVE, DH-851.DH.CANCEL / REFUSE);
 * - the Datahub's notification and reminder e-mails go to the request's recipient (content
 *   `recipientEmail`, `recipientName`; DH-831.DH.NOTIFY_EMAIL);
 * - the Datahub's DH-825 goes to the requester and grants only points of the request the
 *   customer did not remove (DH-PARTIAL).
 * Not derived, so not here: the ids a party makes itself (MessageId), instants
 * (process/instants.ts) and error ids.
 */
import type { DerivationRule, FieldRule, SourceSpec } from '../../process/derivations.ts';

const PROCESS = 'AuthorizationRequestProcess';

/** The stimulus's `process.<key>` → the DH-831 field; date-times compare as instants. */
const SEND_FIELDS: readonly [string, string, FieldRule['compare']][] = [
  [`${PROCESS}/RequestId`, 'requestId', 'text'],
  [`${PROCESS}/CustomerId`, 'customerId', 'text'],
  [`${PROCESS}/AuthorizationPeriod/Start`, 'periodStart', 'instant'],
  [`${PROCESS}/AuthorizationPeriod/End`, 'periodEnd', 'instant'],
  [`${PROCESS}/Reason`, 'reason', 'text'],
  [`${PROCESS}/Description`, 'description', 'text'],
  [`${PROCESS}/AccountingPoint`, 'accountingPoints', 'set'],
  [`${PROCESS}/Recipient/Name`, 'recipient.name', 'text'],
  [`${PROCESS}/Recipient/Email`, 'recipient.email', 'text'],
  [`${PROCESS}/ReminderTime`, 'reminderTime', 'instant'],
  [`${PROCESS}/RequestEndDate`, 'requestEndDate', 'text'],
];

const sellerRequest: DerivationRule = {
  role: 'seller',
  output: { channels: ['datahub'], messageCodes: ['DH-831'], part: 'xml' },
  step: 'DH-831.SELLER.SEND',
  sources: {
    stimulus: {
      label: 'the stimulus sendRequest',
      channels: ['stimulus'],
      stimuli: ['sendRequest'],
      part: 'content',
      links: [{ in: '$.process.requestId', out: `${PROCESS}/RequestId` }, { latest: true }],
    },
  },
  fields: SEND_FIELDS.map(([out, key, compare]) => ({
    out,
    from: [{ source: 'stimulus', path: `$.process.${key}` }],
    compare,
    cite: 'DH-831.SELLER.SEND',
  })),
};

const sellerCancel: DerivationRule = {
  role: 'seller',
  output: { channels: ['datahub'], messageCodes: ['DH-851'], part: 'xml' },
  step: 'DH-851.SELLER.CANCEL',
  sources: {
    stimulus: {
      label: 'the stimulus cancel',
      channels: ['stimulus'],
      stimuli: ['cancel'],
      part: 'content',
    },
  },
  fields: [
    {
      out: 'CancellationProcess/RequestId',
      from: [{ source: 'stimulus', path: '$.requestId' }],
      cite: 'DH-851.SELLER.CANCEL',
    },
  ],
};

/** DH-CANCEL: AUTHORIZATION_END names the request and the reason the stimulus gives. */
const sellerEnd: DerivationRule = {
  role: 'seller',
  output: { channels: ['datahub'], messageCodes: ['AUTHORIZATION_END'], part: 'content' },
  step: 'DH-831.SELLER.END_AUTHORIZATION',
  sources: {
    stimulus: {
      label: 'the stimulus endAuthorization',
      channels: ['stimulus'],
      stimuli: ['endAuthorization'],
      part: 'content',
      links: [{ in: '$.requestId', out: '$.requestId' }, { latest: true }],
    },
  },
  fields: ['$.requestId', '$.reason'].map((path) => ({
    out: path,
    from: [{ source: 'stimulus', path }],
    cite: 'DH-CANCEL',
  })),
};

const customerDecision: DerivationRule = {
  role: 'customer',
  output: { channels: ['authorization-service'], messageCodes: ['AS-DECISION'], part: 'content' },
  step: 'DH-831.CUST.APPROVE',
  sources: {
    stimulus: {
      label: 'the stimulus approve or reject',
      channels: ['stimulus'],
      stimuli: ['approve', 'reject'],
      part: 'content',
      links: [{ in: '$.requestId', out: '$.requestId' }, { latest: true }],
    },
  },
  fields: [
    {
      out: '$.requestId',
      from: [{ source: 'stimulus', path: '$.requestId' }],
      cite: 'DH-831.CUST.APPROVE',
    },
    {
      out: '$.decision',
      from: [{ source: 'stimulus', path: '$stimulus' }],
      cite: 'DH-831.CUST.APPROVE',
    },
    {
      out: '$.removedAccountingPoints',
      from: [{ source: 'stimulus', path: '$.removeAccountingPoints' }],
      compare: 'set',
      cite: 'DH-PARTIAL',
    },
  ],
};

const answered: SourceSpec = {
  label: 'the document it acknowledges',
  channels: ['datahub'],
  messageCodes: ['DH-831', 'DH-851'],
  part: 'xml',
  links: [{ in: 'Header/MessageId', out: 'AcknowledgementEvent/OriginalMessageId' }],
};

const datahubAck: DerivationRule = {
  role: 'datahub',
  output: { channels: ['datahub'], messageCodes: ['ACK'], part: 'xml' },
  step: 'DH-831.DH.ACK_POSITIVE',
  sources: { original: answered },
  fields: [
    {
      out: 'Header/ReceiverPartyId',
      from: [{ source: 'original', path: 'Header/SenderPartyId' }],
      cite: 'DH-831.DH.ACK_POSITIVE',
    },
    ...(
      [
        [
          '/Acknowledgement/AuthorizationRequestProcess',
          '/AuthorizationRequest/AuthorizationRequestProcess',
        ],
        [
          '/Acknowledgement/CancellationProcess',
          '/AuthorizationRequestCancellation/CancellationProcess',
        ],
      ] as const
    ).map(([out, path]) => ({
      out,
      from: [{ source: 'original', path }],
      subtree: true,
      compare: 'instant' as const,
      cite: 'DH-831.DH.ACK_POSITIVE',
    })),
  ],
};

const datahubApproval: DerivationRule = {
  role: 'datahub',
  output: { channels: ['datahub'], messageCodes: ['DH-825'], part: 'xml' },
  step: 'DH-831.DH.APPROVE',
  sources: {
    request: {
      label: 'the DH-831 it approves',
      channels: ['datahub'],
      messageCodes: ['DH-831'],
      part: 'xml',
      links: [{ in: `${PROCESS}/RequestId`, out: 'NoticeProcess/RequestId' }],
    },
    decision: {
      label: "the customer's decision",
      channels: ['authorization-service'],
      messageCodes: ['AS-DECISION'],
      part: 'content',
      links: [{ in: '$.requestId', out: 'NoticeProcess/RequestId' }],
    },
  },
  fields: [
    {
      out: 'Header/ReceiverPartyId',
      from: [{ source: 'request', path: 'Header/SenderPartyId' }],
      cite: 'DH-831.DH.APPROVE',
    },
    {
      out: 'NoticeProcess/GrantedAccountingPoint',
      from: [{ source: 'request', path: `${PROCESS}/AccountingPoint` }],
      compare: 'subset',
      cite: 'DH-PARTIAL',
    },
    {
      out: 'NoticeProcess/GrantedAccountingPoint',
      from: [{ source: 'decision', path: '$.removedAccountingPoints' }],
      compare: 'disjoint',
      cite: 'DH-PARTIAL',
    },
  ],
};

/**
 * DH-831.DH.NOTIFY_EMAIL / REMINDER_EMAIL: the e-mail goes to the request's recipient and names
 * its request (the content a SUT reports with the e-mail, docs/sut-protocol.md § content).
 */
const datahubEmail: DerivationRule = {
  role: 'datahub',
  output: { channels: ['email'], messageCodes: ['EMAIL'], part: 'content' },
  step: 'DH-831.DH.NOTIFY_EMAIL',
  sources: {
    request: {
      label: 'the DH-831 it notifies about',
      channels: ['datahub'],
      messageCodes: ['DH-831'],
      part: 'xml',
      links: [{ in: `${PROCESS}/RequestId`, out: '$.requestId' }],
    },
  },
  fields: [
    ['$.recipientEmail', `${PROCESS}/Recipient/Email`],
    ['$.recipientName', `${PROCESS}/Recipient/Name`],
  ].map(([out, path]) => ({
    out: out as string,
    from: [{ source: 'request', path: path as string }],
    cite: 'DH-831.DH.NOTIFY_EMAIL',
  })),
};

export const DH_831_DERIVATIONS: readonly DerivationRule[] = [
  sellerRequest,
  sellerCancel,
  sellerEnd,
  customerDecision,
  datahubAck,
  datahubApproval,
  datahubEmail,
];
