import type { TraceEvent } from '../trace.ts';
import { describeDifference, firstDifference } from './sequence-diff.ts';
import type { ExpectedMessage, Scenario, ScenarioExpectations, ScenarioFault } from './types.ts';

/** One expectation that the run did not meet. */
export interface ExpectationFailure {
  /** The expectation's field path, e.g. `outcome`, `steps`, `states.vnb`. */
  field: string;
  expected: unknown;
  actual: unknown;
  /** What differs, for people (includes where sequences first differ). */
  message: string;
}

/** What the run ended with, besides the trace. */
export interface ObservedEnd {
  outcome: string | null;
  /** Final state label per party. */
  states: Readonly<Record<string, string>>;
}

/** A delivered wire message as the expectations see it. */
export interface DeliveredMessage {
  code: string;
  from: string | null;
  to: string | null;
  responseCodes: readonly string[];
}

/** `expect` fields that pin one exact run: every step and every delivered message, in order. */
const EXACT_FIELDS = ['steps', 'messages'] as const;

/**
 * Whether faults draw from the seeded generator (a `probability` strictly between 0 and 1): then
 * which messages are hit, and with them the exact steps and messages, depend on the seed.
 */
export function hasSeededFaults(faults: readonly ScenarioFault[]): boolean {
  return faults.some(({ probability: p }) => p !== undefined && p > 0 && p < 1);
}

/**
 * The expectations a run at `seed` is checked against. Exact `steps` and `messages` describe the
 * run at the file's own seed; when the scenario has seeded faults another seed hits other
 * messages, so there they are left out (and named in `unchecked`) and the run is checked against
 * what must hold for every seed: outcome, stepsInclude, stepsExclude, states (and the
 * invariants). Without seeded faults nothing is left out.
 *
 * @example
 * expectationsAtSeed(lossyNetwork, 5).unchecked; // ['steps', 'messages'] (its own seed: [])
 */
export function expectationsAtSeed(
  scenario: Pick<Scenario, 'expect' | 'faults' | 'seed'>,
  seed: number,
): { expect: ScenarioExpectations; unchecked: string[] } {
  if (seed === scenario.seed || !hasSeededFaults(scenario.faults)) {
    return { expect: scenario.expect, unchecked: [] };
  }
  const expect: ScenarioExpectations = { ...scenario.expect };
  const unchecked = EXACT_FIELDS.filter((field) => expect[field] !== undefined);
  for (const field of unchecked) delete expect[field];
  return { expect, unchecked };
}

/**
 * Compares a run with a scenario's `expect` block. Steps are the trace's `step` events; messages
 * are its `deliver` events that carry a message code (what actually arrived, after faults).
 * Returns one failure per unmet expectation; an empty array means every expectation holds.
 *
 * @example
 * checkExpectations({ outcome: 'active', stepsExclude: ['CM_REQ_OFF_VNB_13'] }, trace,
 *   { outcome: 'active', states: {} }); // [] when VNB_13 never ran
 */
export function checkExpectations(
  expect: ScenarioExpectations,
  trace: readonly TraceEvent[],
  observed: ObservedEnd,
): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const steps = trace.filter((event) => event.kind === 'step' && event.step !== null);
  const stepIds = steps.map((event) => event.step ?? '');

  if (observed.outcome !== expect.outcome) {
    failures.push({
      field: 'outcome',
      expected: expect.outcome,
      actual: observed.outcome,
      message: `outcome: expected ${expect.outcome}, got ${observed.outcome ?? '(none: the run did not reach an outcome)'}`,
    });
  }
  if (expect.steps !== undefined) {
    const index = firstDifference(expect.steps, stepIds, (e, a) => e === a);
    if (index !== null) {
      failures.push({
        field: 'steps',
        expected: expect.steps,
        actual: stepIds,
        message: describeDifference('steps', expect.steps, stepIds, index),
      });
    }
  }
  if (expect.stepsInclude !== undefined) {
    const failure = checkSubsequence(expect.stepsInclude, stepIds);
    if (failure !== null) failures.push(failure);
  }
  for (const step of expect.stepsExclude ?? []) {
    const hit = steps.find((event) => event.step === step);
    if (hit !== undefined) {
      failures.push({
        field: 'stepsExclude',
        expected: `no ${step}`,
        actual: { seq: hit.seq, at: hit.at, party: hit.party },
        message: `stepsExclude: ${step} must not happen, but ${hit.party ?? 'a party'} performed it at ${hit.at} (event #${hit.seq})`,
      });
    }
  }
  if (expect.messages !== undefined) {
    const delivered = deliveredMessages(trace);
    const index = firstDifference(expect.messages, delivered, matchesMessage);
    if (index !== null) {
      failures.push({
        field: 'messages',
        expected: expect.messages,
        actual: delivered,
        message: describeDifference(
          'messages',
          expect.messages.map(expectedLabel),
          delivered.map(deliveredLabel),
          index,
        ),
      });
    }
  }
  for (const [party, state] of Object.entries(expect.states ?? {})) {
    const actual = observed.states[party];
    if (actual !== state) {
      failures.push({
        field: `states.${party}`,
        expected: state,
        actual: actual ?? null,
        message: `states.${party}: expected ${state}, got ${actual ?? '(no such party in the run)'}`,
      });
    }
  }
  return failures;
}

/** The trace's delivered wire messages, in delivery order. */
export function deliveredMessages(trace: readonly TraceEvent[]): DeliveredMessage[] {
  return trace
    .filter((event) => event.kind === 'deliver' && event.messageCode !== null)
    .map((event) => ({
      code: event.messageCode ?? '',
      from: event.from,
      to: event.to,
      responseCodes: event.responseCodes,
    }));
}

function checkSubsequence(
  expected: readonly string[],
  actual: readonly string[],
): ExpectationFailure | null {
  let position = 0;
  for (const [index, step] of expected.entries()) {
    const found = actual.indexOf(step, position);
    if (found >= 0) {
      position = found + 1;
      continue;
    }
    const earlier = actual.lastIndexOf(step, position - 1);
    const after =
      index === 0 ? 'in the trace' : `after ${expected[index - 1]} (trace step [${position - 1}])`;
    const why =
      position > 0 && earlier >= 0 ? `; it appears only earlier, at trace step [${earlier}]` : '';
    return {
      field: 'stepsInclude',
      expected,
      actual,
      message: `stepsInclude[${index}]: ${step} not found ${after}${why}\n  actual steps: ${actual.length === 0 ? '(none)' : actual.join(', ')}`,
    };
  }
  return null;
}

function matchesMessage(expected: ExpectedMessage, actual: DeliveredMessage): boolean {
  if (expected.code !== actual.code) return false;
  if (expected.from !== undefined && expected.from !== actual.from) return false;
  if (expected.to !== undefined && expected.to !== actual.to) return false;
  if (expected.responseCodes !== undefined) {
    const want = expected.responseCodes.map(String);
    if (want.length !== actual.responseCodes.length) return false;
    if (want.some((code, i) => code !== actual.responseCodes[i])) return false;
  }
  return true;
}

function expectedLabel(message: ExpectedMessage): string {
  const route =
    message.from !== undefined || message.to !== undefined
      ? ` ${message.from ?? '*'}→${message.to ?? '*'}`
      : '';
  const codes = message.responseCodes !== undefined ? ` [${message.responseCodes.join(', ')}]` : '';
  return `${message.code}${route}${codes}`;
}

function deliveredLabel(message: DeliveredMessage): string {
  const codes = message.responseCodes.length > 0 ? ` [${message.responseCodes.join(', ')}]` : '';
  return `${message.code} ${message.from ?? '?'}→${message.to ?? '?'}${codes}`;
}
