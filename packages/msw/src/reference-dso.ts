/**
 * The reference DSO of CM_REQ_OFF as an in-process party: the DSO role hosted the way
 * `sim serve` hosts it (`role-host.ts`), so its documents, ids, QR code and timers come from the
 * CM_REQ_OFF wiring of @consent-sim/sim, exactly as in `sim scenario`; the service provider and
 * the customer are proxied, played by your client and by the test. No HTTP here:
 * `dso-handlers.ts` puts it behind msw; `dso-delivery.ts` reads what arrives over HTTP.
 */
import type { cmReqOff } from '@consent-sim/core';
import type { CMRequestDocument } from '@consent-sim/messages';
import type { DeliveryResult } from './delivery.ts';
import { deliverToDso } from './dso-delivery.ts';
import { type DsoRun, startDso } from './dso-run.ts';
import type { ClockSource } from './virtual-time.ts';

export interface ReferenceDsoOptions {
  /** The DSO's EDA address (AT + 6 digits); its metering points start with it. */
  readonly address: string;
  /**
   * The SP registered at ebutilities.at (at most one: the run's SP, as in a scenario); any
   * other sender gets 76.
   */
  readonly registeredServiceProviders: readonly string[];
  /** The test's own clock; the DSO catches up with it before each request. */
  readonly clock?: ClockSource;
  /** First virtual instant when no clock is given (default 2026-03-02T09:00:00+01:00). */
  readonly start?: number;
  /** Seed of the run (default 1): the same seed gives the same documents. */
  readonly seed?: number | string;
}

/** What the customer asks the DSO for (BP_01): one ConsentId per metering point. */
export interface IssueConsentInput {
  readonly meteringPoint?: string;
  readonly meteringPoints?: readonly string[];
  readonly request: cmReqOff.ConsentRequestData;
}

/** The QR code the DSO issued (VNB_02/VNB_03), as the customer would hand it over. */
export interface IssuedConsent {
  readonly consentIds: readonly string[];
  /** The QR payload: one compact cp:CMRequest per line (`OFF-QR-PAYLOAD`). */
  readonly payload: string;
  readonly documents: readonly CMRequestDocument[];
  readonly issuedAt: number;
}

/** A letter or e-mail the DSO sent to the customer. */
export interface CustomerMail {
  readonly atMs: number;
  readonly channel: string;
  readonly mail: cmReqOff.Mail;
}

/**
 * @example
 * const dso = createReferenceDso({ address: 'AT001000', registeredServiceProviders: ['EP100200'] });
 * const { payload } = dso.issueConsent({ meteringPoint, request: { reqDatType: 'HistoricalConsumption', dateFrom: '2026-01-01' } });
 * dso.deliver(requestXml).answers[0]?.responseCodes // [99]
 */
export function createReferenceDso(options: ReferenceDsoOptions) {
  const run = startDso(options);
  const { time } = run;
  return {
    address: options.address,
    outbox: run.outbox,
    now: () => time.now(),
    advanceTo: (instant: number) => time.advanceTo(instant),
    /** The current status of a ConsentId as the DSO's registry reports it. */
    consentStatus: (consentId: string) => run.statuses.get(consentId),
    /** Letters and e-mails to the customer: QR code, redemption notice, errors. */
    mails: (): readonly CustomerMail[] => [...run.mails],
    /**
     * BP_01 → VNB_03: an authenticated customer applies; the DSO issues one ConsentId per
     * metering point and the QR payload; the 30-day redemption timers start now.
     */
    issueConsent: (input: IssueConsentInput): IssuedConsent => issueConsent(run, input),
    /** The customer objects (BP_06 / late: CM_REV_CUS), by e-mail to the DSO. */
    object(consentIds: readonly string[]): void {
      time.sync();
      const topic = { kind: 'objection', consentIds };
      run.fromCustomer({ subject: 'Widerspruch', text: '', topic });
    },
    /** An EDA document arrives from a service provider (VNB_05). */
    deliver: (xml: string | Uint8Array): DeliveryResult => deliverToDso(run, xml),
  };
}

export type ReferenceDso = ReturnType<typeof createReferenceDso>;

function issueConsent(run: DsoRun, input: IssueConsentInput): IssuedConsent {
  const { time, where } = run;
  time.sync();
  const meteringPoints = input.meteringPoints ?? (input.meteringPoint ? [input.meteringPoint] : []);
  if (meteringPoints.length === 0) {
    throw new Error(
      `consent-sim: ${where}: issueConsent needs meteringPoint or meteringPoints; pass e.g. { meteringPoint: '${run.address}0000000000000000000001', request }`,
    );
  }
  const issuedAt = time.now();
  const application = {
    meteringPoints,
    request: input.request,
    confirmationChannel: 'email',
    canAuthenticate: true,
  };
  const topic = { kind: 'application', application };
  const letters = run.fromCustomer({ subject: 'Antrag Datenfreigabe', text: '', topic });
  const letter = letters.find((m) => m.mail.topic.kind !== 'consentRequestNotice')?.mail;
  if (letter?.topic.kind === 'useOnlineProcess') {
    const { payloadBytes, capacityBytes } = letter.topic;
    throw new Error(
      `consent-sim: ${where}: ${meteringPoints.length} metering points make a ${payloadBytes}-byte QR payload, over the ${capacityBytes} bytes of level M (OFF-QR-TOO-LARGE); issue one consent per metering point`,
    );
  }
  if (letter?.topic.kind !== 'qrCode' || letter.qrPayload === undefined) {
    throw new Error(
      `consent-sim: ${where}: the DSO sent no QR code after the application (VNB_03) but ${letter?.topic.kind ?? 'nothing'}; this is a bug in the reference`,
    );
  }
  const payload = letter.qrPayload;
  return {
    consentIds: letter.topic.consentIds,
    payload,
    documents: run.qrDocuments(payload),
    issuedAt,
  };
}
