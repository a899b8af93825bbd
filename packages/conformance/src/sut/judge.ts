/**
 * Judges a run against a SUT: the path's expected messages (code, route, response codes) and
 * their instants in the reference run of the same path; the expected steps (the SUT's own steps
 * only when it reports them); the validity of every XML document the SUT sent.
 */
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
}

const HOUR = 3_600_000;

/** Interpretation keys among a path's `covers` (step ids and branch labels are left out). */
function keysOf(covers: readonly string[]): string[] {
  return covers.filter((c) => /^(?:OFF|DH)-[A-Z0-9-]+$/.test(c));
}

const messageKey = (e: TraceEvent) => `${e.from ?? ''}|${e.to ?? ''}|${e.messageCode ?? ''}`;
const sameRoute = (a: TraceEvent, b: TraceEvent) => messageKey(a) === messageKey(b);
const labelOf = (e: TraceEvent) =>
  `${e.messageCode ?? '?'} ${e.from ?? '?'}→${e.to ?? '?'}${e.responseCodes.length > 0 ? ` [${e.responseCodes.join(', ')}]` : ''}`;

export function judge(input: JudgeInput): Check[] {
  const { pathId, role, scenario, trace, reference } = input;
  const keys = keysOf(input.covers);
  const codeKey = scenario.process === 'cm-req-off' ? 'OFF-RESPONSE-CODES' : 'DH-ERROR-IDS';
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
      .filter((e) => e.kind === 'deliver' && e.messageCode !== null)
      .sort((x, y) => x.atMs - y.atMs || messageKey(x).localeCompare(messageKey(y)));
  const want = messages(reference);
  const got = messages(trace);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    const step = w?.step ?? g?.step ?? null;
    const title = `message ${i + 1}: ${w?.messageCode ?? g?.messageCode ?? ''}`;
    const base = { title, step, interpretations: keys, at: g?.at ?? null };
    const expected = w ? `${labelOf(w)} at ${w.at}` : 'no further message';
    const actual = g ? `${labelOf(g)} at ${g.at}` : 'none';
    if (w === undefined || g === undefined || !sameRoute(w, g)) {
      add('message', i, 'FAIL', { ...base, expected, actual });
    } else if (w.responseCodes.join(',') !== g.responseCodes.join(',')) {
      // OFF-RESPONSE-CODES / DH-ERROR-IDS: the rejection is what matters; its code has other readings.
      add('message', i, 'WARNING', {
        ...base,
        title: `${title} (response code)`,
        interpretations: [codeKey],
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
  // The SUT's own steps are judged only when it reports them; its messages are judged always.
  const visible = (e: TraceEvent) => sutReports || e.party !== role;
  const wantSteps = steps(reference).filter(visible);
  const gotSteps = steps(trace).filter(visible);
  for (let i = 0; i < Math.max(wantSteps.length, gotSteps.length); i++) {
    const w = wantSteps[i];
    const g = gotSteps[i];
    const ok = w !== undefined && g !== undefined && w.step === g.step && w.atMs === g.atMs;
    add('step', i, ok ? 'PASS' : 'FAIL', {
      title: `step ${i + 1}: ${w?.step ?? g?.step ?? ''}`,
      step: w?.step ?? g?.step ?? null,
      interpretations: keys,
      expected: w ? `${w.step} at ${w.at}` : 'no further step',
      actual: g ? `${g.step} at ${g.at}` : 'none',
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
