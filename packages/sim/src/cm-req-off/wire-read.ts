/**
 * Reading what arrived on the eda channel: XML (EDA or the simulation-only data documents) or,
 * on the intents wire, the typed object itself; and the ids a damaged document still shows.
 */
import type { EdaDocument } from '@consent-sim/messages';
import { firstElementMatch, validateEdaXml } from '@consent-sim/messages';
import {
  DATA_NAMESPACE,
  type DataDocument,
  readDataXml,
  validateDataDocument,
} from './data-documents.ts';
import type { IssueLike } from './issues.ts';

/** What travels on the eda channel. */
export type Wire = EdaDocument | DataDocument;

export function isData(doc: Wire): doc is DataDocument {
  return 'kind' in doc;
}

/**
 * Reads what arrived; `sent` holds the objects put on the intents wire, so a copy damaged in
 * transit is recognised.
 *
 * @example readWire(xml, sent).issues // [] for a valid document
 */
export function readWire(
  payload: unknown,
  sent: WeakSet<object>,
): { document?: Wire; issues: readonly IssueLike[] } {
  if (typeof payload === 'string' || payload instanceof Uint8Array) {
    const text = typeof payload === 'string' ? payload : '';
    if (text.includes(DATA_NAMESPACE)) return readDataXml(payload);
    const { document, issues } = validateEdaXml(payload);
    return document === undefined ? { issues } : { document, issues };
  }
  if (typeof payload === 'object' && payload !== null && sent.has(payload)) {
    const doc = payload as Wire;
    const issues = isData(doc) ? validateDataDocument(doc) : [];
    return { document: doc, issues };
  }
  return {
    issues: [{ path: '/', rule: 'damaged', message: '/: the message was damaged in transit' }],
  };
}

const ID_ELEMENTS = [
  'MessageCode',
  'MessageId',
  'ConversationId',
  'CMRequestId',
  'ConsentId',
  'MeteringPoint',
] as const;

// Only ids the answer's schema allows (ct:MeteringPoint 1–33, ct:GroupingId 1–35): the
// rejection repeats them, and a longer one would make the rejection itself invalid.
const ID_PATTERNS = ID_ELEMENTS.map((element) => {
  const max = element === 'MeteringPoint' ? 33 : 35;
  const pattern = `<(?:[\\w.-]+:)?${element}>([0-9A-Za-z_]{1,${max}})</(?:[\\w.-]+:)?${element}>`;
  return { element, pattern: new RegExp(pattern, 'y') };
});
const SENDER = /<(?:[\w.-]+:)?Sender\b[^>]*>\s*<(?:[\w.-]+:)?MessageAddress>([0-9A-Z]{8})</y;

/**
 * The ids a damaged or invalid document still shows in complete elements (any prefix), so the
 * DSO's rejection can name them (`OFF-RESPONSE-CODES` row 0).
 */
export function idsIn(payload: unknown): {
  messageCode?: string;
  messageId?: string;
  conversationId?: string;
  cmRequestId?: string;
  consentId?: string;
  meteringPoint?: string;
  senderAddress?: string;
} {
  const text = typeof payload === 'string' ? payload : '';
  const found: Record<string, string> = {};
  for (const { element, pattern } of ID_PATTERNS) {
    const match = firstElementMatch(text, element, pattern);
    if (match?.[1] !== undefined)
      found[element.charAt(0).toLowerCase() + element.slice(1)] = match[1];
  }
  const sender = firstElementMatch(text, 'Sender', SENDER);
  if (sender?.[1] !== undefined) found.senderAddress = sender[1];
  // cMRequestId → cmRequestId
  if (found.cMRequestId !== undefined) {
    found.cmRequestId = found.cMRequestId;
    delete found.cMRequestId;
  }
  return found;
}
