/**
 * The CM response codes of the EDA consent-management processes (CM_REQ_OFF, CM_REQ_ONL, the
 * revocations), with labels. One list for every process: a code means the same in each.
 */

export type ResponseCode =
  | 56
  | 57
  | 76
  | 82
  | 86
  | 99
  | 104
  | 172
  | 173
  | 174
  | 175
  | 176
  | 177
  | 178
  | 179
  | 180
  | 181
  | 182
  | 184
  | 187
  | 203;

export interface ResponseCodeEntry {
  code: ResponseCode;
  german: string;
  english: string;
  /** `page`: the German label is printed on the process page; `translation`: the project's. */
  germanSource: 'page' | 'translation';
}

const rc = (
  code: ResponseCode,
  english: string,
  german: string,
  germanSource: 'page' | 'translation' = 'translation',
): ResponseCodeEntry => ({ code, english, german, germanSource });

/** The CM response codes named in the digest, with labels. */
export const CM_RESPONSE_CODES: readonly ResponseCodeEntry[] = [
  rc(56, 'metering point not found', 'Zählpunkt nicht gefunden'),
  rc(57, 'metering point not supplied', 'Zählpunkt nicht versorgt'),
  rc(76, 'invalid request data', 'Ungültige Anforderungsdaten'),
  rc(82, 'wrong process date', 'Prozessdatum falsch'),
  rc(86, 'competing processes', 'Konkurrierende Prozesse'),
  rc(99, 'message received', 'Meldung erhalten'),
  rc(104, 'wrong energy direction', 'Falsche Energierichtung'),
  rc(172, 'customer rejected the release', 'Kunde hat Datenfreigabe abgelehnt'),
  rc(173, 'customer did not react (timeout)', 'Kunde hat nicht reagiert (Timeout)'),
  rc(174, 'requested data not deliverable', 'Angefragte Daten nicht lieferbar'),
  rc(175, 'consent granted', 'Zustimmung erteilt', 'page'),
  rc(176, 'consent revoked successfully', 'Zustimmung erfolgreich aufgehoben'),
  rc(177, 'no data release exists', 'Keine Datenfreigabe vorhanden'),
  rc(178, 'consent already exists', 'Zustimmung existiert bereits'),
  rc(179, 'ConsentRequestId already exists', 'ConsentRequestId existiert bereits'),
  rc(180, 'ConsentId expired', 'ConsentId abgelaufen'),
  rc(181, 'community id missing', 'Gemeinschafts-ID fehlt'),
  rc(182, 'no remotely readable meter yet', 'Noch kein fernauslesbarer Zähler'),
  rc(184, 'customer has opted out', 'Kunde hat widersprochen (Opt-out)'),
  rc(
    187,
    'ConsentId and metering point do not match',
    'ConsentId und Zählpunkt passen nicht zusammen',
  ),
  rc(203, 'consent was withdrawn', 'Zustimmung wurde zurückgezogen'),
];
