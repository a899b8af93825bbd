/**
 * Which fields of CM_REQ_OFF documents a SUT takes from what it received (process/derivations.ts),
 * each row citing the step or interpretation key that says so:
 * - the customer's application carries the stimulus's metering points and request (BP_01);
 * - the DSO's QR templates carry the application's metering points and request (VNB_02,
 *   OFF-QR-PAYLOAD: "the CMRequest body … as applied for at BP_01");
 * - the customer hands on the QR payload it received, unchanged (BP_04);
 * - the SP's ANFORDERUNG_CMQF copies ConsentId, MeteringPoint and the CMRequest body of the QR
 *   template, or takes the ConsentId / MeteringPoint a stimulus names (SP_04, OFF-QR-PAYLOAD);
 *   it goes to the DSO that wrote the template;
 * - the DSO's CMNotification repeats the request's ConversationId and CMRequestId, names its
 *   ConsentId and MeteringPoint (OFF-ANSWER-CODES; the schema lets it leave the last two out:
 *   WARNING) and goes to the request's sender (OFF-RESPONSE-CODES: "antwortet er dem
 *   zugehörigen Sender");
 * - the DSO's CMRevoke goes to the SP that redeemed the ConsentId, the SP's ANTWORT_CCMC names
 *   the CMRevoke's ConsentId and MeteringPoint and goes to its sender (OFF-LATE-OBJECTION).
 * Not derived, so not here: the ids a party makes itself (MessageId, ConversationId and
 * CMRequestId of a new request, a ConsentId), instants (process/instants.ts) and codes.
 */
import type { DerivationRule, FieldRule, SourceSpec } from '../../process/derivations.ts';

const copy = (out: string, source: string, path = out, more: Partial<FieldRule> = {}) => ({
  out,
  from: [{ source, path }],
  cite: 'OFF-QR-PAYLOAD',
  ...more,
});

/** The customer's application as the DSO receives it (the `topic.application` of a call or e-mail). */
const APPLICATION = '$.topic.application';

const application: SourceSpec = {
  label: "the customer's application",
  channels: ['phone', 'email'],
  messageCodes: [null],
  part: 'content',
  having: `${APPLICATION}.meteringPoints`,
  links: [{ in: `${APPLICATION}.meteringPoints`, out: 'ProcessDirectory/MeteringPoint' }],
};

const qrLetter: SourceSpec = {
  label: "the DSO's QR code",
  channels: ['email', 'post'],
  messageCodes: [null],
  part: 'content',
  having: '$.qrPayload',
};

const REQUEST_BODY = '/CMRequest/ProcessDirectory/CMRequest';

const spRequest: DerivationRule = {
  role: 'sp',
  output: { channels: ['eda'], messageCodes: ['ANFORDERUNG_CMQF'], part: 'xml' },
  step: 'CM_REQ_OFF_SP_04',
  sources: {
    handover: { label: 'the QR code handed over', channels: ['handover'], part: 'content' },
    // A stimulus after the last hand-over names the ConsentId the request redeems (and may
    // override it or the metering point, to provoke 177, 187, 56: docs/sut-protocol.md § stimuli).
    stimulus: {
      label: 'the stimulus sendRequest',
      channels: ['stimulus'],
      stimuli: ['sendRequest'],
      part: 'content',
      after: 'handover',
    },
    template: {
      label: "the QR code's CMRequest",
      channels: ['handover'],
      part: 'qr',
      links: [
        { in: 'ProcessDirectory/ConsentId', source: 'stimulus', field: '$.consentId' },
        { in: 'ProcessDirectory/ConsentId', out: 'ProcessDirectory/ConsentId' },
        { in: 'ProcessDirectory/MeteringPoint', out: 'ProcessDirectory/MeteringPoint' },
        { latest: true },
      ],
    },
  },
  fields: [
    {
      out: 'ProcessDirectory/ConsentId',
      from: [
        { source: 'stimulus', path: '$.override.consentId' },
        { source: 'stimulus', path: '$.consentId' },
        { source: 'template', path: 'ProcessDirectory/ConsentId' },
      ],
      cite: 'OFF-QR-PAYLOAD',
    },
    {
      out: 'ProcessDirectory/MeteringPoint',
      from: [
        { source: 'stimulus', path: '$.override.meteringPoint' },
        { source: 'template', path: 'ProcessDirectory/MeteringPoint' },
      ],
      cite: 'OFF-QR-PAYLOAD',
    },
    copy(REQUEST_BODY, 'template', REQUEST_BODY, { subtree: true }),
    copy(
      'RoutingHeader/Receiver/MessageAddress',
      'template',
      'RoutingHeader/Sender/MessageAddress',
    ),
  ],
};

const answered: SourceSpec = {
  label: 'the ANFORDERUNG_CMQF it answers',
  channels: ['eda'],
  messageCodes: ['ANFORDERUNG_CMQF'],
  part: 'xml',
  links: [{ in: 'ProcessDirectory/CMRequestId', out: 'ProcessDirectory/CMRequestId' }],
};

const echo = (out: string, path: string, cite: string, omitted?: string): FieldRule => ({
  out,
  from: [{ source: 'request', path }],
  cite,
  ...(omitted === undefined ? {} : { compare: 'each' as const, omitted }),
});

const dsoAnswer: DerivationRule = {
  role: 'vnb',
  output: { channels: ['eda'], messageCodes: ['ANTWORT_CMQF', 'ABLEHNUNG_CMQF'], part: 'xml' },
  step: 'CM_REQ_OFF_VNB_09',
  sources: { request: answered },
  fields: [
    echo('ProcessDirectory/ConversationId', 'ProcessDirectory/ConversationId', 'OFF-ANSWER-CODES'),
    echo(
      'ResponseData/ConsentId',
      'ProcessDirectory/ConsentId',
      'OFF-ANSWER-CODES',
      'OFF-ANSWER-CODES',
    ),
    echo(
      'ResponseData/MeteringPoint',
      'ProcessDirectory/MeteringPoint',
      'OFF-ANSWER-CODES',
      'OFF-ANSWER-CODES',
    ),
    echo(
      'RoutingHeader/Receiver/MessageAddress',
      'RoutingHeader/Sender/MessageAddress',
      'OFF-RESPONSE-CODES',
    ),
  ],
};

const dsoRevoke: DerivationRule = {
  role: 'vnb',
  output: { channels: ['eda'], messageCodes: ['AUFHEBUNG_CCMC'], part: 'xml' },
  step: 'CM_REQ_OFF_BP_08',
  sources: {
    request: {
      ...answered,
      label: 'the ANFORDERUNG_CMQF that redeemed the ConsentId',
      links: [{ in: 'ProcessDirectory/ConsentId', out: 'ProcessDirectory/ConsentId' }],
    },
  },
  // Its MeteringPoint is the redeemed consent's, which the DSO's own QR template holds: a
  // request for the same ConsentId with another metering point (187) may have come later.
  fields: [
    echo(
      'RoutingHeader/Receiver/MessageAddress',
      'RoutingHeader/Sender/MessageAddress',
      'OFF-LATE-OBJECTION',
    ),
  ],
};

const spRevokeAnswer: DerivationRule = {
  role: 'sp',
  output: { channels: ['eda'], messageCodes: ['ANTWORT_CCMC'], part: 'xml' },
  step: 'CM_REQ_OFF_BP_08',
  sources: {
    request: {
      label: 'the CMRevoke it answers',
      channels: ['eda'],
      messageCodes: ['AUFHEBUNG_CCMC'],
      part: 'xml',
      links: [
        { in: 'ProcessDirectory/ConsentId', out: 'ResponseData/ConsentId' },
        { latest: true },
      ],
    },
  },
  fields: [
    echo(
      'ResponseData/ConsentId',
      'ProcessDirectory/ConsentId',
      'OFF-LATE-OBJECTION',
      'OFF-ANSWER-CODES',
    ),
    echo(
      'ResponseData/MeteringPoint',
      'ProcessDirectory/MeteringPoint',
      'OFF-LATE-OBJECTION',
      'OFF-ANSWER-CODES',
    ),
    echo(
      'RoutingHeader/Receiver/MessageAddress',
      'RoutingHeader/Sender/MessageAddress',
      'OFF-LATE-OBJECTION',
    ),
  ],
};

const dsoQrTemplates: DerivationRule = {
  role: 'vnb',
  output: { channels: ['email', 'post'], messageCodes: [null], part: 'qr' },
  step: 'CM_REQ_OFF_VNB_02',
  sources: { application },
  fields: [
    {
      out: 'ProcessDirectory/MeteringPoint',
      from: [{ source: 'application', path: `${APPLICATION}.meteringPoints` }],
      compare: 'subset',
      cite: 'OFF-QR-PAYLOAD',
    },
    ...(
      [
        ['ReqDatType', 'reqDatType'],
        ['DateFrom', 'dateFrom'],
        ['DateTo', 'dateTo'],
        ['MeteringIntervall', 'meteringIntervall'],
        ['TransmissionCycle', 'transmissionCycle'],
      ] as const
    ).map(([element, key]) =>
      copy(`ProcessDirectory/CMRequest/${element}`, 'application', `${APPLICATION}.request.${key}`),
    ),
  ],
};

const customerApplication: DerivationRule = {
  role: 'customer',
  output: {
    channels: ['phone', 'email'],
    messageCodes: [null],
    part: 'content',
    having: `${APPLICATION}.meteringPoints`,
  },
  step: 'CM_REQ_OFF_BP_01',
  sources: {
    stimulus: {
      label: 'the stimulus apply',
      channels: ['stimulus'],
      stimuli: ['apply'],
      part: 'content',
    },
  },
  fields: [
    {
      out: `${APPLICATION}.meteringPoints`,
      from: [{ source: 'stimulus', path: '$.meteringPoints' }],
      compare: 'set',
      cite: 'CM_REQ_OFF_BP_01',
    },
    {
      out: `${APPLICATION}.request`,
      from: [{ source: 'stimulus', path: '$.request' }],
      subtree: true,
      cite: 'CM_REQ_OFF_BP_01',
    },
  ],
};

const customerHandover: DerivationRule = {
  role: 'customer',
  output: { channels: ['handover'], messageCodes: [null], part: 'content' },
  step: 'CM_REQ_OFF_BP_04',
  sources: { letter: qrLetter },
  fields: [
    {
      out: '$.qrPayload',
      from: [{ source: 'letter', path: '$.qrPayload' }],
      cite: 'CM_REQ_OFF_BP_04',
    },
  ],
};

export const CM_REQ_OFF_DERIVATIONS: readonly DerivationRule[] = [
  customerApplication,
  dsoQrTemplates,
  customerHandover,
  spRequest,
  dsoAnswer,
  dsoRevoke,
  spRevokeAnswer,
];
