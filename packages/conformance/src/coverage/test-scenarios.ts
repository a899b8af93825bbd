// Test helper (not exported): the shipped scenarios of scenarios/<process>/*.yaml, loaded the way
// the CLI loads them, and their runs (memoised: several tests share them).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type RunResult, runScenario, type Scenario } from '@consent-sim/sim';
import { PROCESSES, type ProcessName } from '../processes/index.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Every shipped scenario of `process`, sorted by file name. */
export function shippedScenarios(process: ProcessName): Scenario[] {
  const dir = path.join(REPO, 'scenarios', process);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) =>
      loadScenario(
        readFileSync(path.join(dir, file), 'utf8'),
        `scenarios/${process}/${file}`,
        PROCESSES,
      ),
    );
}

/** One shipped scenario by name, e.g. `happy-path`. */
export function shippedScenario(process: ProcessName, name: string): Scenario {
  const found = shippedScenarios(process).find((scenario) => scenario.name === name);
  if (found === undefined) throw new Error(`consent-sim: no shipped scenario ${process}/${name}`);
  return found;
}

const runs = new Map<string, RunResult>();

/** The run of a shipped scenario with its own seed. */
export function shippedRun(process: ProcessName, name: string): RunResult {
  const key = `${process}/${name}`;
  const cached = runs.get(key);
  if (cached !== undefined) return cached;
  const result = runScenario(shippedScenario(process, name), { processes: PROCESSES });
  runs.set(key, result);
  return result;
}
