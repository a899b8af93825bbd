/**
 * Transport wrappers that put a different reader or writer in front of a served role: what a
 * mutant with a wrong reader or writer, and a legitimate variant with another writer, is made of.
 */
import type { SutTransport } from '../sut/client.ts';
import { type DeliverRequest, SUT_ENDPOINTS } from '../sut/protocol.ts';
import type { OutboxRewrite } from './stamps.ts';

/** A transport whose deliveries pass through `read` before the served role sees them. */
export function reading(
  transport: SutTransport,
  read: (request: DeliverRequest) => DeliverRequest,
): SutTransport {
  return (path, body) =>
    transport(path, path === SUT_ENDPOINTS.deliver ? read(body as DeliverRequest) : body);
}

/**
 * A transport whose answers' outbox items pass through `rewrite` (a wrong document writer), which
 * sees what the test delivered so far (one test at a time, as the mutant runner drives them).
 */
export function rewriting(
  transport: SutTransport,
  rewrite: OutboxRewrite,
  zone: string,
): SutTransport {
  const received: DeliverRequest[] = [];
  return async (path, body) => {
    if (path === SUT_ENDPOINTS.reset) received.length = 0;
    if (path === SUT_ENDPOINTS.deliver) received.push(body as DeliverRequest);
    const answer = await transport(path, body);
    const outbox = (answer.body as { outbox?: unknown } | null)?.outbox;
    if (answer.status !== 200 || !Array.isArray(outbox)) return answer;
    const context = { zone, received };
    return {
      ...answer,
      body: { ...(answer.body as object), outbox: outbox.map((item) => rewrite(item, context)) },
    };
  };
}
