import type { AnyStateMachine } from 'xstate';
import type { SutTransport } from '../sut/client.ts';
import type { DeliverRequest } from '../sut/protocol.ts';
import type { OutboxRewrite } from './stamps.ts';

/**
 * One deliberately wrong role implementation: the reference machine with one guard, delay or
 * action swapped by `provide`, served in place of the reference role — or the reference machine
 * behind a wrong document writer (`documents`).
 */
export interface Mutant {
  /** Stable id, `<process>/<short-name>`. */
  id: string;
  /** The process name (the plug-in's). */
  process: string;
  /** The role the mutant replaces (the served role). */
  role: string;
  /** What is wrong, citing the step id or interpretation key it breaks. */
  wrong: string;
  /** Builds the wrong machine for `role` (lazily, so listing the catalogue stays cheap). */
  machine: () => AnyStateMachine;
  /**
   * A wrong document writer: rewrites every outbox item the served role sends (stamps.ts), as a
   * system that decides right but writes its documents wrong would send them.
   */
  documents?: OutboxRewrite;
  /**
   * A wrong document reader: rewrites each delivery before the served role reads it (a reader
   * that skips a DOCTYPE or ignores SchemaVersion), for the negative suites (../negative/).
   */
  inbound?: (request: DeliverRequest) => DeliverRequest;
  /** Path ids or scenario names that exercise the mutation; run first, so a kill comes early. */
  focus: readonly string[];
  /**
   * Set when no observable behaviour can tell the mutant from the reference: why. Equivalent
   * mutants are listed, not run, and do not count in the score.
   */
  equivalent?: string;
  /**
   * Set when the mutant is wrong only in a point the documents leave open, so the default
   * verdict rules report it as a WARNING (why, with the interpretation key). It is run with
   * `strict` (a WARNING counts as a FAIL, `sim conform --strict`) and must be killed there.
   */
  strictOnly?: string;
  /**
   * Set when the wrongness is by nature invisible in messages (an internal step, e.g. data
   * access the protocol does not carry), why: a run against a SUT that reports no steps cannot
   * kill it and shows NOT_JUDGED checks instead; `--require-steps` must kill it
   * (without-steps.test.ts).
   */
  stepsOnly?: string;
}

/**
 * A legitimate variant (issue 12 build 5): a correct implementation that differs from the
 * reference only where the documents leave the choice to the implementer — its own ids and
 * namespace prefixes, instants in UTC, answering a moment later, no optional `steps`. It is the
 * reference role served behind a transport wrapper; a FAIL against it is a harness defect (a
 * false FAIL), so `sim mutants` fails then.
 */
export interface Variant {
  /** Stable id, `<process>/legit-<role>-<name>`. */
  id: string;
  /** The process name (the plug-in's). */
  process: string;
  /** The role it plays (the served role). */
  role: string;
  /** What differs from the reference and why that is correct, citing the document or key. */
  differs: string;
  /**
   * Wraps the served reference role's transport: an outbox rewrite (own ids, prefixes, UTC),
   * every answer held back (`delaying`, sut/later.ts). Absent: the reference as it is.
   */
  transport?: (served: SutTransport, zone: string) => SutTransport;
  /** The served role leaves out the optional `steps` (§ which steps to report). */
  withoutSteps?: boolean;
  /** Paths where the difference matters most (deadline edges, the documents it rewrites); run first. */
  focus: readonly string[];
}
