/**
 * What a check says, read back for the report: its kind (`<path>:<kind>#<n>`), the instant it is
 * about, whether it is about something the system under test did, and its difference in words
 * that do not depend on the path (no ordinal, no instant), so the same mistake made in many
 * paths reads the same everywhere. Reads the fields the judge writes (judge/messages.ts,
 * judge/steps.ts); checks keep their shape, so trace digests are unchanged.
 */
import type { Check } from '../sut/verdicts.ts';
import type { ReportVerdict } from './verdict.ts';

/** A check as a report carries it (any report verdict, including those still to come). */
export type ReportCheck = Omit<Check, 'verdict'> & { verdict: ReportVerdict };

/** `message`, `step`, `document`, `run`, `invariant`, `exclude`, … from the check id. */
export function kindOf(check: Pick<ReportCheck, 'id'>): string {
  const afterPath = check.id.slice(check.id.lastIndexOf(':') + 1);
  return afterPath.slice(0, afterPath.indexOf('#') < 0 ? undefined : afterPath.indexOf('#'));
}

const AT = / at (\d{4}-\d\d-\d\dT[^ ;)]+)/;

/** When it happened, in ms: what was observed, else (a missing message or step) when it was due. */
export function instantOf(check: ReportCheck): number | null {
  const iso = check.at ?? AT.exec(check.expected)?.[1] ?? null;
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** The observed side of a check, or the expected one when nothing was observed. */
const seen = (check: ReportCheck) =>
  check.actual === 'none' || check.actual === '' ? check.expected : check.actual;

/**
 * Whether the check is about what `role` (the system under test) did: its message (`CODE role→…`),
 * its step (`STEP by role`), its documents, the run and the invariants. The harness's own parties
 * only react, so their differences follow from one of these.
 */
export function bySut(check: ReportCheck, role: string): boolean {
  switch (kindOf(check)) {
    case 'message':
      return seen(check).split(' ')[1]?.startsWith(`${role}→`) === true;
    case 'step':
      return seen(check).includes(` by ${role} `) || seen(check).endsWith(` by ${role}`);
    default:
      return true;
  }
}

const UNIT_MS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/** `1 d`, `2 h 30 min`: at most two units, as the judge writes an offset. */
function span(ms: number): string {
  let rest = ms;
  const parts: string[] = [];
  for (const [unit, size] of UNIT_MS) {
    if (rest < size) continue;
    parts.push(`${Math.floor(rest / size)} ${unit}`);
    rest %= size;
  }
  return parts.slice(0, 2).join(' ');
}

/**
 * How far the observed instant is from the expected one, rounded to the second (below a second
 * kept exact): paths probe each deadline 1 ms before, at and after it, so one wrong window is off
 * by a day ± 1 ms, which the judge's title shows as `23 h 59 min`; rounded, the same mistake reads
 * the same in every path. Null when the check does not carry both instants.
 */
function instantShift(check: ReportCheck): string | null {
  const want = Date.parse(AT.exec(check.expected)?.[1] ?? '');
  const got = Date.parse(AT.exec(check.actual)?.[1] ?? '');
  if (Number.isNaN(want) || Number.isNaN(got) || want === got) return null;
  const ms = Math.abs(got - want);
  const rounded = ms >= 1_000 ? Math.round(ms / 1_000) * 1_000 : ms;
  return `instant: ${span(rounded)} ${got > want ? 'later' : 'earlier'}`;
}

/** The label of a message (`ABLEHNUNG_CMQF vnb→sp [172]`) without its instant and facts. */
const labelOf = (text: string) => text.replace(/ at \d{4}-.*$/, '');

/**
 * The difference a check states, the same in every path where the system makes the same mistake,
 * e.g. `ABLEHNUNG_CMQF vnb→sp [172] missing` or `CM_REQ_OFF_VNB_10 (instant: 1 d earlier)`.
 */
export function differenceOf(check: ReportCheck): string {
  const title = check.title.replace(/^(message|step) \d+: /, '');
  let text = title;
  if (kindOf(check) === 'message' && title.endsWith(' (missing)'))
    text = `${labelOf(check.expected)} missing`;
  else if (kindOf(check) === 'message' && title.endsWith(' (unexpected)'))
    text = `${labelOf(check.actual)} unexpected`;
  const shift = instantShift(check);
  return shift === null
    ? text
    : text.replace(/instant: (?:\d+ (?:d|h|min|s|ms) ?)+(?:earlier|later)/, shift);
}

/** Kind, step and difference: FAILs with the same signature are one mistake. */
export function signatureOf(check: ReportCheck): string {
  return `${kindOf(check)}|${check.step ?? ''}|${differenceOf(check)}`;
}
