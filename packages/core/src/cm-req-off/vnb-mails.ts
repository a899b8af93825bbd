/**
 * What the DSO writes to the customer in CM_REQ_OFF (channel: the one the customer chose or
 * applied by): the QR code (VNB_03), the advice to use the online process (`OFF-QR-TOO-LARGE`),
 * the failed identity check and back-end error (`OFF-AUTH-AND-BACKEND-ERRORS`), and the notice
 * of a redemption with its objection deadline (VNB_07).
 */
import { isoInZone, VIENNA } from '../time.ts';
import type { Mail } from './messages.ts';

/** VNB_03: the QR code (its payload, when the engine built one) for the ConsentIds. */
export function qrCodeMail(consentIds: readonly string[], qrPayload?: string): Mail {
  return {
    subject: 'Ihre Datenfreigabe (QR-Code)',
    text: 'Geben Sie diesen QR-Code innerhalb von 30 Tagen an Ihren Dienstleister weiter.',
    ...(qrPayload !== undefined ? { qrPayload } : {}),
    topic: { kind: 'qrCode', consentIds },
  };
}

/** OFF-QR-TOO-LARGE: the customer is told to have the SP use CM_REQ_ONL; no EDA message. */
export function onlineProcessMail(sizes: { payloadBytes: number; capacityBytes: number }): Mail {
  return {
    subject: 'Datenfreigabe: zu umfangreich für einen QR-Code',
    text: 'Die Freigabe passt nicht in einen QR-Code. Ihr Dienstleister muss die online Datenfreigabe (CM_REQ_ONL) anfragen.',
    topic: {
      kind: 'useOnlineProcess',
      payloadBytes: sizes.payloadBytes,
      capacityBytes: sizes.capacityBytes,
    },
  };
}

/** OFF-AUTH-AND-BACKEND-ERRORS: no ConsentId, no QR code. */
export function notAuthenticatedMail(): Mail {
  return {
    subject: 'Datenfreigabe: Identität nicht bestätigt',
    text: 'Wir konnten Sie nicht authentifizieren; es wurde keine Datenfreigabe erstellt.',
    topic: { kind: 'notAuthenticated' },
  };
}

/** VNB_07: an SP redeemed the ConsentId; the customer may object until the deadline. */
export function consentRequestNoticeMail(notice: {
  consentId: string;
  meteringPoint: string;
  serviceProvider: string;
  objectionDeadline: number;
}): Mail {
  return {
    subject: 'Datenfreigabe: Anfrage eines Dienstleisters',
    text: `Ein Dienstleister hat die Datenfreigabe ${notice.consentId} eingelöst. Widerspruch bis ${isoInZone(notice.objectionDeadline, VIENNA)}.`,
    topic: {
      kind: 'consentRequestNotice',
      consentId: notice.consentId,
      meteringPoint: notice.meteringPoint,
      serviceProvider: notice.serviceProvider,
      objectionDeadline: notice.objectionDeadline,
    },
  };
}

/** OFF-AUTH-AND-BACKEND-ERRORS: a back-end error after VNB_05 ends the consent. */
export function functionalErrorMail(consentId: string): Mail {
  return {
    subject: 'Datenfreigabe: Fehler',
    text: `Die Datenfreigabe ${consentId} konnte wegen eines Fehlers nicht erteilt werden; die Daten bleiben nicht freigegeben.`,
    topic: { kind: 'functionalError', consentId },
  };
}
