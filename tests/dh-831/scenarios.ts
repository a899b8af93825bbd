// Loads the shipped DH-831 scenarios (scenarios/dh-831/*.yaml) the way the CLI does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROCESSES } from '@consent-sim/conformance';
import { loadScenario, type Scenario } from '@consent-sim/sim';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.join(REPO, 'scenarios', 'dh-831');

/** File names of the shipped DH-831 scenarios, sorted. */
export const DH831_SCENARIO_FILES = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

/** A shipped scenario by file name, e.g. `approved.yaml`. */
export function shippedScenario(file: string): Scenario {
  return loadScenario(
    readFileSync(path.join(DIR, file), 'utf8'),
    `scenarios/dh-831/${file}`,
    PROCESSES,
  );
}
