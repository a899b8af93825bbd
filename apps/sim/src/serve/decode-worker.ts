/**
 * The worker thread of `sim serve` that reads heavy documents (see `off-thread.ts`): guard, parse
 * and validation, the work that costs 100 ms or more at the guard's limits. It answers the
 * reader's result — a few hundred bytes, cheap to copy back, unlike the element tree — computed by
 * the same function the codec would call (`readingOf`), so no verdict depends on this thread.
 */
import { parentPort } from 'node:worker_threads';
import type { ReadingKind } from '@consent-sim/messages';
import { readingOf } from '@consent-sim/sim';

export interface DecodeRequest {
  id: number;
  kind: ReadingKind;
  text: string;
}
export interface DecodeAnswer {
  id: number;
  /** The reading, or null when the reader threw (the main thread then reads it itself). */
  reading: unknown;
}

parentPort?.on('message', ({ id, kind, text }: DecodeRequest) => {
  let reading: unknown = null;
  try {
    reading = readingOf(kind, text);
    parentPort?.postMessage({ id, reading } satisfies DecodeAnswer);
  } catch {
    // A reader that throws, or a reading that cannot be copied: the main thread reads it.
    parentPort?.postMessage({ id, reading: null } satisfies DecodeAnswer);
  }
});
