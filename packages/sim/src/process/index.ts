// The process seam of the engine: definitions, the one run assembly, the scenario runner.
export {
  type AssembledRun,
  type AssembleOptions,
  assembleRun,
  type ScheduledStimulus,
} from './assemble.ts';
export {
  type ChannelSpec,
  type ProcessDefinition,
  type ProcessTable,
  processIn,
  ScenarioSetupError,
  UnknownProcessError,
  xmlChannels,
} from './definition.ts';
export { DEFAULT_SCENARIO_LIMITS, type ScenarioLimits } from './limits.ts';
export { type RunScenarioOptions, runScenario } from './run-scenario.ts';
