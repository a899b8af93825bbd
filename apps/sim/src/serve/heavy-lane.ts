/**
 * Heavy requests of `sim serve` do not stall the others (issue 13, build 3). A body above 64 KiB
 * carries a document whose parse costs 100–150 ms at the guard's limits, plus its garbage: such a
 * document is parsed in a worker thread (`off-thread.ts`) while the event loop serves everyone
 * else, and its tree is handed to the reader's cache (`rememberXmlTree`) just before the request
 * runs, so the role's handler finds it parsed. Heavy requests then run one at a time, with the
 * event loop's I/O served before each, so a light request (a `clock`, a small document) waits for
 * at most one heavy request's own work — the tree's copy into this thread and the handler — not
 * for every heavy request queued before it (twelve 1 MiB documents once held a `clock` for 4 s).
 */
import { rememberXmlTree, type XmlElement } from '@consent-sim/messages';
import { offThreadReader } from './off-thread.ts';

/** A body above this many characters carries a document whose decoding may take 100 ms or more. */
const HEAVY_BODY_CHARS = 64 * 1024;

/** At most this many heavy requests hold a parsed tree at once: one running, one parsed next. */
const TREES_IN_FLIGHT = 2;

export const isHeavy = (bodyText: string) => bodyText.length > HEAVY_BODY_CHARS;

/** Resolves after the event loop has been through its I/O poll at least once. */
export const yieldToIo = () =>
  new Promise<void>((resolve) => setImmediate(() => setImmediate(() => resolve())));

const documentOf = (body: unknown) =>
  typeof (body as { document?: unknown })?.document === 'string'
    ? (body as { document: string }).document
    : undefined;

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
  const places = gate(TREES_IN_FLIGHT);
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
      const tree: XmlElement | null = document === undefined ? null : await reader.read(document);
      return await inTurn(async () => {
        if (document !== undefined && tree !== null) rememberXmlTree(document, tree);
        return task();
      });
    } finally {
      places.leave();
    }
  };
  return Object.assign(run, { close: () => reader.close() });
}
