/**
 * The `conform` source of coverage: the negative suites of every server role run against the
 * reference served in process, each case a run whose trace shows what the served role (the
 * SUT's side) answered. Only this source sends what a correct harness party never writes: an
 * unknown reason, a missing element, a DOCTYPE, another party's DH-851.
 */
import type { TraceEvent } from '@consent-sim/sim';
import { casesFor, runCase } from '../negative/run.ts';
import { type ProcessPlugin, tableOf } from '../process/plugin.ts';
import { SutClient } from '../sut/client.ts';
import { inMemoryTransport } from '../sut/in-memory.ts';
import type { CoverageRun } from './coverage.ts';

/**
 * @example const runs = await conformRuns(PROCESSES['dh-831']); computeCoverage(plugin, runs)
 */
export async function conformRuns(
  plugin: ProcessPlugin,
  onRun?: (run: CoverageRun) => void,
): Promise<CoverageRun[]> {
  const runs: CoverageRun[] = [];
  for (const role of new Set(plugin.negative.map((suite) => suite.role))) {
    const client = new SutClient(inMemoryTransport(tableOf(plugin), role));
    for (const { suite, testCase } of casesFor(plugin, role)) {
      const { observed } = await runCase(plugin, suite, testCase, client);
      const run = {
        process: plugin.name,
        scenario: `negative ${role} ${testCase.key}`,
        events: withSentDocument(
          observed.trace,
          suite.target,
          observed.tampered?.deliveries[0]?.document,
        ),
      };
      onRun?.(run);
      runs.push(run);
    }
  }
  return runs;
}

/**
 * The trace with the case's document in place of the good one the harness party sent (the
 * replaced delivery never left the harness's engine), so coverage reads what the SUT received.
 */
function withSentDocument(
  events: readonly TraceEvent[],
  target: { messageCode: string; from: string },
  document: string | null | undefined,
): TraceEvent[] {
  const index = events.findIndex(
    (e) => e.kind === 'send' && e.party === target.from && e.messageCode === target.messageCode,
  );
  if (index < 0 || document === undefined) return [...events];
  return events.map((e, i) => (i === index ? { ...e, document } : e));
}
