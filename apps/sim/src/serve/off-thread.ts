/**
 * A worker thread that reads heavy documents for `sim serve` (see `heavy-lane.ts`). Verdicts
 * never depend on it: what it does not read (a reader that threw, a crashed, slow or missing
 * worker) is read on the main thread as before.
 */
import { Worker } from 'node:worker_threads';
import type { ReadingKind } from '@consent-sim/messages';
import type { DecodeAnswer, DecodeRequest } from './decode-worker.ts';

/**
 * The worker: in dist, a chunk of its own beside this one; in a clone run through tsx, the
 * TypeScript source, loaded after registering tsx in the worker (Node 20 does not pass a parent's
 * `--import` loader hooks to a worker's entry).
 */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./serve-decode-worker.js', import.meta.url));
  }
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL('./decode-worker.ts', import.meta.url).href);
  return new Worker(
    `import(${api}).then((tsx) => { tsx.register(); return import(${source}); });`,
    {
      eval: true,
    },
  );
}

/** At most this long for one document; past it the main thread reads it (never a hang). */
const DECODE_TIMEOUT_MS = 5_000;

export interface OffThreadReader {
  /**
   * What the `kind` reader makes of `text`, read in the worker; null when the worker could not
   * read it or is not there (the caller's own reading then decides). Never rejects.
   */
  read(kind: ReadingKind, text: string): Promise<unknown>;
  /**
   * Starts the worker now, so its start (a thread, its modules) is not paid by the first heavy
   * request while other tests wait.
   */
  warm(): void;
  close(): Promise<void>;
}

/** @example const reading = await offThreadReader().read('eda', document); if (reading) handReading('eda', document, reading); */
export function offThreadReader(): OffThreadReader {
  let worker: Worker | undefined;
  let broken = false;
  let next = 0;
  const waiting = new Map<number, (reading: unknown) => void>();
  const settleAll = () => {
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  const start = (): Worker | undefined => {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      worker = newWorker();
    } catch {
      broken = true;
      return undefined;
    }
    worker.unref();
    worker.on('message', ({ id, reading }: DecodeAnswer) => {
      waiting.get(id)?.(reading);
      waiting.delete(id);
    });
    // A worker that cannot start or dies: the main thread reads from now on.
    const fail = () => {
      broken = true;
      worker = undefined;
      settleAll();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    return worker;
  };
  return {
    warm() {
      start();
    },
    async read(kind, text) {
      const thread = start();
      if (thread === undefined) return null;
      const id = next++;
      return new Promise<unknown>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(null);
        }, DECODE_TIMEOUT_MS);
        timer.unref();
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        thread.postMessage({ id, kind, text } satisfies DecodeRequest);
      });
    },
    async close() {
      const thread = worker;
      broken = true;
      worker = undefined;
      settleAll();
      await thread?.terminate();
    },
  };
}
