import type { RunResult } from '@consent-sim/sim';
import type { ProcessPlugin } from '../process/plugin.ts';
import type { Coverage, CoverageCategory } from './types.ts';

/** What coverage reads of a run: an engine run, or the trace of a conform run (conform-runs.ts). */
export type CoverageRun = Pick<RunResult, 'process' | 'scenario' | 'events'>;

/**
 * Counts which catalogue items (steps, gateway branches, message codes, response codes or error
 * ids, deadline sides) the traces of `runs` show. Runs of another process are refused. Pure:
 * the same runs in the same order give the same result.
 *
 * @example
 * const coverage = computeCoverage(PROCESSES['cm-req-off'], [runScenario(happyPath, { processes: PROCESSES })]);
 * coverage.categories.steps?.covered; // steps the happy path performs
 * coverage.categories.gateways?.uncovered[0]; // { id: 'VNB_06.no.schema' }
 */
export function computeCoverage(plugin: ProcessPlugin, runs: readonly CoverageRun[]): Coverage {
  const process = plugin.name;
  const { model, categories: names } = plugin.coverage;
  const hits = new Map<string, string[]>();
  for (const run of runs) {
    if (run.process !== process) {
      throw new Error(
        `consent-sim: coverage of ${process}: run "${run.scenario}" is of process "${run.process}"; pass only runs of ${process}`,
      );
    }
    const observed = model.observe(run.events);
    for (const category of names) {
      for (const id of observed[category]) {
        const key = `${category}:${id}`;
        const by = hits.get(key) ?? [];
        if (!by.includes(run.scenario)) by.push(run.scenario);
        hits.set(key, by);
      }
    }
  }
  const categories: Coverage['categories'] = {};
  let complete = true;
  for (const category of names) {
    const universe = model.universe[category] ?? [];
    const result: CoverageCategory = {
      covered: 0,
      total: universe.length,
      uncovered: [],
      items: [],
    };
    for (const item of universe) {
      const by = hits.get(`${category}:${item.id}`) ?? [];
      result.items.push({
        id: item.id,
        ...(item.aliases && item.aliases.length > 0 ? { aliases: item.aliases } : {}),
        coveredBy: by,
      });
      if (by.length > 0) {
        result.covered++;
        continue;
      }
      const reason = model.gaps[`${category}:${item.id}`];
      if (reason === undefined) complete = false;
      result.uncovered.push(reason === undefined ? { id: item.id } : { id: item.id, reason });
    }
    categories[category] = result;
  }
  return { process, runs: runs.length, categories, complete };
}
