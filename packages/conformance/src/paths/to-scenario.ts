/**
 * A generated path → a runnable scenario: the abstract events are replayed on a RunBuilder, which
 * yields the stimuli at exact instants and the expected outcome, steps and messages. The
 * document goes through `loadScenario`, so it is validated like a hand-written file.
 */
import { isoInZone } from '@consent-sim/core';
import { loadScenario, type Scenario, type ScenarioDocument } from '@consent-sim/sim';
import { RunBuilder } from '../model/run-builder.ts';
import type { ProcessModel } from '../model/types.ts';
import { type ProcessPlugin, tableOf } from '../process/plugin.ts';

/** Replays `events` on a fresh builder in the model's frame. */
export function replayEvents(model: ProcessModel, events: readonly string[]): RunBuilder {
  const run = new RunBuilder(Date.parse(model.frame.start));
  for (const type of events) {
    const event = model.events[type];
    if (event === undefined) {
      throw new Error(
        `consent-sim: conformance/paths/to-scenario.ts: "${type}" is not an abstract event of the ${model.process} model; use one of ${Object.keys(model.events).join(', ')}`,
      );
    }
    event.apply(run);
  }
  return run;
}

/**
 * @example scenarioFor(PROCESSES['cm-req-off'], 'a1b2c3d4e5f6', ['APPLY', 'KEEP_QR', 'REDEMPTION_DEADLINE_PLUS_1MS'], 'apply → …')
 */
export function scenarioFor(
  plugin: ProcessPlugin,
  id: string,
  events: readonly string[],
  title: string,
): Scenario {
  const model = plugin.model;
  const run = replayEvents(model, events);
  const { frame } = model;
  const roles = new Set([...Object.keys(frame.parties), ...Object.keys(run.parties)]);
  const parties = Object.fromEntries(
    [...roles].map((role) => [role, { ...frame.parties[role], ...run.parties[role] }]),
  );
  const name = `model-${id}`;
  const document: ScenarioDocument = {
    name,
    process: model.process,
    summary: title,
    description: `Generated from the ${model.process} test model; abstract events: ${events.join(', ')}.`,
    seed: frame.seed,
    start: frame.start,
    parties,
    parameters: { ...frame.parameters, ...run.parameters },
    stimuli: run.timedStimuli().map(({ at, ...stimulus }) => ({
      ...stimulus,
      at: isoInZone(at, frame.zone),
    })),
    expect: {
      outcome: model.outcome(run),
      steps: run.expectedSteps(),
      messages: run.expectedMessages(),
    },
  };
  // JSON is YAML: the loader validates the generated document like a file.
  return loadScenario(JSON.stringify(document, null, 1), `${name}.yaml`, tableOf(plugin));
}
