/**
 * What a process model offers the path generator: an abstract XState machine (explicit time
 * events, no `after`, no `invoke`) and, per abstract event, its concrete meaning.
 */
import type { AnyStateMachine } from 'xstate';
import type { RunBuilder } from './run-builder.ts';

/** The concrete meaning of one abstract event. */
export interface AbstractEvent {
  /** Short readable text used in path titles ("hand over day 6"). */
  title: string;
  /** The catalogue steps, gateway branches or deadlines the event exercises. */
  covers: readonly string[];
  /** Records the stimuli and the expected steps and messages that follow from the event. */
  apply(run: RunBuilder): void;
}

/** Fixed frame every generated scenario of a process shares. */
export interface ScenarioFrame {
  /** Virtual start, ISO 8601 with offset. */
  start: string;
  seed: number;
  zone: string;
  /** Written into `parties` before the events add their own overrides. */
  parties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  parameters: Readonly<Record<string, unknown>>;
}

export interface ProcessModel {
  /** The process name (the plug-in's). */
  process: string;
  /** The abstract machine; its final states are the ends of generated paths. */
  machine: AnyStateMachine;
  events: Readonly<Record<string, AbstractEvent>>;
  frame: ScenarioFrame;
  /** The outcome label the wiring must report, from the labels the events recorded. */
  outcome(run: RunBuilder): string;
}
