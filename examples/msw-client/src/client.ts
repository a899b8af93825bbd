/**
 * An implementer's service-provider client for CM_REQ_OFF, as small as it gets: it takes the QR
 * payload a customer handed over, sends one ANFORDERUNG_CMQF per document to the DSO over HTTP
 * (SP_04), and reads the DSO's answers from its outbox (SP_05, SP_07). It only knows `fetch`, so
 * a test can point it at the reference DSO of @consent-sim/msw and production at the real one.
 */
import {
  buildEdaXml,
  type CMRequestDocument,
  cmRequestId,
  conversationId,
  messageId,
  parseEdaXml,
  validateEdaXml,
} from '@consent-sim/messages';
import { unpackRequests } from '@consent-sim/qr';

/** Who we are and where time and randomness come from (injected: tests control both). */
export interface ServiceProvider {
  /** Our EDA address, e.g. EP100200. */
  readonly address: string;
  now(): number;
  /** A number in [0, 1) for the MessageId digits. */
  random(): number;
}

export interface Redemption {
  readonly consentId: string;
  readonly meteringPoint: string;
  readonly conversationId: string;
  readonly messageId: string;
  /** The HTTP status of the post (202 accepted, 400 invalid, …). */
  readonly httpStatus: number;
}

/** What an answer means for us (digest "CMNotification ResponseCodes"). */
export type ConsentOutcome =
  | 'received'
  | 'granted'
  | 'objected'
  | 'unknown-consent'
  | 'expired'
  | 'rejected';

export interface ConsentAnswer {
  readonly seq: number;
  readonly conversationId: string;
  readonly consentId: string | undefined;
  readonly messageCode: string;
  readonly responseCodes: readonly number[];
  readonly outcome: ConsentOutcome;
}

const OUTCOMES: Readonly<Record<number, ConsentOutcome>> = {
  99: 'received',
  175: 'granted',
  172: 'objected',
  177: 'unknown-consent',
  180: 'expired',
};

/**
 * SP_03/SP_04: one ANFORDERUNG_CMQF per document of the QR payload, posted to
 * `{baseUrl}/eda/messages`.
 *
 * @example const [redemption] = await redeemConsent(fetch, 'http://dso.test', qrPayload, sp);
 */
export async function redeemConsent(
  http: typeof fetch,
  baseUrl: string,
  qrPayload: string,
  sp: ServiceProvider,
): Promise<Redemption[]> {
  const redemptions: Redemption[] = [];
  for (const line of unpackRequests(qrPayload)) {
    const template = parseEdaXml(line).document;
    if (template.documentType !== 'CMRequest') {
      throw new Error(`msw-client: the QR code holds a ${template.documentType}, not a CMRequest`);
    }
    const request = ourRequest(template, sp);
    const response = await http(`${baseUrl}/eda/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body: buildEdaXml(request),
    });
    const p = request.processDirectory;
    redemptions.push({
      consentId: p.consentId ?? '',
      meteringPoint: p.meteringPoint ?? '',
      conversationId: p.conversationId,
      messageId: p.messageId,
      httpStatus: response.status,
    });
  }
  return redemptions;
}

/** The DSO's template with our routing header and our own ids (CMRequestId from our MessageId). */
function ourRequest(template: CMRequestDocument, sp: ServiceProvider): CMRequestDocument {
  const at = sp.now();
  const id = messageId({ sender: sp.address, at, random: () => sp.random() });
  return {
    ...template,
    routingHeader: {
      ...template.routingHeader,
      sender: { addressType: 'ECNumber', messageAddress: sp.address },
      documentCreationDateTime: new Date(at).toISOString(),
    },
    processDirectory: {
      ...template.processDirectory,
      messageId: id,
      conversationId: conversationId({ sender: sp.address, at }),
      cmRequestId: cmRequestId(id),
    },
  };
}

/**
 * SP_05/SP_07: the answers addressed to us after `since`, each validated and read.
 *
 * @example const answers = await fetchAnswers(fetch, 'http://dso.test', 'EP100200');
 */
export async function fetchAnswers(
  http: typeof fetch,
  baseUrl: string,
  address: string,
  since = 0,
): Promise<ConsentAnswer[]> {
  const response = await http(`${baseUrl}/eda/outbox?to=${address}&since=${since}`);
  const { messages } = (await response.json()) as {
    messages: { seq: number; contentType: string; body: string }[];
  };
  return messages
    .filter((m) => m.contentType === 'application/xml')
    .map((m) => {
      const { document, issues } = validateEdaXml(m.body);
      if (document?.documentType !== 'CMNotification' || issues.length > 0) {
        throw new Error(`msw-client: outbox message ${m.seq} is not a valid CMNotification`);
      }
      const data = document.processDirectory.responseData[0];
      const responseCodes = data?.responseCodes ?? [];
      return {
        seq: m.seq,
        conversationId: document.processDirectory.conversationId,
        consentId: data?.consentId,
        messageCode: document.messageCode,
        responseCodes,
        outcome: OUTCOMES[responseCodes[0] ?? 0] ?? 'rejected',
      };
    });
}
