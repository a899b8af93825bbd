/**
 * A worker thread that parses heavy documents for `sim serve` (see `heavy-lane.ts`). Verdicts
 * never depend on it: what it does not parse (a refused document, a crashed, slow or missing
 * worker) is parsed on the main thread as before.
 */
import { Worker } from 'node:worker_threads';
import type { XmlElement } from '@consent-sim/messages';
import type { DecodeAnswer } from './decode-worker.ts';

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

/** At most this long for one document; past it the main thread parses it (never a hang). */
const DECODE_TIMEOUT_MS = 5_000;

export interface OffThreadReader {
  /**
   * The tree of `text`, parsed in the worker; null when the worker refused it or is not there
   * (the caller's own reading then decides). Never rejects.
   */
  read(text: string): Promise<XmlElement | null>;
  close(): Promise<void>;
}

/** @example const tree = await offThreadReader().read(document); if (tree) rememberXmlTree(document, tree); */
export function offThreadReader(): OffThreadReader {
  let worker: Worker | undefined;
  let broken = false;
  let next = 0;
  const waiting = new Map<number, (tree: DecodeAnswer['tree']) => void>();
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
    worker.on('message', ({ id, tree }: DecodeAnswer) => {
      waiting.get(id)?.(tree);
      waiting.delete(id);
    });
    // A worker that cannot start or dies: the main thread parses from now on.
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
    async read(text) {
      const thread = start();
      if (thread === undefined) return null;
      const id = next++;
      return new Promise<DecodeAnswer['tree']>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(null);
        }, DECODE_TIMEOUT_MS);
        timer.unref();
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        thread.postMessage({ id, text });
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
