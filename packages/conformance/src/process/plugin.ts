/**
 * A process as a unit of the design: the engine's definition (roles, channels, zone, wiring)
 * with what the conformance layer needs of it (judging policy, test model, coverage, mutants,
 * readings, the menu of random runs). `PROCESSES` (processes/index.ts) lists the shipped ones;
 * every generic function takes the table it may use, so a test passes its own.
 */
import type { ProcessDefinition, ScenarioStimulus } from '@consent-sim/sim';
import type { ProcessCoverageModel } from '../coverage/observed.ts';
import type { CoverageCategoryName } from '../coverage/types.ts';
import type { ProcessModel } from '../model/types.ts';
import type { Mutant, Variant } from '../mutants/types.ts';
import type { NegativeSuite } from '../negative/types.ts';
import type { Reading } from '../readings/types.ts';
import type { JudgingPolicy } from './policy.ts';

/** What a seeded random run may make parties do (`sim replay`). */
export interface RandomRunMenu {
  /** Virtual start, ISO 8601 with offset (away from DST changes). */
  start: string;
  opening: ReadonlyArray<Omit<ScenarioStimulus, 'at'>>;
  any: ReadonlyArray<Omit<ScenarioStimulus, 'at'>>;
  /** Channels random faults may hit. */
  channels: readonly string[];
  /** Whether a run may start with another stimulus than an opening one. */
  mayOpenLate: boolean;
}

export interface ProcessPlugin<Name extends string = string, Role extends string = string>
  extends ProcessDefinition<Name, Role> {
  policy: JudgingPolicy;
  /** The abstract test model the paths are generated from. */
  model: ProcessModel;
  coverage: { categories: readonly CoverageCategoryName[]; model: ProcessCoverageModel };
  /** Deliberately wrong role implementations `sim mutants` must kill. */
  mutants: readonly Mutant[];
  /** Correct implementations that differ only where the documents allow: `sim mutants` expects no FAIL. */
  variants: readonly Variant[];
  /** The other readings of its open questions, recognised as WARNINGs. */
  readings: readonly Reading[];
  /** The requests each server role must refuse, one per rejection rule (../negative/). */
  negative: readonly NegativeSuite[];
  random: RandomRunMenu;
}

/** The plug-ins a command or test may use, by name. */
export type PluginTable = Readonly<Record<string, ProcessPlugin>>;

/** A table that holds just `plugin` (what `loadScenario` and `runScenario` take). */
export const tableOf = (plugin: ProcessPlugin): PluginTable => ({ [plugin.name]: plugin });
