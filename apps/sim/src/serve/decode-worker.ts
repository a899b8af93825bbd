/**
 * The worker thread of `sim serve` that reads heavy documents (see `off-thread.ts`): the guard
 * and the namespace-resolved tree, the work that costs 100 ms or more at the guard's limits. It
 * answers the tree, or nothing when the document is refused (the main thread then refuses it
 * itself, with the same error and position, so no verdict depends on this thread).
 */
import { parentPort } from 'node:worker_threads';
import { guardXml, readXmlTree } from '@consent-sim/messages';

export interface DecodeRequest {
  id: number;
  text: string;
}
export interface DecodeAnswer {
  id: number;
  tree: ReturnType<typeof readXmlTree> | null;
}

parentPort?.on('message', ({ id, text }: DecodeRequest) => {
  let tree: DecodeAnswer['tree'] = null;
  try {
    // Only a text the guard passes unchanged (no byte-order mark) is read by the tree under the same key.
    if (guardXml(text) === text) tree = readXmlTree(text);
  } catch {
    tree = null;
  }
  parentPort?.postMessage({ id, tree } satisfies DecodeAnswer);
});
