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
import type { DeliverRequest } from '../sut/protocol.ts';
import { runAgainstSut } from '../sut/remote-party.ts';
import { type Check, requireSteps, strict } from '../sut/verdicts.ts';
import { collectPaths } from '../vectors/sources.ts';
import type { OutboxRewrite } from './stamps.ts';
import { reading, rewriting } from './transports.ts';
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

export type MutantVerdict =
  | { status: 'KILLED'; check: Check; paths: number; strict: boolean }
  | { status: 'SURVIVED'; paths: number }
  | { status: 'EQUIVALENT'; reason: string };

export interface MutantResult {
  mutant: Mutant;
  verdict: MutantVerdict;
}

/** The FAILs made for a broken protocol (they kill in either mode, not as a strict WARNING). */
const protocolFailures = new WeakSet<Check>();

/** A FAIL for a run that broke the protocol: a wrong implementation is caught by it. */
function protocolFailure(path: string, error: SutProtocolError): Check {
  const check: Check = {
    id: `${path}:run#0`,
    path,
    verdict: 'FAIL',
    title: 'the run completes under the protocol',
    step: null,
    interpretations: [],
    expected: 'answers under consent-sim.sut/1',
    actual: error.message,
    at: null,
  };
  protocolFailures.add(check);
  return check;
}

/** What a served role's client is built from (the mutant or variant in front of it). */
export interface ServedRole {
  machines?: Parameters<typeof createSutHandler>[0]['machines'];
  options: MutantRunOptions;
  /** An outer transport wrapper (a legitimate variant's, variants.ts). */
  wrap?: (transport: SutTransport, zone: string) => SutTransport;
}

/** The client that reaches `role` served in process behind the wrappers `served` names. */
export function servedClient(plugin: ProcessPlugin, role: string, served: ServedRole): SutClient {
  const { options } = served;
  const inMemory = inMemoryTransport(tableOf(plugin), role, served.machines, {
    reportSteps: options.withoutSteps !== true,
  });
  const read = options.inbound === undefined ? inMemory : reading(inMemory, options.inbound);
  const written =
    options.documents === undefined ? read : rewriting(read, options.documents, plugin.zone);
  return new SutClient(served.wrap === undefined ? written : served.wrap(written, plugin.zone));
}

/**
 * The checks of each path and negative case run against `client`, one batch per path or case,
 * in the order a kill comes early: the negative cases named in `focus`, the focus paths, the
 * other paths (at most `maxPaths`), the other negative cases (at most `maxPaths`). A protocol
 * error is a FAIL of that path's `run#0`.
 */
export async function* judgedRuns(
  plugin: ProcessPlugin,
  role: string,
  client: SutClient,
  focus: readonly string[],
  options: Pick<MutantRunOptions, 'scenarios' | 'maxPaths'> = {},
): AsyncGenerator<Check[]> {
  const covers = new Map(generatePaths(plugin).paths.map((p) => [p.id, p.covers]));
  const { paths: all } = collectPaths(plugin, {
    scenarios: options.scenarios ?? [],
    judging: role,
  });
  const max = options.maxPaths ?? Number.POSITIVE_INFINITY;
  const focused = focus.flatMap((id) => all.filter((p) => p.id === id));
  const rest = all.filter((p) => !focus.includes(p.id)).slice(0, max);
  const processes = tableOf(plugin);
  const negative = casesFor(plugin, role);
  const negativeRun = async ({ suite, testCase }: (typeof negative)[number]) => {
    try {
      return await judgeCase(plugin, suite, testCase, client);
    } catch (error) {
      if (!(error instanceof SutProtocolError)) throw error;
      return [protocolFailure('negative', error)];
    }
  };
  // The negative suite's cases named in `focus` run first: they are what such a mutant breaks.
  for (const n of negative.filter((n) => focus.includes(n.testCase.key))) yield negativeRun(n);
  for (const path of [...focused, ...rest]) {
    try {
      yield await runAgainstSut({
        processes,
        client,
        role,
        path: { id: path.id, scenario: path.scenario, covers: covers.get(path.id) ?? [] },
      });
    } catch (error) {
      if (!(error instanceof SutProtocolError)) throw error;
      yield [protocolFailure(path.id, error)];
    }
  }
  const restNegative = negative.filter((n) => !focus.includes(n.testCase.key)).slice(0, max);
  for (const n of restNegative) yield negativeRun(n);
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
  const client = servedClient(plugin, role, { ...(machines ? { machines } : {}), options });
  let ran = 0;
  for await (const judged of judgedRuns(plugin, role, client, focus, options)) {
    ran += 1;
    const strictChecks = options.strict === true ? strict(judged) : judged;
    const checks = options.requireSteps === true ? requireSteps(strictChecks) : strictChecks;
    const failed = checks.find((c) => c.verdict === 'FAIL');
    if (failed !== undefined) {
      // A protocol error is no WARNING made strict: it kills the mutant in either mode.
      const byStrict = options.strict === true && !protocolFailures.has(failed);
      return { status: 'KILLED', check: failed, paths: ran, strict: byStrict };
    }
  }
  return { status: 'SURVIVED', paths: ran };
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
