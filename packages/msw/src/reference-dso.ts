/**
 * The reference DSO of CM_REQ_OFF as an in-process party: the DSO role hosted the way
 * `sim serve` hosts it (`role-host.ts`), so its documents, ids, QR code and timers come from the
 * CM_REQ_OFF wiring of @consent-sim/sim, exactly as in `sim scenario`; the service provider and
 * the customer are proxied, played by your client and by the test. No HTTP here:
 * `dso-handlers.ts` puts it behind msw; `dso-delivery.ts` reads what arrives over HTTP.
 */
import type { cmReqOff } from '@consent-sim/core';
import type { DeliveryResult } from './delivery.ts';
import { deliverToDso } from './dso-delivery.ts';
import { type DsoRun, startDso } from './dso-run.ts';
import type {
  CustomerMail,
  IssueConsentInput,
  IssuedConsent,
  ReferenceDsoOptions,
} from './dso-types.ts';

export type { CustomerMail, IssueConsentInput, IssuedConsent, ReferenceDsoOptions };

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
    consentStatus: (consentId: string): cmReqOff.ConsentStatus | undefined =>
      run.statuses.get(consentId),
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
