/**
 * The step checks: the reference run's steps paired with the SUT run's by party and id. The
 * SUT's own steps are judged only when it reports them (its messages are judged always); when it
 * reports none, each of its reference steps is a NOT_JUDGED check that says so, so a weaker run
 * says it is weaker (issue 12 item 2). A step reported under an alias is compared as its
 * canonical id, with a WARNING naming both.
 */
import type { Scenario, TraceEvent } from '@consent-sim/sim';
import type { JudgingPolicy } from '../../process/policy.ts';
import type { AddCheck } from './checks.ts';
import { type Finding, instantFinding, worstOf } from './findings.ts';
import { pairByKey } from './pairing.ts';

const stepsOf = (t: readonly TraceEvent[]) =>
  t
    .filter((e) => e.kind === 'step' && e.step !== null)
    .sort((x, y) => x.atMs - y.atMs || (x.step ?? '').localeCompare(y.step ?? ''));
const stepKey = (e: TraceEvent) => `${e.party ?? ''}|${e.step ?? ''}`;

/** Why a check only the SUT's own step reports could make is NOT_JUDGED. */
export const NO_STEPS = 'not judged: the SUT reports no steps';

export interface StepInput {
  role: string;
  policy: JudgingPolicy;
  keys: readonly string[];
  trace: readonly TraceEvent[];
  reference: readonly TraceEvent[];
  /** Held against a reading's run: any other instant is a FAIL (findings.ts). */
  exact?: boolean;
}

export function judgeSteps(input: StepInput, add: AddCheck): void {
  const { role, policy, keys, trace, reference } = input;
  const sutReports = trace.some((e) => e.kind === 'step' && e.party === role);
  const aliasOf = new Map<TraceEvent, { as: string; key: string }>();
  const canonicalTrace = trace.map((e) => {
    if (e.kind !== 'step' || e.party !== role || e.step === null) return e;
    const { id, alias } = policy.canonicalStep(e.step);
    if (alias === null) return e;
    const canonical = { ...e, step: id };
    aliasOf.set(canonical, alias);
    return canonical;
  });
  // Paired in full either way, so a step check keeps its id whether the SUT reports or not.
  const pairs = pairByKey(stepsOf(reference), stepsOf(canonicalTrace), stepKey);
  pairs.forEach(({ w, g }, i) => {
    const alias = g === undefined ? undefined : aliasOf.get(g);
    const findings: Finding[] = [];
    if (!sutReports && w?.party === role) {
      findings.push({ verdict: 'NOT_JUDGED', why: NO_STEPS, keys });
    } else if (w === undefined || g === undefined) {
      findings.push({ verdict: 'FAIL', why: w ? 'missing' : 'unexpected', keys });
    } else {
      if (w.atMs !== g.atMs) findings.push(instantFinding(w.atMs, g.atMs, keys, input.exact));
      if (alias !== undefined) {
        findings.push({
          verdict: 'WARNING',
          why: `reported as its alias ${alias.as}`,
          keys: [alias.key],
        });
      }
    }
    const worst = worstOf(findings);
    add('step', i, worst?.verdict ?? 'PASS', {
      title: `step ${i + 1}: ${w?.step ?? g?.step ?? ''}${worst ? ` (${findings.map((f) => f.why).join('; ')})` : ''}`,
      step: w?.step ?? g?.step ?? null,
      interpretations: [...(worst?.keys ?? keys)],
      expected: w ? `${w.step} by ${w.party ?? '?'} at ${w.at}` : 'no such step',
      actual: g ? `${alias?.as ?? g.step} by ${g.party ?? '?'} at ${g.at}` : 'none',
      at: g?.at ?? null,
    });
  });
}

export interface ExcludedInput {
  scenario: Scenario;
  role: string;
  policy: JudgingPolicy;
  keys: readonly string[];
  trace: readonly TraceEvent[];
  reference: readonly TraceEvent[];
}

/**
 * Whether `step` is one the SUT's party would perform: its lane in the process catalogue is
 * the lane of a step the SUT's party performs in the reference run. Unknown (no catalogue, no
 * lane, no step of the SUT in the reference) counts as the SUT's: NOT_JUDGED, never a PASS
 * the run could not see.
 */
function isSutStep(step: string, input: ExcludedInput): boolean {
  const laneOf = input.policy.laneOf;
  if (laneOf === undefined) return true;
  const lane = laneOf(step);
  const own = new Set(
    stepsOf(input.reference)
      .filter((e) => e.party === input.role)
      .map((e) => laneOf(e.step ?? '')),
  );
  const others = new Set(
    stepsOf(input.reference)
      .filter((e) => e.party !== input.role)
      .map((e) => laneOf(e.step ?? '')),
  );
  if (lane === null) return true;
  return own.has(lane) || (own.size === 0 && !others.has(lane));
}

/**
 * `expect.stepsExclude`: steps the path says must not happen, by anybody. When the SUT reports
 * no steps, "not performed" is not seen for a step of its own party: NOT_JUDGED.
 */
export function judgeExcluded(input: ExcludedInput, add: AddCheck): void {
  const { scenario, role, trace, keys } = input;
  const sutReports = trace.some((e) => e.kind === 'step' && e.party === role);
  for (const [i, step] of (scenario.expect.stepsExclude ?? []).entries()) {
    const hit = stepsOf(trace).find((e) => e.step === step);
    const unseen = hit === undefined && !sutReports && isSutStep(step, input);
    add('exclude', i, hit ? 'FAIL' : unseen ? 'NOT_JUDGED' : 'PASS', {
      title: `${step} does not happen${unseen ? ` (${NO_STEPS})` : ''}`,
      step,
      interpretations: [...keys],
      expected: `no ${step}`,
      actual: hit ? `${step} by ${hit.party ?? '?'}` : unseen ? 'not reported' : 'not performed',
      at: hit?.at ?? null,
    });
  }
}
