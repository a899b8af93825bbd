/**
 * The runnable paths of a process from two sources: the model-based paths of `generatePaths`
 * (source `model`) and the shipped hand-written scenarios the caller loaded (source `scenario`).
 * Coverage, test vectors and the CLI read both through this one list.
 */
import type { Scenario } from '@consent-sim/sim';
import { generatePaths } from '../paths/generate.ts';
import type { ProcessPlugin } from '../process/plugin.ts';

export type PathSource = 'model' | 'scenario';

export const PATH_SOURCES: readonly PathSource[] = ['model', 'scenario'];

export interface SourcedPath {
  /** Model paths: the 12-hex id of `generatePaths`; scenarios: the scenario's name. */
  id: string;
  process: string;
  /** The process's plug-in (to run the path: `runScenario(path.scenario, { processes: tableOf(path.plugin) })`). */
  plugin: ProcessPlugin;
  source: PathSource;
  title: string;
  scenario: Scenario;
}

/** A model path whose scenario could not be built (the model is incomplete or wrong). */
export interface SkippedPath {
  id: string;
  source: PathSource;
  error: string;
}

export interface CollectPathsOptions {
  /** Shipped scenarios (any process; only those of `process` are kept). */
  scenarios?: readonly Scenario[];
  /** Which sources to include; default both, model paths first. */
  sources?: readonly PathSource[];
  /**
   * Only paths that judge this role under test (`sim conform --role`): a scenario whose
   * `judges` names other roles is left out. Default: every path.
   */
  judging?: string;
}

/**
 * Model paths (sorted by id) then shipped scenarios (in the given order) of one process. A model
 * path whose `toScenario()` throws is listed in `skipped` with the error, never silently lost.
 *
 * @example
 * const { paths } = collectPaths(PROCESSES['cm-req-off'], { scenarios: shipped, sources: ['scenario'] });
 * paths[0]?.source; // 'scenario'
 */
export function collectPaths(
  plugin: ProcessPlugin,
  options: CollectPathsOptions = {},
): { paths: SourcedPath[]; skipped: SkippedPath[] } {
  const process = plugin.name;
  const sources = options.sources ?? PATH_SOURCES;
  const paths: SourcedPath[] = [];
  const skipped: SkippedPath[] = [];
  if (sources.includes('model')) {
    for (const path of generatePaths(plugin).paths) {
      try {
        const scenario = path.toScenario();
        paths.push({ id: path.id, process, plugin, source: 'model', title: path.title, scenario });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        skipped.push({ id: path.id, source: 'model', error: message });
      }
    }
  }
  if (sources.includes('scenario')) {
    for (const scenario of options.scenarios ?? []) {
      if (scenario.process !== process) continue;
      const { judging } = options;
      if (judging !== undefined && scenario.judges && !scenario.judges.includes(judging)) continue;
      paths.push({
        id: scenario.name,
        process,
        plugin,
        source: 'scenario',
        title: scenario.summary,
        scenario,
      });
    }
  }
  return { paths, skipped };
}
