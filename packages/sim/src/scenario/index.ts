// Public API of the scenario format; packages/sim/src/index.ts re-exports these by name.
export { durationMs, parseAt, resolveAt } from './at.ts';
export { channelLatencies, faultRules } from './engine-options.ts';
export { formatIssue, ScenarioError, type ScenarioIssue } from './errors.ts';
export {
  checkExpectations,
  type DeliveredMessage,
  deliveredMessages,
  type ExpectationFailure,
  type ObservedEnd,
} from './expectations.ts';
export { loadScenario } from './load.ts';
export { channelNames, scenarioSchema } from './schema.ts';
export { scenarioSchemaJson } from './schema-json.ts';
export type {
  ExpectedMessage,
  PartyOverride,
  Scenario,
  ScenarioDocument,
  ScenarioExpectations,
  ScenarioFault,
  ScenarioStimulus,
} from './types.ts';
