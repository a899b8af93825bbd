// Loads the shipped CM_REQ_OFF scenarios (scenarios/cm-req-off/*.yaml) the way the CLI does,
// and locates the read-only shared references (official XSDs) beside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROCESSES } from '@consent-sim/conformance';
import type { SchemaFile } from '@consent-sim/messages';
import { loadScenario, type Scenario } from '@consent-sim/sim';
import { SHARED_DIR } from '../../test-support/shared-folder.ts';

export { skipWithoutShared } from '../../test-support/shared-folder.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.join(REPO, 'scenarios', 'cm-req-off');

/** `../shared` beside the repository, or `CONSENT_SIM_SHARED` (tests skip without it). */
export const SHARED = SHARED_DIR;

/** File names of the shipped CM_REQ_OFF scenarios, sorted. */
export const CM_REQ_OFF_SCENARIO_FILES = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

/** A shipped scenario by file name, e.g. `happy-path.yaml`. */
export function shippedScenario(file: string): Scenario {
  return loadScenario(
    readFileSync(path.join(DIR, file), 'utf8'),
    `scenarios/cm-req-off/${file}`,
    PROCESSES,
  );
}

/** Every official EDA schema file, as `validateAgainstXsd` takes them. */
export function officialSchemas(): SchemaFile[] {
  const dir = path.join(SHARED, 'eda-xsd');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.xsd'))
    .sort()
    .map((fileName) => ({ fileName, contents: readFileSync(path.join(dir, fileName), 'utf8') }));
}
