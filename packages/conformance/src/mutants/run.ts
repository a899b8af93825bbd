/**
 * Serves each mutant through the SUT protocol in process (createSutHandler over an in-memory
 * transport, no network) and runs the conformance paths against it until the first FAIL: the
 * mutant is KILLED when some check fails, SURVIVED when every path passes.
 */
import type { Scenario } from '@consent-sim/sim';
import { casesFor, judgeCase } from '../negative/run.ts';
import { generatePaths } from '../paths/generate.ts';
import { type ProcessPlugin, tableOf } from '../process/plugin.ts';
import { SutClient, SutProtocolError, type SutTransport } from '../sut/client.ts';
import type { createSutHandler } from '../sut/handler.ts';
import { inMemoryTransport } from '../sut/in-memory.ts';
import { type DeliverRequest, SUT_ENDPOINTS } from '../sut/protocol.ts';
import { runAgainstSut } from '../sut/remote-party.ts';
import { type Check, requireSteps, strict } from '../sut/verdicts.ts';
import { collectPaths } from '../vectors/sources.ts';
import type { OutboxRewrite } from './stamps.ts';
import type { Mutant } from './types.ts';

export { inMemoryTransport };

export interface MutantRunOptions {
  /** Shipped scenarios (any process); scenario paths come after the model paths. */
  scenarios?: readonly Scenario[];
  /** Run at most this many paths (and negative cases) per mutant after its focus (default all). */
  maxPaths?: number;
  /** A WARNING counts as a FAIL (`sim conform --strict`). */
  strict?: boolean;
  /** A wrong document writer in front of the served role (a mutant's `documents`). */
  documents?: OutboxRewrite;
  /** A wrong document reader in front of the served role (a mutant's `inbound`). */
  inbound?: (request: DeliverRequest) => DeliverRequest;
  /**
   * The served role reports no `steps` (a SUT that leaves the optional field out): what a run
   * judges from messages alone; checks only steps could make are NOT_JUDGED (issue 12 item 2).
   */
  withoutSteps?: boolean;
  /** NOT_JUDGED counts as a FAIL (`sim conform --require-steps`). */
  requireSteps?: boolean;
}

/** A transport whose deliveries pass through `read` before the served role sees them. */
function reading(
  transport: SutTransport,
  read: (request: DeliverRequest) => DeliverRequest,
): SutTransport {
  return (path, body) =>
    transport(path, path === SUT_ENDPOINTS.deliver ? read(body as DeliverRequest) : body);
}

/**
 * A transport whose answers' outbox items pass through `rewrite` (a wrong document writer), which
 * sees what the test delivered so far (one test at a time, as the mutant runner drives them).
 */
function rewriting(transport: SutTransport, rewrite: OutboxRewrite, zone: string): SutTransport {
  const received: DeliverRequest[] = [];
  return async (path, body) => {
    if (path === SUT_ENDPOINTS.reset) received.length = 0;
    if (path === SUT_ENDPOINTS.deliver) received.push(body as DeliverRequest);
    const answer = await transport(path, body);
    const outbox = (answer.body as { outbox?: unknown } | null)?.outbox;
    if (answer.status !== 200 || !Array.isArray(outbox)) return answer;
    const context = { zone, received };
    return {
      ...answer,
      body: { ...(answer.body as object), outbox: outbox.map((item) => rewrite(item, context)) },
    };
  };
}

export type MutantVerdict =
  | { status: 'KILLED'; check: Check; paths: number; strict: boolean }
  | { status: 'SURVIVED'; paths: number }
  | { status: 'EQUIVALENT'; reason: string };

export interface MutantResult {
  mutant: Mutant;
  verdict: MutantVerdict;
}

/**
 * Runs the paths of `plugin` against `role` served with `machines` (the reference when absent),
 * focus paths first; stops at the first FAIL.
 *
 * @example
 * const verdict = await runRoleUntilFail(PROCESSES['cm-req-off'], 'vnb', undefined, [], { maxPaths: 5 });
 * verdict.status; // 'SURVIVED' for the reference
 */
export async function runRoleUntilFail(
  plugin: ProcessPlugin,
  role: string,
  machines: Parameters<typeof createSutHandler>[0]['machines'],
  focus: readonly string[],
  options: MutantRunOptions = {},
): Promise<Exclude<MutantVerdict, { status: 'EQUIVALENT' }>> {
  const covers = new Map(generatePaths(plugin).paths.map((p) => [p.id, p.covers]));
  const { paths: all } = collectPaths(plugin, {
    scenarios: options.scenarios ?? [],
    judging: role,
  });
  const focused = focus.flatMap((id) => all.filter((p) => p.id === id));
  const rest = all
    .filter((p) => !focus.includes(p.id))
    .slice(0, options.maxPaths ?? Number.POSITIVE_INFINITY);
  const processes = tableOf(plugin);
  const inMemory = inMemoryTransport(processes, role, machines, {
    reportSteps: options.withoutSteps !== true,
  });
  const served = options.inbound === undefined ? inMemory : reading(inMemory, options.inbound);
  const client = new SutClient(
    options.documents === undefined ? served : rewriting(served, options.documents, plugin.zone),
  );
  // The negative suite's cases named in `focus` run first: they are what such a mutant breaks.
  const negative = casesFor(plugin, role);
  let ran = 0;
  for (const { suite, testCase } of negative.filter((n) => focus.includes(n.testCase.key))) {
    ran += 1;
    const killed = await judgeUntilFail(() => judgeCase(plugin, suite, testCase, client), options);
    if (killed !== null) return { ...killed, paths: ran };
  }
  for (const path of [...focused, ...rest]) {
    ran += 1;
    let judged: Check[];
    try {
      judged = await runAgainstSut({
        processes,
        client,
        role,
        path: { id: path.id, scenario: path.scenario, covers: covers.get(path.id) ?? [] },
      });
    } catch (error) {
      // A wrong implementation that breaks the protocol (or fails inside) is caught by it.
      if (!(error instanceof SutProtocolError)) throw error;
      const check: Check = {
        id: `${path.id}:run#0`,
        path: path.id,
        verdict: 'FAIL',
        title: 'the run completes under the protocol',
        step: null,
        interpretations: [],
        expected: 'answers under consent-sim.sut/1',
        actual: error.message,
        at: null,
      };
      return { status: 'KILLED', check, paths: ran, strict: false };
    }
    const strictChecks = options.strict === true ? strict(judged) : judged;
    const checks = options.requireSteps === true ? requireSteps(strictChecks) : strictChecks;
    const failed = checks.find((c) => c.verdict === 'FAIL');
    if (failed !== undefined) {
      return { status: 'KILLED', check: failed, paths: ran, strict: options.strict === true };
    }
  }
  const restNegative = negative
    .filter((n) => !focus.includes(n.testCase.key))
    .slice(0, options.maxPaths ?? Number.POSITIVE_INFINITY);
  for (const { suite, testCase } of restNegative) {
    ran += 1;
    const killed = await judgeUntilFail(() => judgeCase(plugin, suite, testCase, client), options);
    if (killed !== null) return { ...killed, paths: ran };
  }
  return { status: 'SURVIVED', paths: ran };
}

/** The first FAIL of a negative case's checks (protocol errors count), or null. */
async function judgeUntilFail(
  judgeIt: () => Promise<Check[]>,
  options: MutantRunOptions,
): Promise<{ status: 'KILLED'; check: Check; strict: boolean } | null> {
  let judged: Check[];
  try {
    judged = await judgeIt();
  } catch (error) {
    if (!(error instanceof SutProtocolError)) throw error;
    const check: Check = {
      id: 'negative:run#0',
      path: 'negative',
      verdict: 'FAIL',
      title: 'the run completes under the protocol',
      step: null,
      interpretations: [],
      expected: 'answers under consent-sim.sut/1',
      actual: error.message,
      at: null,
    };
    return { status: 'KILLED', check, strict: false };
  }
  const strictChecks = options.strict === true ? strict(judged) : judged;
  const checks = options.requireSteps === true ? requireSteps(strictChecks) : strictChecks;
  const failed = checks.find((c) => c.verdict === 'FAIL');
  return failed === undefined
    ? null
    : { status: 'KILLED', check: failed, strict: options.strict === true };
}

/**
 * @example
 * const plugin = PROCESSES['cm-req-off'];
 * const result = await runMutant(plugin, plugin.mutants[0], { scenarios: shipped, maxPaths: 3 });
 * result.verdict.status; // 'KILLED'
 */
export async function runMutant(
  plugin: ProcessPlugin,
  mutant: Mutant,
  options: MutantRunOptions = {},
): Promise<MutantResult> {
  if (mutant.equivalent !== undefined) {
    return { mutant, verdict: { status: 'EQUIVALENT', reason: mutant.equivalent } };
  }
  const verdict = await runRoleUntilFail(
    plugin,
    mutant.role,
    { [mutant.role]: mutant.machine() },
    mutant.focus,
    {
      ...options,
      strict: mutant.strictOnly !== undefined,
      ...(mutant.documents === undefined ? {} : { documents: mutant.documents }),
      ...(mutant.inbound === undefined ? {} : { inbound: mutant.inbound }),
    },
  );
  return { mutant, verdict };
}

export interface MutationScore {
  killed: number;
  survived: number;
  equivalent: number;
  /** killed / (killed + survived); 1 when nothing was run. */
  score: number;
}

/** Equivalent mutants are excluded from the denominator. */
export function mutationScore(results: readonly MutantResult[]): MutationScore {
  let killed = 0;
  let survived = 0;
  let equivalent = 0;
  for (const { verdict } of results) {
    switch (verdict.status) {
      case 'KILLED':
        killed += 1;
        break;
      case 'SURVIVED':
        survived += 1;
        break;
      case 'EQUIVALENT':
        equivalent += 1;
        break;
    }
  }
  const run = killed + survived;
  return { killed, survived, equivalent, score: run === 0 ? 1 : killed / run };
}
