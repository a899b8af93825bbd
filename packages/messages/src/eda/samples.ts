import { DateTime } from 'luxon';
import {
  cmRequestId,
  consentId,
  conversationId,
  createFaker,
  EDA_ZONE,
  fakeDso,
  fakeMeteringPoint,
  fakeServiceProvider,
  messageId,
} from '../ids/index.ts';
import { DEFAULT_EDA_VERSION, EDA_VERSIONS } from './namespaces.ts';
import type {
  CMNotificationDocument,
  CMNotificationVersion,
  CMRequestDocument,
  CMRequestVersion,
  CMRevokeDocument,
  CMRevokeVersion,
  EdaDocumentType,
  RoutingHeader,
} from './types.ts';

/** Message codes with a seeded sample, and the document type each travels in. */
const SAMPLE_CODES = {
  ANFORDERUNG_CMQF: 'CMRequest',
  ANTWORT_CMQF: 'CMNotification',
  ABLEHNUNG_CMQF: 'CMNotification',
  AUFHEBUNG_CCMC: 'CMRevoke',
  AUFHEBUNG_CCMS: 'CMRevoke',
  AUFHEBUNG_CCMI: 'CMRevoke',
  ANTWORT_CCMC: 'CMNotification',
} as const satisfies Record<string, EdaDocumentType>;

export type EdaSampleCode = keyof typeof SAMPLE_CODES;

/** The document type a sample message code produces. */
export type EdaSampleDocument<C extends EdaSampleCode> = {
  CMRequest: CMRequestDocument;
  CMNotification: CMNotificationDocument;
  CMRevoke: CMRevokeDocument;
}[(typeof SAMPLE_CODES)[C]];

/** One entry of {@link listEdaSamples}. */
export interface EdaSampleInfo {
  readonly messageCode: EdaSampleCode;
  readonly documentType: EdaDocumentType;
  readonly versions: readonly string[];
  readonly defaultVersion: string;
}

/**
 * Every message code with a sample, its document type and the versions it can be built in.
 *
 * @example
 * listEdaSamples().find((s) => s.messageCode === 'ANTWORT_CCMC')?.documentType; // 'CMNotification'
 */
export function listEdaSamples(): EdaSampleInfo[] {
  return (Object.keys(SAMPLE_CODES) as EdaSampleCode[]).map((messageCode) => {
    const documentType = SAMPLE_CODES[messageCode];
    return {
      messageCode,
      documentType,
      versions: [...EDA_VERSIONS[documentType]],
      defaultVersion: DEFAULT_EDA_VERSION[documentType],
    };
  });
}

/** Response codes of the samples (cm-req-off.md "Messages and codes"). */
const RESPONSE_CODE = { ANTWORT_CMQF: 175, ABLEHNUNG_CMQF: 172, ANTWORT_CCMC: 176 } as const;

// Sample instants are drawn from this window so that no wall clock is involved.
const EARLIEST = Date.UTC(2024, 0, 1);
const LATEST = Date.UTC(2026, 9, 31);
const HOUR = 3_600_000;

/**
 * A seeded, schema-valid document for a message code: parties, metering point, identifiers and
 * timestamps all derive from `seed` (same seed, same bytes after `buildEdaXml`). The story is one
 * CM_REQ_OFF run: the DSO issues a ConsentId for the QR code, the SP sends ANFORDERUNG_CMQF, the
 * DSO answers (ANTWORT_CMQF 175 / ABLEHNUNG_CMQF 172), later the consent is revoked
 * (AUFHEBUNG_CCMC by the customer via the DSO, _CCMS by the SP, _CCMI implicitly by the DSO) and
 * the SP acknowledges the customer's revocation (ANTWORT_CCMC 176).
 *
 * @example
 * const doc = sampleEdaDocument('ANTWORT_CMQF', { seed: 7, version: '01.12' });
 * doc.processDirectory.responseData[0]?.responseCodes; // [175]
 */
export function sampleEdaDocument<C extends EdaSampleCode>(
  messageCode: C,
  options: { readonly seed: number; readonly version?: string },
): EdaSampleDocument<C> {
  const documentType = SAMPLE_CODES[messageCode];
  const version = options.version ?? DEFAULT_EDA_VERSION[documentType];
  if (!(EDA_VERSIONS[documentType] as readonly string[]).includes(version)) {
    throw new Error(
      `consent-sim: sampleEdaDocument: ${messageCode} is a ${documentType}, which has no version ${version}; use one of ${EDA_VERSIONS[documentType].join(', ')}.`,
    );
  }
  const story = drawStory(options.seed);
  const code = messageCode as EdaSampleCode;
  switch (code) {
    case 'ANFORDERUNG_CMQF':
      return cmRequest(story, version as CMRequestVersion) as EdaSampleDocument<C>;
    case 'ANTWORT_CMQF':
    case 'ABLEHNUNG_CMQF':
    case 'ANTWORT_CCMC':
      return cmNotification(story, code, version as CMNotificationVersion) as EdaSampleDocument<C>;
    case 'AUFHEBUNG_CCMC':
    case 'AUFHEBUNG_CCMS':
    case 'AUFHEBUNG_CCMI':
      return cmRevoke(story, code, version as CMRevokeVersion) as EdaSampleDocument<C>;
  }
}

type Story = ReturnType<typeof drawStory>;

/** All random draws happen here, in a fixed order, whatever the message code. */
function drawStory(seed: number) {
  const faker = createFaker(seed);
  const random = () => faker.number.int({ min: 0, max: 9_999_999_999 }) / 1e10;
  const dso = fakeDso(faker).address;
  const sp = fakeServiceProvider(faker).address;
  const meteringPoint = fakeMeteringPoint(faker, dso);
  const issuedAt = faker.number.int({ min: EARLIEST, max: LATEST });
  const requestAt = issuedAt + faker.number.int({ min: HOUR, max: 20 * 24 * HOUR });
  const answerAt = requestAt + faker.number.int({ min: 1_000, max: 10 * 60_000 });
  const revokeAt = answerAt + faker.number.int({ min: 6 * 24 * HOUR, max: 90 * 24 * HOUR });
  const qrMessageId = messageId({ sender: dso, at: issuedAt, random });
  const requestId = cmRequestId(qrMessageId);
  return {
    dso,
    sp,
    meteringPoint,
    requestAt,
    answerAt,
    revokeAt,
    cmRequestId: requestId,
    consentId: consentId({ dsoAddress: dso, issuedAt, cmRequestId: requestId }),
    requestMessageId: messageId({ sender: sp, at: requestAt, random }),
    requestConversationId: conversationId({ sender: sp, at: requestAt }),
    answerMessageId: messageId({ sender: dso, at: answerAt, random }),
    /** A further MessageId, drawn after every fixed draw so the story stays stable. */
    mintMessageId: (sender: string, at: number) => messageId({ sender, at, random }),
    revokeConversationId: (sender: string) => conversationId({ sender, at: revokeAt }),
    dataMonths: faker.number.int({ min: 1, max: 36 }),
    meteringIntervall: faker.helpers.arrayElement(['QH', 'H', 'D'] as const),
    purpose: faker.helpers.arrayElement(['Energieberatung', 'Verbrauchsanalyse', 'Tarifvergleich']),
  };
}

const vienna = (at: number) => DateTime.fromMillis(at, { zone: EDA_ZONE });
const isoDateTime = (at: number) => vienna(at).toISO({ suppressMilliseconds: false }) ?? '';
const isoDate = (at: number, plusDays = 0) => vienna(at).plus({ days: plusDays }).toISODate() ?? '';

function header(sender: string, receiver: string, at: number): RoutingHeader {
  return {
    sender: { addressType: 'ECNumber', messageAddress: sender },
    receiver: { addressType: 'ECNumber', messageAddress: receiver },
    documentCreationDateTime: isoDateTime(at),
  };
}

function cmRequest(story: Story, version: CMRequestVersion): CMRequestDocument {
  const dateFrom = isoDate(story.requestAt, 1);
  const dateTo = vienna(story.requestAt).plus({ days: 1, months: story.dataMonths }).toISODate();
  return {
    documentType: 'CMRequest',
    version,
    documentMode: 'PROD',
    duplicate: false,
    schemaVersion: version,
    routingHeader: header(story.sp, story.dso, story.requestAt),
    sector: '01',
    messageCode: 'ANFORDERUNG_CMQF',
    processDirectory: {
      messageId: story.requestMessageId,
      conversationId: story.requestConversationId,
      processDate: isoDate(story.requestAt),
      meteringPoint: story.meteringPoint,
      cmRequestId: story.cmRequestId,
      consentId: story.consentId,
      cmRequest: {
        reqDatType: 'MeteringData',
        dateFrom,
        dateTo: dateTo ?? dateFrom,
        meteringIntervall: story.meteringIntervall,
        transmissionCycle: 'D',
        energyDirection: 'CONSUMPTION',
        ...(version >= '01.30' ? { purpose: story.purpose } : {}),
      },
    },
  };
}

function cmNotification(
  story: Story,
  messageCode: 'ANTWORT_CMQF' | 'ABLEHNUNG_CMQF' | 'ANTWORT_CCMC',
  version: CMNotificationVersion,
): CMNotificationDocument {
  // ANTWORT_CCMC: the SP acknowledges the DSO's AUFHEBUNG_CCMC, in that conversation.
  const revocation = messageCode === 'ANTWORT_CCMC';
  const sender = revocation ? story.sp : story.dso;
  const receiver = revocation ? story.dso : story.sp;
  const at = revocation ? story.revokeAt + 60_000 : story.answerAt;
  return {
    documentType: 'CMNotification',
    version,
    documentMode: 'PROD',
    duplicate: false,
    schemaVersion: version,
    routingHeader: header(sender, receiver, at),
    sector: '01',
    messageCode,
    processDirectory: {
      messageId: revocation ? story.mintMessageId(sender, at) : story.answerMessageId,
      conversationId: revocation
        ? story.revokeConversationId(story.dso)
        : story.requestConversationId,
      cmRequestId: story.cmRequestId,
      responseData: [
        {
          consentId: story.consentId,
          meteringPoint: story.meteringPoint,
          responseCodes: [RESPONSE_CODE[messageCode]],
        },
      ],
    },
  };
}

function cmRevoke(
  story: Story,
  messageCode: 'AUFHEBUNG_CCMC' | 'AUFHEBUNG_CCMS' | 'AUFHEBUNG_CCMI',
  version: CMRevokeVersion,
): CMRevokeDocument {
  // The SP revokes towards the DSO (CCMS); customer (CCMC) and implicit (CCMI) revocations are
  // announced by the DSO to the SP.
  const bySp = messageCode === 'AUFHEBUNG_CCMS';
  const sender = bySp ? story.sp : story.dso;
  const receiver = bySp ? story.dso : story.sp;
  const reason = bySp
    ? { ...(version >= '01.10' ? { reasonKey: '0' as const } : {}), reason: 'Vertrag beendet' }
    : {};
  return {
    documentType: 'CMRevoke',
    version,
    documentMode: 'PROD',
    duplicate: false,
    schemaVersion: version,
    routingHeader: header(sender, receiver, story.revokeAt),
    sector: '01',
    messageCode,
    processDirectory: {
      messageId: story.mintMessageId(sender, story.revokeAt),
      conversationId: story.revokeConversationId(sender),
      consentId: story.consentId,
      meteringPoint: story.meteringPoint,
      consentEnd: isoDate(story.revokeAt, 1),
      ...reason,
    },
  };
}
