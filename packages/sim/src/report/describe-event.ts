import type { TraceEvent, TraceKind } from '../trace.ts';

/** A trace event boiled down to what a person reads in a timeline or diagram. */
export interface EventSummary {
  /** `sp → vnb` for traffic, the party otherwise (empty when the event has none). */
  who: string;
  /** The headline: step id, message code with response codes, fault, stimulus name. */
  what: string;
  /** Short remaining detail (`key=value …`), empty when there is nothing worth showing. */
  detail: string;
}

/** Longest detail text in a line; the JSON report keeps everything. */
const DETAIL_LIMIT = 72;

// Bookkeeping fields that the headline already shows or that only the JSON report needs.
const NOISE = ['envelope', 'sentAt'];

/**
 * Summarises one event for the text timeline and the Mermaid diagram.
 *
 * @example
 * describeEvent(deliverEvent); // { who: 'vnb → sp', what: 'eda ANTWORT_CMQF [99]', detail: '' }
 */
export function describeEvent(event: TraceEvent): EventSummary {
  const route = `${event.from ?? '?'} → ${event.to ?? '?'}`;
  const party = event.party ?? '';
  const kind: TraceKind = event.kind;
  switch (kind) {
    case 'stimulus':
      // The engine records the machine event itself: `{ type: 'stimulus.handOverQr', … }`.
      return {
        who: party,
        what: (field(event.detail, 'type') ?? event.step ?? 'stimulus').replace(/^stimulus\./u, ''),
        detail: summarizeDetail(event.detail, ['type', 'at']),
      };
    case 'step':
      return { who: party, what: event.step ?? '', detail: summarizeDetail(event.detail, []) };
    case 'send':
    case 'deliver':
      return {
        who: route,
        what: messageHeadline(event),
        detail: summarizeDetail(event.detail, NOISE),
      };
    case 'fault':
      return {
        who: route,
        what: `${field(event.detail, 'fault') ?? 'fault'} ${messageHeadline(event)}`,
        detail: summarizeDetail(event.detail, ['fault', ...NOISE]),
      };
    case 'timer':
      return {
        who: party,
        what: `timer ${field(event.detail, 'event') ?? ''}`.trim(),
        detail: summarizeDetail(event.detail, ['event']),
      };
    case 'state':
      return {
        who: party,
        what: stateHeadline(event.detail),
        detail: summarizeDetail(event.detail, ['type', 'from', 'to', 'value', 'status']),
      };
    case 'data':
      return {
        who: event.from !== null && event.to !== null ? route : party,
        what: `data ${field(event.detail, 'kind') ?? ''}`.trim(),
        detail: summarizeDetail(event.detail, ['type', 'kind']),
      };
    case 'note':
      if (typeof event.detail === 'string') return { who: party, what: event.detail, detail: '' };
      return {
        who: party,
        what: field(event.detail, 'type') ?? 'note',
        detail: summarizeDetail(event.detail, ['type']),
      };
    case 'invariant':
      return {
        who: party,
        what: `invariant ${field(event.detail, 'invariant') ?? ''}`.trim(),
        detail: field(event.detail, 'message') ?? summarizeDetail(event.detail, ['invariant']),
      };
  }
}

/** `eda ANTWORT_CMQF [99]`; channel alone for letters, e-mails and hand-overs without a code. */
export function messageHeadline(event: TraceEvent): string {
  const parts = [
    event.channel ?? '',
    event.messageCode ?? '',
    responseCodesLabel(event.responseCodes),
  ];
  return parts.filter((part) => part !== '').join(' ');
}

/** `[99, 175]`, or empty when there are none. */
export function responseCodesLabel(codes: readonly string[]): string {
  return codes.length === 0 ? '' : `[${codes.join(', ')}]`;
}

/**
 * Machine states (`{ type: 'actor', value }`, value possibly nested), registry changes
 * (`{ type: 'consent', status }`) and plain `{ from, to }` transitions.
 */
function stateHeadline(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  const type = field(detail, 'type');
  const status = field(detail, 'status');
  if (type !== undefined && type !== 'actor' && status !== undefined) return `${type} ${status}`;
  const from = field(detail, 'from');
  const to = field(detail, 'to') ?? valueText(detail);
  if (from !== undefined && to !== undefined) return `${from} → ${to}`;
  return to === undefined ? 'state' : `→ ${to}`;
}

function valueText(detail: unknown): string | undefined {
  if (typeof detail !== 'object' || detail === null || !('value' in detail)) return undefined;
  const { value } = detail as { value: unknown };
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A text-valued field of an object-shaped detail. */
function field(detail: unknown, key: string): string | undefined {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return undefined;
  const value = (detail as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * `key=value` pairs of a detail object in key order (nested values as compact JSON), cut to
 * {@link DETAIL_LIMIT} characters.
 *
 * @example summarizeDetail({ rule: 'drop#0', nth: 1 }, []); // 'rule=drop#0 nth=1'
 */
export function summarizeDetail(detail: unknown, skip: readonly string[]): string {
  if (detail === null || detail === undefined) return '';
  let text: string;
  if (typeof detail === 'object' && !Array.isArray(detail)) {
    text = Object.entries(detail as Record<string, unknown>)
      .filter(([key, value]) => !skip.includes(key) && value !== undefined && value !== null)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
  } else {
    text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  }
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  return oneLine.length > DETAIL_LIMIT ? `${oneLine.slice(0, DETAIL_LIMIT - 1)}…` : oneLine;
}
