/**
 * The stimuli causal timing moved (issue 12 build 3, ../anchors.ts), one PASS check each: a
 * specialist reading the report sees which stimulus fired at another instant than in the
 * reference, and after which message of the SUT, so every later instant can be traced.
 */
import type { TraceEvent } from '@consent-sim/sim';
import type { StimulusMoved } from '../anchors.ts';
import type { AddCheck } from './checks.ts';
import { offset } from './findings.ts';

const isMoved = (detail: unknown): detail is StimulusMoved =>
  typeof detail === 'object' &&
  detail !== null &&
  (detail as { type?: unknown }).type === 'stimulus-moved';

/** `…:stimulus#i` — each stimulus of the run that was moved with the SUT's message it follows. */
export function judgeMoved(trace: readonly TraceEvent[], add: AddCheck): void {
  const moves = trace.filter((e) => e.kind === 'note' && isMoved(e.detail));
  moves.forEach((note, i) => {
    const m = note.detail as StimulusMoved;
    const by = offset(Date.parse(m.reference), Date.parse(m.moved));
    const name = m.stimulus.replace(/^stimulus\./, '');
    add('stimulus', i, 'PASS', {
      title: `stimulus ${name} (${m.party}) moved ${by}, with your ${m.anchor} it follows (causal timing: a stimulus that reacts to your message is scheduled relative to it)`,
      step: null,
      interpretations: [],
      expected: `stimulus ${name} at ${m.reference} (your ${m.anchor} at ${m.anchorReference})`,
      actual: `stimulus ${name} at ${m.moved} (your ${m.anchor} at ${m.anchorSent})`,
      at: m.moved,
    });
  });
}
