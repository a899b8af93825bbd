// What the golden-trace test fingerprints: every shipped scenario at its own seed and three
// more, every generated model path, and `sim conform` of each reference role against itself on
// the scenario paths. A refactoring that claims "no behaviour changed" must leave every digest
// as it is; `UPDATE_GOLDEN=1` rewrites the file on purpose (say why in the commit).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectPaths,
  generatePaths,
  inMemoryTransport,
  PROCESSES,
  runAgainstSut,
  SutClient,
} from '@consent-sim/conformance';
import { loadScenario, renderJson, runScenario, type Scenario } from '@consent-sim/sim';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLDEN_FILE = path.join(REPO, 'tests', 'golden', 'trace-digests.json');
const NAMES = ['cm-req-off', 'dh-831'] as const;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function shippedScenarios(): Scenario[] {
  return NAMES.flatMap((process) =>
    readdirSync(path.join(REPO, 'scenarios', process))
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .map((file) =>
        loadScenario(
          readFileSync(path.join(REPO, 'scenarios', process, file), 'utf8'),
          `scenarios/${process}/${file}`,
          PROCESSES,
        ),
      ),
  );
}

/** Digests of every shipped scenario's JSON trace at its seed and at seeds 1–3. */
export function scenarioDigests(scenarios: readonly Scenario[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const scenario of scenarios) {
    for (const seed of [scenario.seed, 1, 2, 3]) {
      out[`scenario ${scenario.fullName} seed ${seed}`] = digest(
        renderJson(runScenario(scenario, { processes: PROCESSES, seed })),
      );
    }
  }
  return out;
}

/** Digests of every generated model path's JSON trace. */
export function pathDigests(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const process of NAMES) {
    for (const p of generatePaths(PROCESSES[process]).paths) {
      out[`path ${process} ${p.id}`] = digest(
        renderJson(runScenario(p.toScenario(), { processes: PROCESSES })),
      );
    }
  }
  return out;
}

/** Digests of the checks of each reference role, served in process, on the scenario paths. */
export async function conformDigests(
  scenarios: readonly Scenario[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const process of NAMES) {
    for (const role of PROCESSES[process].roles) {
      const client = new SutClient(inMemoryTransport(PROCESSES, role));
      const { paths } = collectPaths(PROCESSES[process], {
        scenarios,
        sources: ['scenario'],
        judging: role,
      });
      for (const p of paths) {
        const checks = await runAgainstSut({ processes: PROCESSES, client, role, path: p });
        out[`conform ${process} ${role} ${p.id}`] = digest(JSON.stringify(checks));
      }
    }
  }
  return out;
}
