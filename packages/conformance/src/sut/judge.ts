/**
 * Judges a run against a SUT: the path's expected messages (code, route, response codes) and
 * their instants in the reference run of the same path; the expected steps (the SUT's own steps
 * only when it reports them); the validity of every XML document the SUT sent.
 */
import { cmReqOff } from '@consent-sim/core';
import type { Scenario, TraceEvent } from '@consent-sim/sim';
import { readXmlCodes } from './documents.ts';
import type { Check, Verdict } from './verdicts.ts';

export interface JudgeInput {
  pathId: string;
  role: string;
  scenario: Scenario;
  covers: readonly string[];
  trace: readonly TraceEvent[];
  reference: readonly TraceEvent[];
  sutDocuments: readonly { channel: string; document: string; step: string | null; at: string }[];
  errors: readonly string[];
  /** Process invariants the run broke (`Invariant` of the wiring): each a FAIL. */
  violations?: readonly { invariant: string; message: string }[];
}

const HOUR = 3_600_000;

/** Interpretation keys among a path's `covers` (step ids and branch labels are left out). */
function keysOf(covers: readonly string[]): string[] {
  return covers.filter((c) => /^(?:OFF|DH)-[A-Z0-9-]+$/.test(c));
}

/**
 * What a delivery is: its message code, or for a letter, e-mail, call or hand-over without one
 * (CM_REQ_OFF) the channel, e.g. `(post)` — a DSO must answer on the customer's channel.
 */
const codeOf = (e: TraceEvent) => e.messageCode ?? `(${e.channel ?? '?'})`;
const messageKey = (e: TraceEvent) => `${e.from ?? ''}|${e.to ?? ''}|${codeOf(e)}`;
const sameRoute = (a: TraceEvent, b: TraceEvent) => messageKey(a) === messageKey(b);
const labelOf = (e: TraceEvent) =>
  `${codeOf(e)} ${e.from ?? '?'}→${e.to ?? '?'}${e.responseCodes.length > 0 ? ` [${e.responseCodes.join(', ')}]` : ''}`;

/** The only ResponseCode the CM_REQ_OFF page names: 175 "Zustimmung erteilt" (OFF-ANSWER-CODES). */
const GRANTED = '175';
/** Codes that confirm rather than refuse (99 received, 175 granted): never on a rejection. */
const POSITIVE = new Set(['99', GRANTED]);

/**
 * Two deliveries of the same message with other codes. A code the documents fix is a FAIL:
 * CM_REQ_OFF 175 on exactly the activation (the page names it), a rejection with a positive
 * code (the page: "mit negativem ResponseCode"); DH-831 a positive ACK where a negative one is
 * due or the reverse (DH-831.DH.ACK_POSITIVE / ACK_NEGATIVE). Any other difference is a code
 * the documents leave open: WARNING (OFF-RESPONSE-CODES, OFF-ANSWER-CODES, DH-ERROR-IDS).
 */
export function codeVerdict(
  process: string,
  want: Pick<TraceEvent, 'messageCode' | 'responseCodes'>,
  got: Pick<TraceEvent, 'messageCode' | 'responseCodes'>,
): { verdict: Verdict; key: string | null; why: string } {
  if (process === 'dh-831') {
    if ((want.responseCodes.length === 0) !== (got.responseCodes.length === 0)) {
      return {
        verdict: 'FAIL',
        key: null,
        why:
          want.responseCodes.length === 0
            ? 'negative where positive is due'
            : 'positive where negative is due',
      };
    }
    return { verdict: 'WARNING', key: 'DH-ERROR-IDS', why: 'other error id' };
  }
  if (want.responseCodes.includes(GRANTED) !== got.responseCodes.includes(GRANTED)) {
    return {
      verdict: 'FAIL',
      key: 'OFF-ANSWER-CODES',
      why: want.responseCodes.includes(GRANTED)
        ? '175 missing'
        : '175 where consent is not granted',
    };
  }
  if (want.messageCode === 'ABLEHNUNG_CMQF' && got.responseCodes.some((c) => POSITIVE.has(c))) {
    return { verdict: 'FAIL', key: 'OFF-RESPONSE-CODES', why: 'positive code on a rejection' };
  }
  const key = want.messageCode === 'ANTWORT_CMQF' ? 'OFF-ANSWER-CODES' : 'OFF-RESPONSE-CODES';
  return { verdict: 'WARNING', key, why: 'other code' };
}

export function judge(input: JudgeInput): Check[] {
  const { pathId, role, scenario, trace, reference } = input;
  const keys = keysOf(input.covers);
  const dayKey = scenario.process === 'cm-req-off' ? 'OFF-DAYS' : 'DH-START-WINDOW';
  const checks: Check[] = [];
  const add = (
    kind: string,
    index: number,
    verdict: Verdict,
    rest: Omit<Check, 'id' | 'path' | 'verdict'>,
  ) => checks.push({ id: `${pathId}:${kind}#${index}`, path: pathId, verdict, ...rest });

  input.errors.forEach((error, i) => {
    add('run', i, 'FAIL', {
      title: 'the run completes under the protocol',
      step: null,
      interpretations: [],
      expected: 'no error',
      actual: error,
      at: null,
    });
  });
  (input.violations ?? []).forEach((violation, i) => {
    add('invariant', i, 'FAIL', {
      title: `invariant ${violation.invariant} holds`,
      step:
        /\b(CM_REQ_O[FN][FL]_[A-Z]+_\d+|DH-8\d\d\.[A-Z_.]+)\b/.exec(violation.message)?.[1] ?? null,
      interpretations: keys,
      expected: 'no violation',
      actual: violation.message,
      at: null,
    });
  });
  input.sutDocuments.forEach((doc, i) => {
    const { messageCode, issues, businessIssues } = readXmlCodes(doc.channel, doc.document);
    // A seller's request that breaks a Datahub business rule (EC.AUTH.*) is still a document:
    // the Datahub refuses it, and the message checks judge whether the path wanted that. Any
    // other party's documents must pass every rule.
    const broken = role === 'seller' ? issues : [...issues, ...businessIssues];
    const noted = role === 'seller' && businessIssues.length > 0;
    add('document', i, broken.length === 0 ? 'PASS' : 'FAIL', {
      title: `the ${role}'s ${messageCode ?? 'document'} is a valid ${doc.channel} document`,
      step: doc.step,
      interpretations: [],
      expected: 'no violation',
      actual:
        broken.length > 0
          ? broken.join('; ')
          : noted
            ? `valid; for the Datahub to judge: ${businessIssues.map((b) => b.split(' at ')[0]).join(', ')}`
            : 'valid',
      at: doc.at,
    });
  });

  // Expected: the reference run of the same path (its expectations come from the model and
  // hold for the reference). Parties act concurrently within one instant, so both sides are
  // compared in a canonical order: by instant, then sender, recipient and code (steps: by id).
  const messages = (t: readonly TraceEvent[]) =>
    t
      .filter((e) => e.kind === 'deliver')
      .sort((x, y) => x.atMs - y.atMs || messageKey(x).localeCompare(messageKey(y)));
  const want = messages(reference);
  const got = messages(trace);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    // Cite what the SUT did: its unexpected message, else the message of its that is missing.
    const bySut = (e: TraceEvent | undefined) =>
      e !== undefined && e.from === role ? e.step : null;
    const step = bySut(g) ?? bySut(w) ?? w?.step ?? g?.step ?? null;
    const title = `message ${i + 1}: ${w ? codeOf(w) : g ? codeOf(g) : ''}`;
    const base = { title, step, interpretations: keys, at: g?.at ?? null };
    const expected = w ? `${labelOf(w)} at ${w.at}` : 'no further message';
    const actual = g ? `${labelOf(g)} at ${g.at}` : 'none';
    if (w === undefined || g === undefined || !sameRoute(w, g)) {
      add('message', i, 'FAIL', { ...base, expected, actual });
    } else if (w.responseCodes.join(',') !== g.responseCodes.join(',')) {
      const { verdict, key, why } = codeVerdict(scenario.process, w, g);
      add('message', i, verdict, {
        ...base,
        title: `${title} (response code: ${why})`,
        interpretations: key === null ? keys : [key],
        expected,
        actual,
      });
    } else if (w.atMs !== g.atMs) {
      // OFF-DAYS / DH-START-WINDOW: 24-hour days or another zone's midnight differ by ≤ 1 h.
      const near = Math.abs(w.atMs - g.atMs) <= HOUR;
      add('message', i, near ? 'WARNING' : 'FAIL', {
        ...base,
        title: `${title} (instant)`,
        interpretations: near ? [dayKey] : keys,
        expected,
        actual,
      });
    } else {
      add('message', i, 'PASS', { ...base, expected, actual });
    }
    if (w === undefined || g === undefined || !sameRoute(w, g)) break;
  }

  const steps = (t: readonly TraceEvent[]) =>
    t
      .filter((e) => e.kind === 'step' && e.step !== null)
      .sort((x, y) => x.atMs - y.atMs || (x.step ?? '').localeCompare(y.step ?? ''));
  const sutReports = trace.some((e) => e.kind === 'step' && e.party === role);
  // OFF-STEP-IDS: a step the SUT reports under a diagram or normalised alias is compared as
  // its canonical (table) id; a match that needed the alias is a WARNING naming both.
  const aliasOf = new Map<TraceEvent, string>();
  const canonicalTrace =
    scenario.process === 'cm-req-off'
      ? trace.map((e) => {
          if (e.kind !== 'step' || e.party !== role || e.step === null) return e;
          const match = cmReqOff.stepById(e.step);
          if (match === undefined || match.matched.as === 'canonical') return e;
          const canonical = { ...e, step: match.step.id };
          aliasOf.set(canonical, e.step);
          return canonical;
        })
      : trace;
  // The SUT's own steps are judged only when it reports them; its messages are judged always.
  const visible = (e: TraceEvent) => sutReports || e.party !== role;
  const wantSteps = steps(reference).filter(visible);
  const gotSteps = steps(canonicalTrace).filter(visible);
  for (let i = 0; i < Math.max(wantSteps.length, gotSteps.length); i++) {
    const w = wantSteps[i];
    const g = gotSteps[i];
    const ok = w !== undefined && g !== undefined && w.step === g.step && w.atMs === g.atMs;
    const alias = g === undefined ? undefined : aliasOf.get(g);
    add('step', i, ok ? (alias === undefined ? 'PASS' : 'WARNING') : 'FAIL', {
      title: `step ${i + 1}: ${w?.step ?? g?.step ?? ''}${ok && alias !== undefined ? ` (reported as its alias ${alias})` : ''}`,
      step: w?.step ?? g?.step ?? null,
      interpretations: ok && alias !== undefined ? ['OFF-STEP-IDS'] : keys,
      expected: w ? `${w.step} at ${w.at}` : 'no further step',
      actual: g ? `${alias ?? g.step} at ${g.at}` : 'none',
      at: g?.at ?? null,
    });
    if (!ok) break;
  }
  for (const [i, step] of (scenario.expect.stepsExclude ?? []).entries()) {
    const hit = steps(trace).find((e) => e.step === step);
    add('exclude', i, hit ? 'FAIL' : 'PASS', {
      title: `${step} does not happen`,
      step,
      interpretations: keys,
      expected: `no ${step}`,
      actual: hit ? `${step} by ${hit.party ?? '?'}` : 'not performed',
      at: hit?.at ?? null,
    });
  }
  return checks;
}
