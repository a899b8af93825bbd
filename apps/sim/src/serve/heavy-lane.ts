/**
 * Heavy requests of `sim serve` do not stall the others (issue 13, build 3). A body above 64 KiB
 * carries a document whose reading (guard, parse, validation) costs 100–400 ms at the guard's
 * limits, plus its garbage: such a document is read in a worker thread (`off-thread.ts`) while the
 * event loop serves everyone else, and the reading — not the element tree, whose copy between
 * threads alone cost ~80 ms — is handed to the codec (`handReading`) just before the request
 * runs, so the role's handler finds it read. A heavy request's work on this thread — decoding its
 * body (`turn`), then its handler — runs in one line with every other heavy request's, with the
 * event loop's I/O served before each step, so a light request (a `clock`, a small document) waits
 * for at most one such step, not for every heavy request queued before it (twelve 1 MiB
 * documents once held a `clock` for 4 s; twelve bodies decoded back to back, for ~100 ms).
 */
import { handReading } from '@consent-sim/messages';
import { readingKindOf } from '@consent-sim/sim';
import { offThreadReader } from './off-thread.ts';

/** A body above this many bytes carries a document whose decoding may take 100 ms or more. */
const HEAVY_BODY_BYTES = 64 * 1024;

/** At most this many heavy requests hold a reading at once: one running, one read next. */
const READINGS_IN_FLIGHT = 2;

export const isHeavy = (body: Uint8Array) => body.length > HEAVY_BODY_BYTES;

/** Resolves after the event loop has been through its I/O poll at least once. */
export const yieldToIo = () =>
  new Promise<void>((resolve) => setImmediate(() => setImmediate(() => resolve())));

/** The delivered document and the reader its channel gets, when the body carries one. */
function documentOf(body: unknown) {
  const { channel, document } = (body ?? {}) as { channel?: unknown; document?: unknown };
  if (typeof channel !== 'string' || typeof document !== 'string') return undefined;
  const kind = readingKindOf(channel, document);
  return kind === undefined ? undefined : { kind, text: document };
}

/** A first-come, first-served gate of `size` places. */
function gate(size: number) {
  let free = size;
  const queue: (() => void)[] = [];
  return {
    enter: () =>
      new Promise<void>((resolve) => {
        if (free > 0) {
          free -= 1;
          resolve();
        } else queue.push(resolve);
      }),
    leave: () => {
      const next = queue.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/**
 * @example
 * const heavy = heavyLane();
 * const answer = isHeavy(text) ? await heavy(body, () => handle(path, body)) : await handle(path, body);
 */
export function heavyLane() {
  const reader = offThreadReader();
  reader.warm();
  const places = gate(READINGS_IN_FLIGHT);
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(yieldToIo).then(task);
    tail = next.catch(() => undefined);
    return next;
  };
  const run = async <T>(body: unknown, task: () => Promise<T>): Promise<T> => {
    const document = documentOf(body);
    await places.enter();
    try {
      const reading = document && (await reader.read(document.kind, document.text));
      return await inTurn(async () => {
        if (document && reading) handReading(document.kind, document.text, reading);
        return task();
      });
    } finally {
      places.leave();
    }
  };
  // `turn`: other main-thread work of a heavy request (decoding its body) in the same line.
  return Object.assign(run, { turn: inTurn, close: () => reader.close() });
}
