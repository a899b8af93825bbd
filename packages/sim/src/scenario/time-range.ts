/**
 * The instants a scenario may name: its start and every stimulus lie between 1970-01-01 and
 * 2200-01-01 (UTC). Outside that window dates stop being ISO 8601 as the reports write them
 * (year 9999 + a duration is year 12025) and a duration like P100000000D is not even a number.
 */
import type { ProcessTable } from '../process/definition.ts';
import { parseAt, parseInstant, resolveAt } from './at.ts';
import type { IssueTarget } from './json-schema.ts';

/** The earliest instant a scenario may name, epoch ms (1970-01-01T00:00:00Z). */
export const EARLIEST_INSTANT_MS = 0;
/** The first instant a scenario may no longer name, epoch ms (2200-01-01T00:00:00Z). */
export const LATEST_INSTANT_MS = Date.UTC(2200, 0, 1);

const RANGE = 'between 1970-01-01 and 2200-01-01 (the range a scenario may name)';

interface Located {
  path: ReadonlyArray<string | number>;
  target: IssueTarget;
  message: string;
}

const inRange = (ms: number) =>
  Number.isFinite(ms) && ms >= EARLIEST_INSTANT_MS && ms < LATEST_INSTANT_MS;

/** Start and stimuli outside the stated range, each with its field path. */
export function timeRangeIssues(value: unknown, processes: ProcessTable): Located[] {
  if (typeof value !== 'object' || value === null) return [];
  const doc = value as { process?: unknown; start?: unknown; stimuli?: unknown };
  if (typeof doc.start !== 'string') return [];
  const start = parseInstant(doc.start);
  if (start.kind !== 'instant') return [];
  if (!inRange(start.epochMs)) {
    return [{ path: ['start'], target: 'value', message: `"${doc.start}" is not ${RANGE}` }];
  }
  const zone =
    typeof doc.process === 'string' && Object.hasOwn(processes, doc.process)
      ? processes[doc.process]?.zone
      : undefined;
  if (zone === undefined || !Array.isArray(doc.stimuli)) return [];
  const out: Located[] = [];
  doc.stimuli.forEach((stimulus: unknown, index) => {
    const at = (stimulus as { at?: unknown } | null)?.at;
    if (typeof at !== 'string' || parseAt(at).kind === 'invalid') return;
    const ms = resolveAt(at, start.epochMs, zone);
    if (!inRange(ms)) {
      out.push({
        path: ['stimuli', index, 'at'],
        target: 'value',
        message: `"${at}" from start ${doc.start} is not ${RANGE}`,
      });
    }
  });
  return out;
}
