import type { TraceEvent } from '../trace.ts';
import type { RunResult } from './run-result.ts';

/** Identifies the JSON report's shape for consumers; bump on an incompatible change. */
export const RUN_JSON_FORMAT = 'consent-sim.run/1';

/**
 * The run as JSON with a fixed key order: report fields and trace-event fields in the order
 * documented here, free-form values (`detail`, `expected`, `actual`) with sorted keys. Identical
 * results give byte-identical text, whatever order their objects were built in.
 *
 * @example JSON.parse(renderJson(result)).events[0].at; // '2026-03-02T09:00:00.000+01:00'
 */
export function renderJson(result: RunResult): string {
  const report = {
    format: RUN_JSON_FORMAT,
    scenario: result.scenario,
    process: result.process,
    seed: result.seed,
    passed: result.passed,
    outcome: result.outcome,
    summary: result.summary,
    durationVirtualMs: result.durationVirtualMs,
    failures: result.failures.map((failure) => ({
      field: failure.field,
      message: failure.message,
      expected: sortKeys(failure.expected),
      actual: sortKeys(failure.actual),
    })),
    // Only when there are some, so reports of runs that check everything keep their shape.
    ...(result.unchecked?.length ? { unchecked: [...result.unchecked] } : {}),
    violations: result.violations.map((violation) => ({
      invariant: violation.invariant,
      message: violation.message,
      seq: violation.seq ?? null,
    })),
    events: result.events.map(canonicalEvent),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function canonicalEvent(event: TraceEvent): Record<string, unknown> {
  return {
    seq: event.seq,
    at: event.at,
    atMs: event.atMs,
    kind: event.kind,
    party: event.party,
    from: event.from,
    to: event.to,
    channel: event.channel,
    step: event.step,
    messageCode: event.messageCode,
    responseCodes: [...event.responseCodes],
    document: event.document,
    detail: sortKeys(event.detail),
  };
}

/** A copy of a JSON-like value with object keys in code-unit order, at every depth. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Uint8Array) return Array.from(value);
  if (typeof value !== 'object' || value === null) return value ?? null;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    if (source[key] !== undefined) sorted[key] = sortKeys(source[key]);
  }
  return sorted;
}
