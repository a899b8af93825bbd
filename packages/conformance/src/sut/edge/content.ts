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

const request: Shape = {
  object: {
    reqDatType: 'text',
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
              meteringPoints: texts,
              request,
              confirmationChannel,
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

const byConsent = { consent: 'count', consentId: 'text' } as const;
const dh831Process: Shape = {
  object: {
    requestId: 'string',
    customerId: 'string',
    periodStart: 'string',
    periodEnd: opt('string'),
    reason: 'string',
    description: opt('string'),
    accountingPoints: strings,
    recipient: opt({ object: { name: opt('string'), email: opt('string') } }),
    reminderTime: opt('string'),
    requestEndDate: opt('string'),
  },
};

export interface ContentRules {
  /** Content per channel (a channel not named here: an object or null). */
  readonly channels: Readonly<Record<string, Shape>>;
  /** Content per stimulus name; a stimulus not named here is `422 unsupported`. */
  readonly stimuli: Readonly<Record<string, Shape>>;
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
          override: opt({ object: { consentId: opt('text'), meteringPoint: opt('text') } }),
        },
      },
      resendRequest: { object: byConsent },
      requestData: { object: { ...byConsent, dateFrom: 'date', dateTo: 'date' } },
    },
  },
  'dh-831': {
    channels: {
      email: {
        object: {
          kind: { enum: ['notification', 'reminder'] },
          requestId: 'string',
          recipientName: 'string',
          recipientEmail: 'string',
          subject: 'string',
          text: 'string',
        },
      },
      'authorization-service': {
        object: {
          messageCode: { enum: ['AS-DECISION'] },
          requestId: 'string',
          decision: { enum: ['approve', 'reject'] },
          removedAccountingPoints: strings,
        },
      },
      datahub: {
        object: {
          messageCode: { enum: ['AUTHORIZATION_END'] },
          requestId: 'string',
          reason: { enum: ['wrong-accounting-points', 'other'] },
        },
      },
    },
    stimuli: {
      sendRequest: { object: { process: dh831Process } },
      cancel: { object: { requestId: 'string' } },
      endAuthorization: {
        object: { requestId: 'string', reason: { enum: ['wrong-accounting-points', 'other'] } },
      },
      fetchData: { object: { requestId: 'string', accountingPoint: 'string' } },
      approve: { object: { requestId: 'string', removeAccountingPoints: strings } },
      reject: { object: { requestId: 'string' } },
    },
  },
};
