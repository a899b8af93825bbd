/**
 * `sim conform`'s negative cases (docs/sut-protocol.md § Requests a server must refuse): which
 * cases a run takes (`--source`, `--path`, `--scenario`, `--max-paths`) and running them against
 * the target, each a report path of source `negative`.
 */
import {
  type Check,
  casesFor,
  judgeCase,
  type NegativeCase,
  type NegativeSuite,
  negativeBase,
  negativeCaseId,
  type ProcessPlugin,
  type ReportPathInput,
  type SutClient,
  SutProtocolError,
} from '@consent-sim/conformance';
import { CliError, EXIT } from './errors.ts';
import type { progressFor } from './progress.ts';

export type NegativeSelection = { suite: NegativeSuite; testCase: NegativeCase }[];

/**
 * The cases of `role` a run takes: all with `--source all|negative`, those whose id (`neg-…`)
 * or key (`EC.AUTH.015@…`) starts with `--path`, none with `--scenario` alone.
 */
export function selectNegative(
  plugin: ProcessPlugin,
  role: string,
  options: { source: string; path?: string; scenario?: string; maxPaths: number },
): NegativeSelection {
  if (options.source !== 'all' && options.source !== 'negative') return [];
  const cases = casesFor(plugin, role);
  const { path, scenario } = options;
  const chosen =
    path === undefined
      ? scenario === undefined
        ? cases
        : []
      : cases.filter(
          ({ suite, testCase }) =>
            negativeCaseId(plugin.name, suite.role, testCase.key).startsWith(path) ||
            testCase.key.startsWith(path),
        );
  return chosen.slice(0, options.maxPaths);
}

/** Runs the selected cases against `client`; their checks and report paths. */
export async function runNegative(
  plugin: ProcessPlugin,
  selection: NegativeSelection,
  options: {
    client: SutClient;
    expectedFailures: ReadonlySet<string>;
    progress: ReturnType<typeof progressFor>;
  },
): Promise<{ checks: Check[]; paths: ReportPathInput[] }> {
  const checks: Check[] = [];
  const paths: ReportPathInput[] = [];
  for (const { suite, testCase } of selection) {
    const id = negativeCaseId(plugin.name, suite.role, testCase.key);
    const began = performance.now();
    const startedAt = new Date().toISOString();
    let caseChecks: Check[];
    try {
      caseChecks = await judgeCase(plugin, suite, testCase, options.client);
    } catch (error) {
      if (error instanceof SutProtocolError)
        throw new CliError(`negative case ${id} (${testCase.key}): ${error.message}`, EXIT.invalid);
      throw error;
    }
    checks.push(...caseChecks);
    const base = negativeBase(plugin, suite);
    paths.push({
      id,
      title: `${testCase.rule}: ${testCase.title}`,
      source: 'negative',
      seed: base.seed,
      start: new Date(base.startMs).toISOString(),
      seconds: Math.round(performance.now() - began) / 1000,
      startedAt,
    });
    const failing = caseChecks.filter(
      (c) => c.verdict === 'FAIL' && !options.expectedFailures.has(c.id),
    ).length;
    options.progress.step(`negative ${id} ${testCase.rule}`, failing > 0);
  }
  return { checks, paths };
}
