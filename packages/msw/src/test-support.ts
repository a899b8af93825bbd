/**
 * Test helpers: what a service provider does with the QR payload (SP_02–SP_04) — take the DSO's
 * template and send it as its own ANFORDERUNG_CMQF (new MessageId, CMRequestId derived from it).
 */
import { localDate, VIENNA } from '@consent-sim/core';
import {
  buildEdaXml,
  type CMRequestDocument,
  cmRequestId,
  conversationId,
  messageId,
} from '@consent-sim/messages';

export const DSO_ADDRESS = 'AT001000';
export const SP_ADDRESS = 'EP100200';
export const METERING_POINT = 'AT0010000000000000000000000012345';
export const REQUEST = {
  reqDatType: 'HistoricalMeteringData',
  dateFrom: '2026-02-01',
  dateTo: '2026-02-28',
  meteringIntervall: 'QH' as const,
};

/** The SP's ANFORDERUNG_CMQF for a QR template, sent at `at`; `draw` keeps MessageIds apart. */
export function spRequestXml(
  template: CMRequestDocument,
  at: number,
  overrides: { consentId?: string; messageId?: string; sender?: string } = {},
  draw = 0.5,
): string {
  const sender = overrides.sender ?? SP_ADDRESS;
  const id = overrides.messageId ?? messageId({ sender, at, random: () => draw });
  const doc: CMRequestDocument = {
    ...template,
    routingHeader: {
      ...template.routingHeader,
      sender: { addressType: 'ECNumber', messageAddress: sender },
      documentCreationDateTime: new Date(at).toISOString(),
    },
    processDirectory: {
      ...template.processDirectory,
      messageId: id,
      conversationId: conversationId({ sender, at }),
      cmRequestId: cmRequestId(id),
      processDate: localDate(at, VIENNA),
      ...(overrides.consentId === undefined ? {} : { consentId: overrides.consentId }),
    },
  };
  return buildEdaXml(doc);
}

export const DAY = 86_400_000;
