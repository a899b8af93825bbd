/**
 * Reading a request body at the edge of `sim serve`: JSON media type only (415), at most 1 MiB
 * (413), complete within the body timeout from the request's start (408; a trickled body is
 * cut, not left to Node's 300 s), and valid UTF-8 (400 bad-encoding: never replaced by U+FFFD).
 */
import type { IncomingMessage } from 'node:http';
import { SUT_MAX_BODY_BYTES, type SutHandlerResult, sutError } from '@consent-sim/conformance';

/** The request's bytes, or the protocol error that refuses them. */
export type BodyBytes = { bytes: Buffer } | { refusal: SutHandlerResult };

/** The request's JSON text and value, or the protocol error that refuses it. */
export type BodyResult = { text: string; body: unknown } | { refusal: SutHandlerResult };

/** `application/json`, optionally with `charset=utf-8` (any other charset is refused). */
export function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * @example const read = await readBody(request, 15_000); if ('refusal' in read) …; parseBody(read.bytes)
 */
export function readBody(request: IncomingMessage, timeoutMs: number): Promise<BodyBytes> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyBytes) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({
        refusal: sutError(
          'timeout',
          `consent-sim: the body did not arrive within ${timeoutMs} ms of the request's start (docs/sut-protocol.md § Limits)`,
        ),
      });
    }, timeoutMs);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > SUT_MAX_BODY_BYTES) {
        const message = `consent-sim: the body is larger than ${SUT_MAX_BODY_BYTES} bytes (1 MiB)`;
        finish({ refusal: sutError('too-large', message) });
        return;
      }
      if (!done) chunks.push(chunk);
    });
    request.on('end', () => finish({ bytes: Buffer.concat(chunks) }));
    request.on('error', (error) => {
      finish({
        refusal: sutError('bad-json', `consent-sim: the body could not be read: ${error.message}`),
      });
    });
  });
}

/**
 * The body as UTF-8 text and JSON: at 1 MiB a few milliseconds, which `sim serve` runs in the
 * heavy lane's turn for a large body (twelve at once, decoded back to back, held a `clock`).
 */
export function parseBody(bytes: Buffer): BodyResult {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      refusal: sutError(
        'bad-encoding',
        `consent-sim: the body is not valid UTF-8 (first bad byte at offset ${at}: 0x${(bytes[at] ?? 0).toString(16)}); it is refused, never repaired`,
        '$',
      ),
    };
  }
  try {
    return { text, body: JSON.parse(text) };
  } catch (error) {
    return {
      refusal: sutError(
        'bad-json',
        `consent-sim: the body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
        '$',
      ),
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix: binary search over prefixes (streaming, so a cut inside a sequence is not an error).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
