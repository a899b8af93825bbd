/**
 * Judges a run against a SUT: the path's expected messages (code, route, response codes) and
 * their instants in the reference run of the same path; the expected steps (the SUT's own steps
 * only when it reports them); the validity of every XML document the SUT sent.
 */
import { cmReqOff } from '@consent-sim/core';
import type { Scenario, TraceEvent } from '@consent-sim/sim';
import { readXmlCodes } from './documents.ts';
import { ABSENT, type DeliveryFacts, facts } from './facts.ts';
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
  // hold for the reference). Parties act concurrently within one instant, and a system may
  // answer a little later than the reference, so messages are paired by route (steps by party
  // and id) rather than by position: a difference in one place does not shift every later one.
  const messages = (t: readonly TraceEvent[]) =>
    t
      .filter((e) => e.kind === 'deliver')
      .sort((x, y) => x.atMs - y.atMs || messageKey(x).localeCompare(messageKey(y)));
  const wantFacts = facts(reference);
  const gotFacts = facts(trace);
  const damagedInRun = new Set([...gotFacts.values()].filter((f) => f.damaged).map((f) => f.label));
  pairByKey(messages(reference), messages(trace), messageKey).forEach(({ w, g }, i) => {
    // Cite what the SUT did: its unexpected message, else the message of its that is missing.
    const bySut = (e: TraceEvent | undefined) =>
      e !== undefined && e.from === role ? e.step : null;
    const step = bySut(g) ?? bySut(w) ?? w?.step ?? g?.step ?? null;
    const title = `message ${i + 1}: ${w ? codeOf(w) : g ? codeOf(g) : ''}`;
    const base = { title, step, interpretations: keys, at: g?.at ?? null };
    const expected = w ? `${labelOf(w)} at ${w.at}` : 'no such message';
    const actual = g ? `${labelOf(g)} at ${g.at}` : 'none';
    if (w === undefined || g === undefined) {
      add('message', i, 'FAIL', {
        ...base,
        title: `${title} (${w ? 'missing' : 'unexpected'})`,
        expected,
        actual,
      });
      return;
    }
    const findings: Finding[] = [];
    if (w.responseCodes.join(',') !== g.responseCodes.join(',')) {
      const { verdict, key, why } = codeVerdict(scenario.process, w, g);
      findings.push({ verdict, why: `response code: ${why}`, keys: key === null ? keys : [key] });
    }
    if (w.atMs !== g.atMs) findings.push(instantFinding(w.atMs, g.atMs, dayKey, keys));
    findings.push(...factFindings(wantFacts.get(w), gotFacts.get(g), damagedInRun, keys));
    const worst = worstOf(findings);
    add('message', i, worst?.verdict ?? 'PASS', {
      ...base,
      title: worst ? `${title} (${findings.map((f) => f.why).join('; ')})` : title,
      interpretations: [...(worst?.keys ?? keys)],
      expected: `${expected}${describe(wantFacts.get(w))}`,
      actual: `${actual}${describe(gotFacts.get(g))}`,
    });
  });

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
  const stepKey = (e: TraceEvent) => `${e.party ?? ''}|${e.step ?? ''}`;
  const stepPairs = pairByKey(
    steps(reference).filter(visible),
    steps(canonicalTrace).filter(visible),
    stepKey,
  );
  stepPairs.forEach(({ w, g }, i) => {
    const alias = g === undefined ? undefined : aliasOf.get(g);
    const findings: Finding[] = [];
    if (w === undefined || g === undefined) {
      findings.push({ verdict: 'FAIL', why: w ? 'missing' : 'unexpected', keys });
    } else {
      if (w.atMs !== g.atMs) findings.push(instantFinding(w.atMs, g.atMs, dayKey, keys));
      if (alias !== undefined) {
        findings.push({
          verdict: 'WARNING',
          why: `reported as its alias ${alias}`,
          keys: ['OFF-STEP-IDS'],
        });
      }
    }
    const worst = worstOf(findings);
    add('step', i, worst?.verdict ?? 'PASS', {
      title: `step ${i + 1}: ${w?.step ?? g?.step ?? ''}${worst ? ` (${findings.map((f) => f.why).join('; ')})` : ''}`,
      step: w?.step ?? g?.step ?? null,
      interpretations: [...(worst?.keys ?? keys)],
      expected: w ? `${w.step} by ${w.party ?? '?'} at ${w.at}` : 'no such step',
      actual: g ? `${alias ?? g.step} by ${g.party ?? '?'} at ${g.at}` : 'none',
      at: g?.at ?? null,
    });
  });
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

interface Finding {
  verdict: Verdict;
  why: string;
  keys: readonly string[];
}

const RANK: Record<Verdict, number> = { PASS: 0, WARNING: 1, FAIL: 2 };
const worstOf = (findings: readonly Finding[]) =>
  findings.reduce<Finding | undefined>(
    (worst, f) => (worst === undefined || RANK[f.verdict] > RANK[worst.verdict] ? f : worst),
    undefined,
  );

/** `1 s later`, `2 d 1 h earlier`: how far the SUT's instant is from the reference's. */
function offset(wantMs: number, gotMs: number): string {
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

/**
 * Another instant: within one hour a WARNING (OFF-DAYS 24-hour days around DST, DH-START-WINDOW
 * another zone's midnight, a system that answers a moment later), else a FAIL.
 */
function instantFinding(
  wantMs: number,
  gotMs: number,
  dayKey: string,
  keys: readonly string[],
): Finding {
  const near = Math.abs(wantMs - gotMs) <= HOUR;
  return {
    verdict: near ? 'WARNING' : 'FAIL',
    why: `instant: ${offset(wantMs, gotMs)}`,
    keys: near ? [dayKey] : keys,
  };
}

/**
 * What the two documents answer and carry (facts.ts). Answering another document than the
 * reference does, or carrying other content, is a FAIL — unless the document answered arrived
 * damaged in the SUT's run, where what can still be read of it is the system's judgement, or the
 * documents leave it open (`openUnder`): then a WARNING.
 */
function factFindings(
  want: DeliveryFacts | undefined,
  got: DeliveryFacts | undefined,
  damagedInRun: ReadonlySet<string>,
  pathKeys: readonly string[],
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
    const omitted = value === ABSENT && !lenient && open === null;
    findings.push({
      verdict: omitted ? 'WARNING' : verdict,
      why: `${field}: ${value ?? 'none'}`,
      keys: omitted ? ['OFF-ANSWER-CODES'] : keys,
    });
  }
  return findings;
}

/** ` (answers …; field: value)` for expected/actual, or nothing. */
function describe(f: DeliveryFacts | undefined): string {
  if (f === undefined) return '';
  const parts = [
    ...(f.refers === null ? [] : [`answers ${f.refers}`]),
    ...Object.entries({ ...f.content, ...f.repeats }).map(([k, v]) => `${k}: ${v}`),
  ];
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/**
 * Pairs the reference's items with the SUT run's items of the same key: first those at the
 * same instant, then the rest in time order. The pairs follow the reference's order; items
 * only one side has come as `{ w }` (missing) or `{ g }` (unexpected, after the others).
 */
export function pairByKey<T extends { atMs: number }>(
  want: readonly T[],
  got: readonly T[],
  key: (item: T) => string,
): { w?: T; g?: T }[] {
  const open = new Map<string, T[]>();
  for (const g of got) {
    const list = open.get(key(g));
    if (list === undefined) open.set(key(g), [g]);
    else list.push(g);
  }
  const take = (w: T, fits: (g: T) => boolean) => {
    const list = open.get(key(w)) ?? [];
    const at = list.findIndex(fits);
    return at < 0 ? undefined : list.splice(at, 1)[0];
  };
  const matched = want.map((w) => take(w, (g) => g.atMs === w.atMs));
  const pairs = want.map((w, i) => ({ w, g: matched[i] ?? take(w, () => true) }));
  const rest = [...open.values()].flat().sort((x, y) => x.atMs - y.atMs);
  return [
    ...pairs.map(({ w, g }) => (g === undefined ? { w } : { w, g })),
    ...rest.map((g) => ({ g })),
  ];
}
