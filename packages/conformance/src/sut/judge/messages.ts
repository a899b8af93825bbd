/**
 * The message checks: the reference run's deliveries paired with the SUT run's by route, then
 * compared for response codes (the process's code verdicts), instant, and what each document
 * answers and carries (facts.ts).
 */
import type { TraceEvent } from '@consent-sim/sim';
import type { JudgingPolicy } from '../../process/policy.ts';
import type { AddCheck } from './checks.ts';
import { facts } from './facts.ts';
import { describeFacts, type Finding, factFindings, instantFinding, worstOf } from './findings.ts';
import { pairByKey } from './pairing.ts';

/**
 * What a delivery is: its message code, or for a letter, e-mail, call or hand-over without one
 * the channel, e.g. `(post)` — a DSO must answer on the customer's channel.
 */
export const codeOf = (e: TraceEvent) => e.messageCode ?? `(${e.channel ?? '?'})`;
const messageKey = (e: TraceEvent) => `${e.from ?? ''}|${e.to ?? ''}|${codeOf(e)}`;
const labelOf = (e: TraceEvent) =>
  `${codeOf(e)} ${e.from ?? '?'}→${e.to ?? '?'}${e.responseCodes.length > 0 ? ` [${e.responseCodes.join(', ')}]` : ''}`;

const deliveries = (t: readonly TraceEvent[]) =>
  t
    .filter((e) => e.kind === 'deliver')
    .sort((x, y) => x.atMs - y.atMs || messageKey(x).localeCompare(messageKey(y)));

export interface MessageInput {
  role: string;
  policy: JudgingPolicy;
  keys: readonly string[];
  trace: readonly TraceEvent[];
  reference: readonly TraceEvent[];
  /** Held against a reading's run: any other instant is a FAIL (findings.ts). */
  exact?: boolean;
}

/**
 * Parties act concurrently within one instant, and a system may answer a little later than the
 * reference, so messages are paired by route rather than by position: a difference in one
 * place does not shift every later one.
 */
export function judgeMessages(input: MessageInput, add: AddCheck): void {
  const { role, policy, keys, trace, reference } = input;
  const wantFacts = facts(reference, policy);
  const gotFacts = facts(trace, policy);
  const damagedInRun = new Set([...gotFacts.values()].filter((f) => f.damaged).map((f) => f.label));
  pairByKey(deliveries(reference), deliveries(trace), messageKey).forEach(({ w, g }, i) => {
    // Cite what the SUT did: its unexpected message, else the message of its that is missing.
    const bySut = (e: TraceEvent | undefined) =>
      e !== undefined && e.from === role ? e.step : null;
    const step = bySut(g) ?? bySut(w) ?? w?.step ?? g?.step ?? null;
    const title = `message ${i + 1}: ${w ? codeOf(w) : g ? codeOf(g) : ''}`;
    const base = { title, step, interpretations: [...keys], at: g?.at ?? null };
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
      const { verdict, key, why } = policy.codeVerdict(w, g);
      findings.push({ verdict, why: `response code: ${why}`, keys: key === null ? keys : [key] });
    }
    if (w.atMs !== g.atMs) findings.push(instantFinding(w.atMs, g.atMs, keys, input.exact));
    findings.push(
      ...factFindings(wantFacts.get(w), gotFacts.get(g), damagedInRun, keys, policy.omittedKey),
    );
    const worst = worstOf(findings);
    add('message', i, worst?.verdict ?? 'PASS', {
      ...base,
      title: worst ? `${title} (${findings.map((f) => f.why).join('; ')})` : title,
      interpretations: [...(worst?.keys ?? keys)],
      expected: `${expected}${describeFacts(wantFacts.get(w))}`,
      actual: `${actual}${describeFacts(gotFacts.get(g))}`,
    });
  });
}
