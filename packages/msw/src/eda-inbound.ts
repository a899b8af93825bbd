/**
 * An EDA document that reached the DSO, as the event its machine takes — the same mapping as the
 * engine's (packages/sim/src/cm-req-off/codec.ts): a valid ANFORDERUNG_CMQF or ANTWORT_CCMC
 * becomes `receive.<CODE>`; a readable document that breaks a rule becomes `receive.invalid`
 * with the ids it still shows, and the DSO answers an invalid request with 76
 * (`OFF-RESPONSE-CODES`). A document whose sender cannot be read cannot be answered.
 */
import type { cmReqOff } from '@consent-sim/core';
import type { EdaXmlValidation } from '@consent-sim/messages';
import { consentRequestView, notificationView } from './eda-wire.ts';

export type InboundEvent =
  | {
      readonly kind: 'event';
      readonly event: cmReqOff.VnbEvent;
      readonly messageCode: string;
      readonly messageId: string;
    }
  | { readonly kind: 'unaddressed' }
  | { readonly kind: 'unsupported'; readonly messageCode: string; readonly message: string };

/** Ids copied into an answer must themselves be valid there (ct:GroupingId, ct:MeteringPoint). */
const GROUPING_ID = /^[0-9A-Za-z]{1,35}$/;
const METERING_POINT = /^[0-9A-Za-z]{1,33}$/;
const ADDRESS = /^.{1,35}$/;

function usable(value: string | undefined, pattern: RegExp): string | undefined {
  return value !== undefined && pattern.test(value) ? value : undefined;
}

/**
 * @example inboundEvent(validateEdaXml(xml), dso.now()) // { kind: 'event', event: { type: 'receive.ANFORDERUNG_CMQF', … } }
 */
export function inboundEvent(validation: EdaXmlValidation, at: number): InboundEvent {
  const doc = validation.document;
  const from = usable(doc?.routingHeader.sender.messageAddress, ADDRESS);
  if (doc === undefined || from === undefined) return { kind: 'unaddressed' };
  const messageId = doc.processDirectory.messageId;
  if (validation.issues.length > 0) {
    const p = doc.processDirectory;
    const ids: Record<string, string | undefined> = {
      messageId: usable(p.messageId, GROUPING_ID),
      conversationId: usable(p.conversationId, GROUPING_ID),
      senderAddress: from,
      ...(doc.documentType === 'CMRequest'
        ? {
            cmRequestId: usable(doc.processDirectory.cmRequestId, GROUPING_ID),
            consentId: usable(doc.processDirectory.consentId, GROUPING_ID),
            meteringPoint: usable(doc.processDirectory.meteringPoint, METERING_POINT),
          }
        : {}),
    };
    const message = Object.fromEntries(
      Object.entries(ids).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    return {
      kind: 'event',
      messageCode: doc.messageCode,
      messageId,
      event: {
        type: 'receive.invalid',
        at,
        from,
        messageCode: doc.messageCode,
        issues: validation.issues.map((i) => `${i.path}: ${i.rule}`),
        message,
      },
    };
  }
  if (doc.documentType === 'CMRequest' && doc.messageCode === 'ANFORDERUNG_CMQF') {
    const event = {
      type: 'receive.ANFORDERUNG_CMQF' as const,
      at,
      from,
      message: consentRequestView(doc),
    };
    return { kind: 'event', event, messageCode: doc.messageCode, messageId };
  }
  if (doc.documentType === 'CMNotification' && doc.messageCode === 'ANTWORT_CCMC') {
    const event = {
      type: 'receive.ANTWORT_CCMC' as const,
      at,
      from,
      message: notificationView(doc),
    };
    return { kind: 'event', event, messageCode: doc.messageCode, messageId };
  }
  return {
    kind: 'unsupported',
    messageCode: doc.messageCode,
    message: `consent-sim: msw/eda-inbound.ts: the reference DSO of CM_REQ_OFF takes ANFORDERUNG_CMQF (CMRequest) and ANTWORT_CCMC (CMNotification), got ${doc.documentType} ${doc.messageCode}; send it to the process that handles it`,
  };
}
