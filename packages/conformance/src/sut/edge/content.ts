/**
 * What `content` each process's reference parties act on, per channel and per stimulus
 * (docs/sut-protocol.md § content and § stimuli): checked at the edge so a malformed content
 * is a 400 naming the field, never an error inside a machine. A process without an entry here
 * (e.g. a test's own plug-in) gets the generic check only: an object or null.
 */
import { SUT_LIMITS } from '../limits.ts';
import type { Shape } from './shape.ts';

const opt = (shape: Shape): Shape => ({ optional: shape });
const texts: Shape = { array: 'text', max: 1_000 };
const strings: Shape = { array: 'string', max: 1_000 };
/** Metering point ids (1–33 letters or digits), as the CMRequest schema takes them. */
const points: Shape = { array: 'meteringPoint', min: 1, max: 1_000 };

const request: Shape = {
  object: {
    // CMRequest ReqDatType: xsd:string, minLength 1, maxLength 30 (the DSO writes it into its QR template).
    reqDatType: { chars: [1, 30] },
    dateFrom: 'date',
    dateTo: opt('date'),
    meteringIntervall: opt({ enum: ['QH', 'H', 'D', 'V'] }),
    transmissionCycle: opt({ enum: ['D', 'M', 'V'] }),
  },
};
const confirmationChannel = opt({ enum: ['email', 'post'] });

const mail: Shape = {
  object: {
    subject: 'string',
    text: 'string',
    qrPayload: opt({ bytesAtMost: SUT_LIMITS.maxQrPayloadBytes }),
    topic: {
      oneOf: 'kind',
      cases: {
        application: {
          application: {
            object: {
              meteringPoints: points,
              request,
              confirmationChannel: { enum: ['email', 'post'] },
              canAuthenticate: opt('boolean'),
            },
          },
        },
        qrCode: { consentIds: texts },
        consentRequestNotice: {
          consentId: 'text',
          meteringPoint: 'text',
          serviceProvider: 'text',
          objectionDeadline: 'epoch-ms',
        },
        objection: { consentIds: texts },
        notAuthenticated: {},
        useOnlineProcess: { payloadBytes: 'count', capacityBytes: 'count' },
        functionalError: { consentId: 'text' },
      },
    },
  },
};

const byConsent = { consent: 'count', consentId: 'edaId' } as const;
const dh831Process: Shape = {
  object: {
    requestId: 'requestId',
    customerId: 'text',
    periodStart: 'instant',
    periodEnd: opt('instant'),
    reason: 'text',
    description: opt('string'),
    accountingPoints: strings,
    recipient: opt({ object: { name: opt('string'), email: opt('email') } }),
    reminderTime: opt('instant'),
    requestEndDate: opt('date'),
  },
};

/** A rule that needs the served party's state: the JSON path and rule it breaks, or null. */
export type Precondition = (
  content: Record<string, unknown>,
  partyContext: unknown,
) => { path: string; rule: string } | null;

/** The SP acts only on a ConsentId it received (service-provider.ts throws on any other). */
const heldConsent: Precondition = (content, partyContext) => {
  const records = (partyContext as { records?: unknown } | null)?.records;
  if (typeof records !== 'object' || records === null) return null;
  if (Object.hasOwn(records, content.consentId as string)) return null;
  return { path: '$.content.consentId', rule: 'must be a ConsentId this SP received in a QR code' };
};

export interface ContentRules {
  /** Content per channel (a channel not named here: an object or null). */
  readonly channels: Readonly<Record<string, Shape>>;
  /** Content per stimulus name; a stimulus not named here is `422 unsupported`. */
  readonly stimuli: Readonly<Record<string, Shape>>;
  /** Stimulus rules that need the served party's state. */
  readonly preconditions?: Readonly<Record<string, Precondition>>;
}

/** Content rules by process name. */
export const CONTENT_RULES: Readonly<Record<string, ContentRules>> = {
  'cm-req-off': {
    channels: { email: mail, post: mail, phone: mail, handover: mail },
    stimuli: {
      apply: {
        object: {
          meteringPoints: texts,
          request,
          via: opt({ enum: ['phone', 'email'] }),
          confirmationChannel,
        },
      },
      handOver: { object: {} },
      keepQr: { object: {} },
      object: { object: {} },
      sendRequest: {
        object: {
          ...byConsent,
          override: opt({
            object: { consentId: opt('edaId'), meteringPoint: opt('meteringPoint') },
          }),
        },
      },
      resendRequest: { object: byConsent },
      requestData: {
        object: { ...byConsent, dateFrom: 'date', dateTo: 'date', withoutConsent: opt('boolean') },
      },
    },
    preconditions: {
      sendRequest: heldConsent,
      resendRequest: heldConsent,
      requestData: heldConsent,
    },
  },
  'dh-831': {
    channels: {
      email: {
        object: {
          kind: { enum: ['notification', 'reminder'] },
          requestId: 'requestId',
          recipientName: 'string',
          recipientEmail: 'email',
          subject: 'string',
          text: 'string',
        },
      },
      'authorization-service': {
        object: {
          messageCode: { enum: ['AS-DECISION'] },
          requestId: 'requestId',
          decision: { enum: ['approve', 'reject'] },
          removedAccountingPoints: strings,
        },
      },
      datahub: {
        object: {
          messageCode: { enum: ['AUTHORIZATION_END'] },
          requestId: 'requestId',
          reason: { enum: ['wrong-accounting-points', 'other'] },
        },
      },
    },
    stimuli: {
      sendRequest: { object: { process: dh831Process } },
      cancel: { object: { requestId: 'requestId' } },
      endAuthorization: {
        object: { requestId: 'requestId', reason: { enum: ['wrong-accounting-points', 'other'] } },
      },
      fetchData: { object: { requestId: 'requestId', accountingPoint: 'string' } },
      approve: { object: { requestId: 'requestId', removeAccountingPoints: strings } },
      reject: { object: { requestId: 'requestId' } },
    },
  },
};
