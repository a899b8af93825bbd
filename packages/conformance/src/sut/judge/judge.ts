/**
 * Judges a run against a SUT: the path's expected messages (code, route, response codes) and
 * their instants in the reference run of the same path; the expected steps (the SUT's own steps
 * only when it reports them); the validity of every XML document the SUT sent and the instants
 * its documents record (against the test clock, in the process zone). Pairing, findings
 * and rendering are generic; every process rule comes from the process's policy.
 */
import type { Scenario, TraceEvent } from '@consent-sim/sim';
import type { JudgingPolicy } from '../../process/policy.ts';
import type { Check } from '../verdicts.ts';
import { type AddCheck, checkList } from './checks.ts';
import { judgeDerived, type TimedItem } from './derived.ts';
import { judgeDocuments, type SutDocument, type SutMail } from './documents.ts';
import { judgeMessages } from './messages.ts';
import { judgeMoved } from './moved.ts';
import { judgeExcluded, judgeSteps } from './steps.ts';

/** A delivery to the SUT as the harness made it (a `deliver` request), with its instant. */
export interface SutInput extends TimedItem {
  from: string;
  at: string;
}

export interface JudgeInput {
  pathId: string;
  role: string;
  scenario: Scenario;
  policy: JudgingPolicy;
  covers: readonly string[];
  trace: readonly TraceEvent[];
  reference: readonly TraceEvent[];
  sutDocuments: readonly SutDocument[];
  /** The SUT's letters and e-mails, for the instants they carry (a QR payload, a Date header). */
  sutMail?: readonly SutMail[];
  /** What the harness delivered to the SUT, for the fields it must take from there (derived.ts). */
  sutInputs?: readonly SutInput[];
  /** The process zone, from the plug-in (default: the scenario's, which the loader took from it). */
  zone?: string;
  errors: readonly string[];
  /**
   * The reference is another reading's run: the run matches it only with the same instants, no
   * tolerance (a wrong DST correction an hour off that reading is not that reading).
   */
  exact?: boolean;
  /** Process invariants the run broke (`Invariant` of the wiring): each a FAIL. */
  violations?: readonly { invariant: string; message: string }[];
}

/**
 * @example judge({ pathId, role: 'vnb', scenario, policy: cmReqOffPolicy, covers, trace, reference, sutDocuments: [], errors: [] })
 */
export function judge(input: JudgeInput): Check[] {
  const { pathId, role, policy, trace, reference } = input;
  const keys = input.covers.filter((c) => policy.isKey(c));
  const { checks, add } = checkList(pathId);
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
      step: policy.stepIn(violation.message),
      interpretations: keys,
      expected: 'no violation',
      actual: violation.message,
      at: null,
    });
  });
  judgeDocuments(
    {
      role,
      policy,
      zone: input.zone ?? input.scenario.zone,
      documents: input.sutDocuments,
      mail: input.sutMail ?? [],
    },
    add,
  );
  judgeDerivedFields(input, add);
  const exact = input.exact === true;
  judgeMessages({ role, policy, keys, trace, reference, exact }, add);
  judgeSteps({ role, policy, keys, trace, reference, exact }, add);
  judgeExcluded({ scenario: input.scenario, role, policy, keys, trace, reference }, add);
  judgeMoved(trace, add);
  return checks;
}

/** The fields the SUT takes from what it received, by the process's table (derived.ts). */
function judgeDerivedFields(input: JudgeInput, add: AddCheck): void {
  const { policy } = input;
  const rules = policy.derivations;
  if (rules === undefined || rules.length === 0) return;
  const isXml = (text: string | null) => text?.trimStart().startsWith('<') === true;
  const outputs = [
    ...input.sutDocuments.map((d) => ({
      ...d,
      messageCode: policy.readCodes(d.channel, d.document).messageCode,
      atMs: Date.parse(d.at),
    })),
    ...(input.sutMail ?? []).map((m) => ({ ...m, atMs: Date.parse(m.at) })),
  ].sort((x, y) => x.atMs - y.atMs);
  judgeDerived(
    {
      role: input.role,
      rules,
      inputs: input.sutInputs ?? [],
      outputs,
      identity: policy.instants?.identity ?? [],
      damaged: (item) =>
        isXml(item.document) &&
        item.document !== null &&
        policy.readCodes(item.channel, item.document).issues.length > 0,
      isKey: policy.isKey,
    },
    add,
  );
}
