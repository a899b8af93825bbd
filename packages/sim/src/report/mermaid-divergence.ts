/**
 * Where a failed run parts from its expectations, for the Mermaid diagram: the first difference
 * of the `messages` expectation (else of `steps`) as the trace event it happened at and a note
 * saying what was expected there. The expectation checker names the index of the first
 * difference (`messages differ at [3]: expected …, got …`); the same index over the same
 * selection of the trace (delivered messages with a code, steps with an id) is the event.
 */
import type { TraceEvent } from '../trace.ts';
import type { RunResult } from './run-result.ts';

export interface Divergence {
  /** The event after which the note goes (the last of its kind when the trace ended early). */
  after: TraceEvent;
  text: string;
}

const SELECTIONS: Record<string, (e: TraceEvent) => boolean> = {
  messages: (e) => e.kind === 'deliver' && e.messageCode !== null,
  steps: (e) => e.kind === 'step' && e.step !== null,
};

/** Null for a passing run or one whose failures name no position in the trace. */
export function divergenceOf(result: RunResult): Divergence | null {
  for (const field of ['messages', 'steps']) {
    const failure = result.failures.find((f) => f.field === field);
    const select = SELECTIONS[field];
    if (failure === undefined || select === undefined) continue;
    const head = failure.message.split('\n')[0] ?? '';
    const index = Number(/\[(\d+)\]/.exec(head)?.[1] ?? Number.NaN);
    const events = result.events.filter(select);
    const after = events[index] ?? events.at(-1);
    if (Number.isNaN(index) || after === undefined) continue;
    return { after, text: `✗ expected and actual part here: ${head}` };
  }
  return null;
}
