import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginTable } from '@consent-sim/conformance';
import { closest, loadScenario, type Scenario, ScenarioError } from '@consent-sim/sim';
import { CliError, EXIT } from './errors.ts';
import { type CliIo, readInput } from './io.ts';

/**
 * The shipped scenarios, `<process>/<name>.yaml`: beside the built command (the build copies them
 * to dist/scenarios, so an installed package finds its own), else the repository's scenarios/
 * when running from source.
 */
export const SCENARIOS_DIR = shippedScenariosDir();

function shippedScenariosDir(): string {
  const besideBuild = fileURLToPath(new URL('./scenarios/', import.meta.url));
  if (existsSync(besideBuild)) return besideBuild;
  return fileURLToPath(new URL('../../../scenarios/', import.meta.url));
}

export interface ScenarioEntry {
  /** `<process>/<name>` */
  name: string;
  path: string;
}

/** Every shipped scenario of the processes the CLI knows, sorted by name. */
export function shippedScenarios(io: CliIo, processes: PluginTable): ScenarioEntry[] {
  const entries: ScenarioEntry[] = [];
  for (const process of io.listDir(SCENARIOS_DIR).sort()) {
    if (!Object.hasOwn(processes, process)) continue;
    for (const file of io.listDir(join(SCENARIOS_DIR, process)).sort()) {
      if (!file.endsWith('.yaml')) continue;
      entries.push({
        name: `${process}/${file.slice(0, -'.yaml'.length)}`,
        path: join(SCENARIOS_DIR, process, file),
      });
    }
  }
  return entries;
}

function parse(io: CliIo, processes: PluginTable, path: string, label: string): Scenario {
  const source = new TextDecoder().decode(readInput(io, path).bytes);
  try {
    return loadScenario(source, label, processes);
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new CliError(error.message, EXIT.invalid, 'see scenarios/README.md for the format');
    }
    throw error;
  }
}

/**
 * Resolves a scenario argument: a shipped name (`cm-req-off/happy-path`) or a path to a YAML
 * file of your own. An unknown name suggests the closest shipped ones.
 */
export function resolveScenario(io: CliIo, processes: PluginTable, nameOrPath: string): Scenario {
  if (nameOrPath.endsWith('.yaml') || nameOrPath.endsWith('.yml')) {
    return parse(io, processes, nameOrPath, nameOrPath);
  }
  const shipped = shippedScenarios(io, processes);
  const entry = shipped.find((candidate) => candidate.name === nameOrPath);
  if (entry === undefined) {
    const near = closest(
      nameOrPath,
      shipped.map((candidate) => candidate.name),
    );
    throw new CliError(
      `no scenario named "${nameOrPath}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`,
      EXIT.usage,
      'run `pnpm sim list` for every scenario, or pass a path to your own .yaml file',
    );
  }
  return parse(io, processes, entry.path, `scenarios/${entry.name}.yaml`);
}

/** Loads every shipped scenario (for `list` and for running them all). */
export function loadShipped(io: CliIo, processes: PluginTable): Scenario[] {
  return shippedScenarios(io, processes).map((entry) =>
    parse(io, processes, entry.path, `scenarios/${entry.name}.yaml`),
  );
}
