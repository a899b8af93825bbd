/**
 * The expectation side of a generated path: while the abstract events of a path are replayed in
 * order, each records the stimuli it stands for (who does what, at which virtual instant) and
 * what the catalogue's reading says must follow (steps and delivered messages, each at its
 * instant). Nothing here runs an engine: the expected trace comes from the model alone.
 */
import type { ExpectedMessage, ScenarioStimulus } from '@consent-sim/sim';

/** One expected `step` event of the trace. */
export interface ExpectedStep {
  at: number;
  step: string;
}

/** One expected delivered message, at its arrival instant. */
export interface TimedMessage extends ExpectedMessage {
  at: number;
}

/** A stimulus at an absolute virtual instant (epoch ms). */
export interface TimedStimulus extends Omit<ScenarioStimulus, 'at'> {
  at: number;
}

/**
 * Collects stimuli, expected steps and messages of one path. Entries at the same instant keep
 * the order they were recorded in, which is the order the model's fragments list them.
 *
 * @example
 * const run = new RunBuilder(Date.parse('2026-03-20T10:00:00+01:00'));
 * run.step(run.start, 'CM_REQ_OFF_SP_01');
 * run.expectedSteps(); // ['CM_REQ_OFF_SP_01']
 */
export class RunBuilder {
  readonly start: number;
  /** Named instants the abstract events refer to (issue, receipt, deadlines, last action). */
  readonly anchors = new Map<string, number>();
  readonly parameters: Record<string, unknown> = {};
  readonly parties: Record<string, Record<string, unknown>> = {};
  /** Labels the outcome is made of (e.g. the consent's status, `refused`), in recording order. */
  readonly labels: string[] = [];
  /** The status label of the process instance (ConsentId, request) as the run ends. */
  status: string | null = null;
  private readonly stimuli: TimedStimulus[] = [];
  private readonly steps: ExpectedStep[] = [];
  private readonly messages: TimedMessage[] = [];

  constructor(start: number) {
    this.start = start;
    this.anchors.set('last', start);
  }

  anchor(name: string): number {
    const value = this.anchors.get(name);
    if (value === undefined) {
      throw new Error(
        `consent-sim: conformance/model/run-builder.ts: anchor "${name}" is not set; an abstract event used it before the event that sets it (check the model's transitions)`,
      );
    }
    return value;
  }

  /** Records a stimulus and moves the `last` anchor to its instant. */
  stimulus(at: number, party: string, event: string, options: Partial<TimedStimulus> = {}): void {
    if (at < this.anchor('last')) {
      throw new Error(
        `consent-sim: conformance/model/run-builder.ts: stimulus ${party}.${event} at ${at} lies before the previous action (${this.anchor('last')}); the model allowed an event out of time order`,
      );
    }
    this.stimuli.push({ ...options, at, party, event });
    this.anchors.set('last', at);
  }

  step(at: number, ...steps: string[]): void {
    for (const step of steps) this.steps.push({ at, step });
  }

  message(at: number, message: ExpectedMessage): void {
    this.messages.push({ ...message, at });
  }

  label(label: string): void {
    if (!this.labels.includes(label)) this.labels.push(label);
  }

  timedStimuli(): readonly TimedStimulus[] {
    return this.stimuli;
  }

  /** Step ids sorted by instant; ties keep recording order. */
  expectedSteps(): string[] {
    return stableByTime(this.steps).map((entry) => entry.step);
  }

  /** Delivered messages sorted by arrival; ties keep recording order. */
  expectedMessages(): ExpectedMessage[] {
    return stableByTime(this.messages).map(({ at: _at, ...message }) => message);
  }
}

function stableByTime<T extends { at: number }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
}
