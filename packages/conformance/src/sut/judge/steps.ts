/**
 * The step checks: the reference run's steps paired with the SUT run's by party and id. The
 * SUT's own steps are judged only when it reports them (its messages are judged always); a
 * step reported under an alias is compared as its canonical id, with a WARNING naming both.
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
  const visible = (e: TraceEvent) => sutReports || e.party !== role;
  const pairs = pairByKey(
    stepsOf(reference).filter(visible),
    stepsOf(canonicalTrace).filter(visible),
    stepKey,
  );
  pairs.forEach(({ w, g }, i) => {
    const alias = g === undefined ? undefined : aliasOf.get(g);
    const findings: Finding[] = [];
    if (w === undefined || g === undefined) {
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

/** `expect.stepsExclude`: steps the path says must not happen, by anybody. */
export function judgeExcluded(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  keys: readonly string[],
  add: AddCheck,
): void {
  for (const [i, step] of (scenario.expect.stepsExclude ?? []).entries()) {
    const hit = stepsOf(trace).find((e) => e.step === step);
    add('exclude', i, hit ? 'FAIL' : 'PASS', {
      title: `${step} does not happen`,
      step,
      interpretations: [...keys],
      expected: `no ${step}`,
      actual: hit ? `${step} by ${hit.party ?? '?'}` : 'not performed',
      at: hit?.at ?? null,
    });
  }
}
