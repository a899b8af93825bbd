/**
 * What one run's trace shows, per coverage category, as sets of item ids. Shared helpers for the
 * process observers (./cm-req-off.ts, ./dh-831.ts).
 */
import type { TraceEvent } from '@consent-sim/sim';
import type { CoverageCategoryName } from './types.ts';

export type Observed = Record<CoverageCategoryName, Set<string>>;

export function emptyObserved(): Observed {
  return {
    steps: new Set(),
    gateways: new Set(),
    messageCodes: new Set(),
    responseCodes: new Set(),
    errorIds: new Set(),
    deadlines: new Set(),
  };
}

/** One catalogue item of a category before any run is looked at. */
export interface UniverseItem {
  id: string;
  aliases?: readonly string[];
}

/** What a process contributes to coverage: its items, how a trace shows them, its known gaps. */
export interface ProcessCoverageModel {
  universe: Partial<Record<CoverageCategoryName, readonly UniverseItem[]>>;
  observe(events: readonly TraceEvent[]): Observed;
  /** `<category>:<id>` → why no run can show the item, citing an interpretation key. */
  gaps: Readonly<Record<string, string>>;
}

/**
 * The first step of `party` after index `from` that is one of `targets`, stopping at the next
 * occurrence of `stopAt` (the same gateway deciding again). Null when none follows.
 */
export function nextStepAmong(
  events: readonly TraceEvent[],
  from: number,
  party: string | null,
  targets: readonly string[],
  stopAt: string,
): { step: string; index: number } | null {
  for (let i = from + 1; i < events.length; i++) {
    const event = events[i] as TraceEvent;
    if (event.kind !== 'step' || event.party !== party || event.step === null) continue;
    if (event.step === stopAt) return null;
    if (targets.includes(event.step)) return { step: event.step, index: i };
  }
  return null;
}

/** The text of the first `<tag>` (any prefix) in an XML document, or null. */
export function xmlText(document: string | null, localName: string): string | null {
  if (document === null) return null;
  const match = new RegExp(`<(?:[\\w-]+:)?${localName}>([^<]*)</(?:[\\w-]+:)?${localName}>`).exec(
    document,
  );
  return match?.[1] ?? null;
}

/** Envelope id of a send/deliver/fault event (`detail.envelope`), or null. */
export function envelopeOf(event: TraceEvent): string | null {
  const detail = event.detail;
  if (detail !== null && typeof detail === 'object' && 'envelope' in detail) {
    const envelope = (detail as { envelope: unknown }).envelope;
    return typeof envelope === 'string' ? envelope : null;
  }
  return null;
}

/** Reads a plain-object field of `detail` (trace details are JSON data). */
export function detailField(event: TraceEvent, field: string): unknown {
  const detail = event.detail;
  if (detail !== null && typeof detail === 'object' && field in detail) {
    return (detail as Record<string, unknown>)[field];
  }
  return undefined;
}
