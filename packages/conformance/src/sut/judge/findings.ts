/**
 * What differs between a pair (reference, SUT run), as findings with a verdict and the keys
 * behind it; a check takes the worst of its findings.
 */
import type { Verdict } from '../verdicts.ts';
import { ABSENT, type DeliveryFacts } from './facts.ts';

export interface Finding {
  verdict: Verdict;
  why: string;
  keys: readonly string[];
}

const HOUR = 3_600_000;
const RANK: Record<Verdict, number> = {
  PASS: 0,
  NOT_JUDGED: 1,
  WARNING: 2,
  INCONCLUSIVE: 3,
  FAIL: 4,
};

export const worstOf = (findings: readonly Finding[]) =>
  findings.reduce<Finding | undefined>(
    (worst, f) => (worst === undefined || RANK[f.verdict] > RANK[worst.verdict] ? f : worst),
    undefined,
  );

/** `1 s later`, `2 d 1 h earlier`: how far the SUT's instant is from the reference's. */
export function offset(wantMs: number, gotMs: number): string {
  let rest = Math.abs(gotMs - wantMs);
  const parts: string[] = [];
  for (const [unit, ms] of [
    ['d', 86_400_000],
    ['h', HOUR],
    ['min', 60_000],
    ['s', 1_000],
    ['ms', 1],
  ] as const) {
    if (rest >= ms) {
      parts.push(`${Math.floor(rest / ms)} ${unit}`);
      rest %= ms;
    }
  }
  return `${parts.slice(0, 2).join(' ')} ${gotMs > wantMs ? 'later' : 'earlier'}`;
}

/** How much later than the reference a system may act and draw a WARNING, not a FAIL. */
export const LATER_TOLERANCE_MS = HOUR;

/** The title of a timing WARNING: its own kind, about no open question of the documents. */
export const LATER_THAN_REFERENCE = 'than the reference';

/**
 * Another instant. Up to an hour later than the reference is a WARNING of its own kind, "later
 * than the reference", citing no interpretation key: a system may act a moment after the
 * reference, which is no reading of the documents. Earlier, or more than an hour later, is a
 * FAIL — where a reading explains it (a 24-hour day around DST, another boundary), the run
 * matches that reading's run exactly and is reported as that reading (remote-party.ts).
 * `exact` (a run held against a reading's run): any difference is a FAIL.
 */
export function instantFinding(
  wantMs: number,
  gotMs: number,
  keys: readonly string[],
  exact = false,
): Finding {
  const later = gotMs > wantMs && gotMs - wantMs <= LATER_TOLERANCE_MS;
  if (later && !exact) {
    return {
      verdict: 'WARNING',
      why: `instant: ${offset(wantMs, gotMs)} ${LATER_THAN_REFERENCE}`,
      keys: [],
    };
  }
  return { verdict: 'FAIL', why: `instant: ${offset(wantMs, gotMs)}`, keys };
}

/**
 * What the two documents answer and carry (facts.ts). Answering another document than the
 * reference does, or carrying other content, is a FAIL — unless the document answered arrived
 * damaged in the SUT's run, where what can still be read of it is the system's judgement, or the
 * documents leave it open (`openUnder`): then a WARNING.
 */
export function factFindings(
  want: DeliveryFacts | undefined,
  got: DeliveryFacts | undefined,
  damagedInRun: ReadonlySet<string>,
  pathKeys: readonly string[],
  omittedKey: string | null,
): Finding[] {
  if (want === undefined || got === undefined) return [];
  const lenient = want.refers !== null && damagedInRun.has(want.refers);
  const open = want.openUnder;
  const verdict: Verdict = lenient || open !== null ? 'WARNING' : 'FAIL';
  const keys = open === null ? pathKeys : [open];
  const findings: Finding[] = [];
  if (want.refers !== got.refers) {
    findings.push({
      verdict,
      why: `answers ${got.refers ?? 'nothing'}, not ${want.refers ?? 'nothing'}`,
      keys,
    });
  }
  for (const field of Object.keys(want.content)) {
    if (want.content[field] === got.content[field]) continue;
    findings.push({ verdict, why: `${field}: ${got.content[field] ?? 'none'}`, keys });
  }
  // What it repeats of the answered document compares only when both answer the same one.
  if (want.refers !== got.refers) return findings;
  for (const field of Object.keys(want.repeats)) {
    const value = got.repeats[field];
    if (want.repeats[field] === value) continue;
    // A field the schema lets the answer leave out: the documents do not require it.
    const omitted = value === ABSENT && !lenient && open === null && omittedKey !== null;
    findings.push({
      verdict: omitted ? 'WARNING' : verdict,
      why: `${field}: ${value ?? 'none'}`,
      keys: omitted && omittedKey !== null ? [omittedKey] : keys,
    });
  }
  return findings;
}

/** ` (answers …; field: value)` for expected/actual, or nothing. */
export function describeFacts(f: DeliveryFacts | undefined): string {
  if (f === undefined) return '';
  const parts = [
    ...(f.refers === null ? [] : [`answers ${f.refers}`]),
    ...Object.entries({ ...f.content, ...f.repeats }).map(([k, v]) => `${k}: ${v}`),
  ];
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
