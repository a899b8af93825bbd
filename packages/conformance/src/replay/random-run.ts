/**
 * Seeded random runs: from one seed, a random list of stimuli (valid and out-of-order ones, at
 * random instants) and, swarm style, a random subset of the fault kinds enabled with random
 * filters. The same seed always gives the same run (`createRng` of the engine), so
 * `pnpm sim replay --seed N` regenerates any run a property test reports.
 */
import {
  createRng,
  type FaultKind,
  loadScenario,
  type Rng,
  type Scenario,
  type ScenarioDocument,
  type ScenarioFault,
  type ScenarioStimulus,
} from '@consent-sim/sim';
import { type ProcessPlugin, tableOf } from '../process/plugin.ts';

export const FAULT_KINDS: readonly FaultKind[] = [
  'drop',
  'duplicate',
  'delay',
  'reorder',
  'corrupt',
];

export interface RandomRun {
  process: string;
  plugin: ProcessPlugin;
  seed: number;
  /** The fault kinds this seed enabled (swarm testing: a random subset per seed). */
  faultKinds: FaultKind[];
  /** Indices of the generated stimuli kept (all, unless a shrunk run names fewer). */
  kept: number[];
  /** How many stimuli the seed generated before `kept` was applied. */
  generated: number;
  scenario: Scenario;
}

/**
 * A `keep` list that names a stimulus the seed did not generate, or one stimulus twice. `problem`
 * reads after the list itself, e.g. `999: seed 5 of cm-req-off generated 7 stimuli (0–6)`, so
 * the CLI can report it as `--keep 999: …`.
 */
export class KeepError extends RangeError {
  override readonly name = 'KeepError';
  constructor(readonly problem: string) {
    super(`consent-sim: random-run.ts randomRun keep ${problem}`);
  }
}

/** The kept indices in ascending order; throws {@link KeepError} for a missing or repeated one. */
function keptIndices(keep: readonly number[], count: number, seed: number, process: string) {
  const missing = keep.filter((i) => !(Number.isInteger(i) && i >= 0 && i < count));
  if (missing.length > 0) {
    const noun = count === 1 ? 'stimulus' : 'stimuli';
    const range = count === 1 ? '0' : `0–${count - 1}`;
    throw new KeepError(
      `${missing.join(',')}: seed ${seed} of ${process} generated ${count} ${noun} (${range})`,
    );
  }
  const repeated = keep.filter((i, at) => keep.indexOf(i) !== at);
  if (repeated.length > 0) {
    throw new KeepError(
      `${[...new Set(repeated)].join(',')}: listed more than once; list each stimulus index once`,
    );
  }
  return [...keep].sort((a, b) => a - b);
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)] as T;
}

function faultsFor(
  rng: Rng,
  kinds: readonly FaultKind[],
  channels: readonly string[],
): ScenarioFault[] {
  return kinds.map((kind) => ({
    kind,
    channel: pick(rng, channels) as ScenarioFault['channel'],
    probability: rng.int(1, 6) / 10,
    ...(kind === 'delay' || kind === 'reorder'
      ? { delay: pick(rng, ['PT10M', 'PT6H', 'P2D']) }
      : {}),
  }));
}

/**
 * The random run of `seed`; with `keep`, only those stimulus indices (a shrunk counterexample),
 * in any order, each once and each one the seed generated (else {@link KeepError}).
 *
 * @example
 * const run = randomRun(PROCESSES['dh-831'], 42);
 * judgeRandomRun(run).holds; // true for the reference
 */
export function randomRun(
  plugin: ProcessPlugin,
  seed: number,
  keep?: readonly number[],
): RandomRun {
  const process = plugin.name;
  const rng = createRng(seed).fork(`replay:${process}`);
  const menu = plugin.random;
  const faultKinds = FAULT_KINDS.filter(() => rng.chance(0.5));
  const faults = faultsFor(rng, faultKinds, menu.channels);
  const count = rng.int(1, 8);
  const stimuli: ScenarioStimulus[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly the run opens the process first; sometimes it does not (out-of-order stimuli).
    const item =
      i === 0 && (!menu.mayOpenLate || rng.chance(0.85))
        ? pick(rng, menu.opening)
        : pick(rng, [...menu.opening, ...menu.any]);
    const at = i === 0 ? 'PT0S' : `P${rng.int(0, 40)}DT${rng.int(0, 23)}H${rng.int(0, 59)}M`;
    stimuli.push({ at, ...item });
  }
  const kept =
    keep === undefined ? stimuli.map((_, i) => i) : keptIndices(keep, count, seed, process);
  const document: ScenarioDocument = {
    name: `replay-${seed}`,
    process,
    summary: `Random run of seed ${seed}: ${kept.length} stimuli, faults ${faultKinds.join(', ') || 'none'}`,
    description: `pnpm sim replay --seed ${seed} --process ${process}`,
    seed,
    start: menu.start,
    faults,
    stimuli: kept.map((i) => stimuli[i] as ScenarioStimulus),
    // Random runs have no expectations; only the invariants judge them.
    expect: { outcome: 'any' },
  };
  return {
    process,
    plugin,
    seed,
    faultKinds,
    kept,
    generated: count,
    scenario: loadScenario(JSON.stringify(document), `replay-${seed}.yaml`, tableOf(plugin)),
  };
}
