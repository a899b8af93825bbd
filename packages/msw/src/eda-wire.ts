/**
 * The reference DSO's EDA documents: exactly the documents and ids the engine writes
 * (`cmReqOffWire` of @consent-sim/sim) — CMRequest 01.30 for the QR templates
 * (`OFF-QR-PAYLOAD`), CMNotification 01.20 for ANTWORT_CMQF / ABLEHNUNG_CMQF, CMRevoke 01.10 for
 * AUFHEBUNG_CCMC. Inbound documents become the machines' views.
 */
import type { cmReqOff } from '@consent-sim/core';
import type { CMRequestDocument } from '@consent-sim/messages';
import { cmReqOffWire } from '@consent-sim/sim';

export const {
  IdMinter,
  consentRequestView,
  notificationDocument,
  notificationView,
  revokeDocument,
  revokeView,
} = cmReqOffWire;
export type IdMinter = InstanceType<typeof cmReqOffWire.IdMinter>;
export type RequestIds = cmReqOffWire.RequestIds;
export type Routing = cmReqOffWire.Routing;

/** VNB_02: one QR template, sender and receiver both the DSO (`OFF-QR-PAYLOAD`). */
export function qrTemplateDocument(
  document: cmReqOff.QrDocumentRequest,
  ids: RequestIds,
  at: number,
): CMRequestDocument {
  const { consentId, meteringPoint, dsoAddress, ...request } = document;
  return cmReqOffWire.consentRequestDocument(
    { sender: dsoAddress, receiver: dsoAddress, at },
    ids,
    { consentId, meteringPoint, request },
  );
}
