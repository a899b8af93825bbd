/**
 * CM_REQ_OFF as plain data: steps (table order, lanes, German names), gateways with their branches
 * and deadlines. Sources: seeds 000 (diagram text) and 001 (process page 01.00); where the
 * documents disagree the reading is written down in docs/interpretations/cm-req-off.md.
 */
import type { MessageCode } from './codes.ts';

export type Lane = 'VNB' | 'SP' | 'BP';
export type StepKind = 'task' | 'gateway' | 'event' | 'end';

/** Another id the documents use for a step (interpretation key `OFF-STEP-IDS`). */
export interface StepAlias {
  id: string;
  source: 'diagram' | 'normalised';
  note?: string;
}

export interface Step {
  /** Canonical id: the table's id exactly as printed, or the diagram's id for diagram-only steps. */
  id: string;
  aliases: readonly StepAlias[];
  /** The table's "Reihenfolge"; inferred for the diagram-only steps. */
  order: number;
  lane: Lane;
  name: string;
  title: string;
  kind: StepKind;
  messageCode?: MessageCode;
  source: 'table' | 'diagram';
  note?: string;
}

const t = (
  order: number,
  id: string,
  lane: Lane,
  kind: StepKind,
  name: string,
  title: string,
  extra: Partial<Pick<Step, 'aliases' | 'messageCode' | 'note' | 'source'>> = {},
): Step => ({ id, order, lane, kind, name, title, aliases: [], source: 'table', ...extra });

/** Every step of CM_REQ_OFF in order. */
export const CM_REQ_OFF_STEPS: readonly Step[] = [
  t(
    0,
    'CM_REQ_OFF_SP_01',
    'SP',
    'task',
    'Dienstleistung für Endkunden erbringen',
    'Provide a service to the end customer',
  ),
  t(
    10,
    'CM_REQ_OFF_BP_01',
    'BP',
    'task',
    'Datenfreigabe Antrag stellen',
    'Apply to the DSO for a data release (phone, e-mail): metering points, data types, channel for confirmations',
  ),
  t(20, 'CM_REQ_OFF_VNB_01', 'VNB', 'task', 'ConsentID erzeugen', 'Create the ConsentId'),
  t(
    30,
    'CM_REQ_OFF_VNB_02',
    'VNB',
    'task',
    'QR-Code erzeugen',
    'Create the QR code (ISO/IEC 18004) holding cp:CMRequest',
  ),
  t(
    40,
    'CM_REQ_OFF_VNB_03',
    'VNB',
    'task',
    'QR-Code verschicken (E-Mail, Post)',
    'Send the QR code (e-mail, post)',
  ),
  t(
    50,
    'CM_REQ_OFF_VNB_04',
    'VNB',
    'task',
    'Timer für das Warten auf ConsentRequest vom Dienstleister starten',
    "Start the timer waiting for the SP's ConsentRequest",
  ),
  t(60, 'CM_REQ_OFF_BP_02', 'BP', 'task', 'QR-Code empfangen', 'Receive the QR code'),
  t(
    70,
    'CM_REQ_OFF_BP_03',
    'BP',
    'task',
    'Zustimmung zur Datennutzung',
    'Consent to the data use, or not',
  ),
  t(
    80,
    'CM_REQ_OFF_BP_04',
    'BP',
    'task',
    'QR-Code weitergeben',
    'Consent by handing the QR code to the SP',
  ),
  t(
    90,
    'CM_REQ_OFF_SP_02',
    'SP',
    'task',
    'QR-Code empfangen',
    'Receive the QR code from the customer',
  ),
  t(100, 'CM_REQ_OFF_SP_03', 'SP', 'task', 'Datensatz erstellen', 'Create a record'),
  t(
    110,
    'CM_REQ_OFF_SP_04',
    'SP',
    'task',
    'ConsentRequest Nachricht versenden',
    'Send the ConsentRequest',
    { messageCode: 'ANFORDERUNG_CMQF' },
  ),
  t(
    120,
    'CM_REQ_OFF_VNB_05',
    'VNB',
    'task',
    'ConsentRequest Nachricht empfangen',
    'Receive the ConsentRequest',
    { messageCode: 'ANFORDERUNG_CMQF' },
  ),
  t(130, 'CM_REQ_OFF_VNB_06', 'VNB', 'gateway', 'Nachricht valide?', 'Message valid?'),
  t(
    140,
    'CM_REQ_OFF_VNB_07',
    'VNB',
    'task',
    'Hinweis ConsentRequest senden',
    'Notify the customer of the ConsentRequest over the stored channel',
  ),
  t(
    145,
    'CM_REQ_OFF_VNB_20',
    'VNB',
    'task',
    'Timer für das Warten auf ConsentRequest vom Dienstleister stoppen',
    'Stop the redemption timer',
    {
      aliases: [
        {
          id: 'CM_REQ_ONL_VNB_08',
          source: 'diagram',
          note: 'The diagram labels the stop-timer step CM_REQ_ONL_VNB_08, which is also the canonical id of row 150 (create record): a lookup by that id returns row 150 (OFF-STEP-IDS).',
        },
      ],
    },
  ),
  t(150, 'CM_REQ_ONL_VNB_08', 'VNB', 'task', 'Datensatz erstellen', 'Create a record', {
    aliases: [
      {
        id: 'CM_REQ_ONL_VNB_20',
        source: 'diagram',
        note: 'The diagram labels the create-record step CM_REQ_ONL_VNB_20.',
      },
      { id: 'CM_REQ_OFF_VNB_08', source: 'normalised' },
    ],
  }),
  t(
    155,
    'CM_REQ_OFF_VNB_09',
    'VNB',
    'task',
    'Nachricht über Erhalt von ConsentRequest senden',
    'Confirm receipt of the ConsentRequest (ResponseCode 99)',
    { messageCode: 'ANTWORT_CMQF' },
  ),
  t(
    160,
    'CM_REQ_OFF_SP_05',
    'SP',
    'task',
    'Datensatz empfangen',
    'Receive the receipt confirmation',
    { messageCode: 'ANTWORT_CMQF' },
  ),
  t(170, 'CM_REQ_OFF_BP_05', 'BP', 'gateway', 'Kunde widerspricht?', 'Does the customer object?'),
  t(
    180,
    'CM_REQ_OFF_BP_07',
    'BP',
    'task',
    'Kunde widerruft Datenfreigabe (per Telefon oder E-Mail)',
    'Revoke the release (phone or e-mail) within the objection window',
  ),
  t(
    190,
    'CM_REQ_OFF_BP_06',
    'BP',
    'task',
    'Keine weiteren Aktivitäten des Kunden',
    'No further activity: without objection the release becomes active',
  ),
  t(
    200,
    'CM_REQ_OFF_VNB_10',
    'VNB',
    'gateway',
    'Kunde widerruft vor Ablauf des Timers?',
    'Did the customer revoke before the objection timer ran out (5 days)?',
  ),
  t(
    210,
    'CM_REQ_OFF_VNB_11',
    'VNB',
    'task',
    'Timer für den Widerspruch stoppen',
    'Stop the objection timer',
  ),
  t(220, 'CM_REQ_ONL_VNB_12', 'VNB', 'task', 'Datensatz erstellen', 'Create the rejection record', {
    aliases: [{ id: 'CM_REQ_OFF_VNB_12', source: 'normalised' }],
  }),
  t(
    230,
    'CM_REQ_OFF_VNB_13',
    'VNB',
    'task',
    'Datenfreigabe Ablehnung senden',
    'Send the rejection (ResponseCode 172)',
    { messageCode: 'ABLEHNUNG_CMQF' },
  ),
  t(240, 'CM_REQ_OFF_SP_06', 'SP', 'task', 'Datensatz empfangen', 'Receive the rejection', {
    messageCode: 'ABLEHNUNG_CMQF',
    note: 'The diagram labels this message ABLEHNUNG_CMQN, a typo for ABLEHNUNG_CMQF (table row 240; OFF-STEP-IDS).',
  }),
  t(
    250,
    'CM_REQ_OFF_VNB_14',
    'VNB',
    'task',
    'Kein Widerruf durch Kunden',
    'No revocation by the customer',
  ),
  t(260, 'CM_REQ_ONL_VNB_15', 'VNB', 'task', 'Datensatz erstellen', 'Create the consent record', {
    aliases: [{ id: 'CM_REQ_OFF_VNB_15', source: 'normalised' }],
  }),
  t(
    270,
    'CM_REQ_OFF_VNB_16',
    'VNB',
    'task',
    'Datensatz übermitteln',
    'Transmit the record: consent granted (ResponseCode 175)',
    { messageCode: 'ANTWORT_CMQF' },
  ),
  t(280, 'CM_REQ_OFF_SP_07', 'SP', 'task', 'Datensatz empfangen', 'Receive the consent record', {
    messageCode: 'ANTWORT_CMQF',
  }),
  t(290, 'CM_REQ_OFF_SP_08', 'SP', 'end', 'Prozess beendet', 'Process ends (SP)'),
  t(
    295,
    'CM_REQ_OFF_BP_08',
    'BP',
    'event',
    'Startet Prozess Datenfreigabe-Aufhebung durch Endkunden',
    'Start the revocation process CM_REV_CUS (objection after the window)',
    {
      source: 'diagram',
      note: 'Diagram only; order inferred (after the release became active).',
    },
  ),
  t(297, 'CM_REQ_OFF_BP_09', 'BP', 'end', 'Prozess beendet', 'Process ends (customer)', {
    source: 'diagram',
    note: 'Diagram only; order inferred.',
  }),
  t(
    300,
    'CM_REQ_OFF_VNB_17',
    'VNB',
    'event',
    'Timeout',
    'Timeout: ConsentRequest not received from the SP in time',
  ),
  t(310, 'CM_REQ_OFF_VNB_18', 'VNB', 'task', 'ConsentID invalidieren', 'Invalidate the ConsentId'),
  t(320, 'CM_REQ_OFF_VNB_19', 'VNB', 'end', 'Prozess beendet', 'Process ends (DSO)'),
];

/** The canonical step ids, in catalogue order. */
export const CM_REQ_OFF_STEP_IDS = CM_REQ_OFF_STEPS.map((step) => step.id);

/** Any canonical id of CM_REQ_OFF. */
export type CmReqOffStepId =
  | 'CM_REQ_OFF_SP_01'
  | 'CM_REQ_OFF_SP_02'
  | 'CM_REQ_OFF_SP_03'
  | 'CM_REQ_OFF_SP_04'
  | 'CM_REQ_OFF_SP_05'
  | 'CM_REQ_OFF_SP_06'
  | 'CM_REQ_OFF_SP_07'
  | 'CM_REQ_OFF_SP_08'
  | 'CM_REQ_OFF_BP_01'
  | 'CM_REQ_OFF_BP_02'
  | 'CM_REQ_OFF_BP_03'
  | 'CM_REQ_OFF_BP_04'
  | 'CM_REQ_OFF_BP_05'
  | 'CM_REQ_OFF_BP_06'
  | 'CM_REQ_OFF_BP_07'
  | 'CM_REQ_OFF_BP_08'
  | 'CM_REQ_OFF_BP_09'
  | 'CM_REQ_OFF_VNB_01'
  | 'CM_REQ_OFF_VNB_02'
  | 'CM_REQ_OFF_VNB_03'
  | 'CM_REQ_OFF_VNB_04'
  | 'CM_REQ_OFF_VNB_05'
  | 'CM_REQ_OFF_VNB_06'
  | 'CM_REQ_OFF_VNB_07'
  | 'CM_REQ_OFF_VNB_20'
  | 'CM_REQ_ONL_VNB_08'
  | 'CM_REQ_OFF_VNB_09'
  | 'CM_REQ_OFF_VNB_10'
  | 'CM_REQ_OFF_VNB_11'
  | 'CM_REQ_ONL_VNB_12'
  | 'CM_REQ_OFF_VNB_13'
  | 'CM_REQ_OFF_VNB_14'
  | 'CM_REQ_ONL_VNB_15'
  | 'CM_REQ_OFF_VNB_16'
  | 'CM_REQ_OFF_VNB_17'
  | 'CM_REQ_OFF_VNB_18'
  | 'CM_REQ_OFF_VNB_19';

/** How a looked-up id matched: the canonical id itself or one of its aliases. */
export interface StepMatch {
  step: Step;
  matched: { id: string; as: 'canonical' | 'diagram' | 'normalised'; note?: string };
}

const canonical = new Map(CM_REQ_OFF_STEPS.map((step) => [step.id, step]));

/**
 * Finds a step by any id the documents use. A canonical id wins over an alias with the same text
 * (`CM_REQ_ONL_VNB_08` is row 150 "create record", not the diagram's stop-timer label).
 *
 * @example stepById('CM_REQ_ONL_VNB_20')?.step.id // 'CM_REQ_ONL_VNB_08' (diagram alias)
 */
export function stepById(id: string): StepMatch | undefined {
  const step = canonical.get(id);
  if (step) return { step, matched: { id, as: 'canonical' } };
  for (const candidate of CM_REQ_OFF_STEPS) {
    const alias = candidate.aliases.find((a) => a.id === id);
    if (alias) {
      const matched = { id, as: alias.source, ...(alias.note ? { note: alias.note } : {}) };
      return { step: candidate, matched };
    }
  }
  return undefined;
}
