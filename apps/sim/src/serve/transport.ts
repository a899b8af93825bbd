/**
 * The harness's HTTP transport: POST JSON with a per-request timeout, so an unreachable or
 * silent target ends in a clear error, never a hang. Answers larger than 1 MiB are refused.
 */
import { SUT_MAX_BODY_BYTES, type SutTransport } from '@consent-sim/conformance';
import { CliError, EXIT } from '../errors.ts';

/**
 * @example const transport = httpTransport(new URL('http://127.0.0.1:8080'), 10_000);
 */
export function httpTransport(base: URL, timeoutMs: number): SutTransport {
  return async (path, body) => {
    const url = new URL(path, base);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const cause =
        error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new CliError(
        timedOut
          ? `the target did not answer POST ${url} within ${timeoutMs} ms`
          : `cannot reach the target at ${url}${cause}`,
        EXIT.invalid,
        timedOut
          ? 'raise --timeout, or check that the SUT answers every request'
          : 'check --target and that the SUT is running',
      );
    }
    const text = await response.text();
    if (Buffer.byteLength(text) > SUT_MAX_BODY_BYTES) {
      throw new CliError(`the target's answer to POST ${url} is larger than 1 MiB`, EXIT.invalid);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CliError(
        `the target answered POST ${url} with HTTP ${response.status} and a body that is not JSON: ${text.slice(0, 120)}`,
        EXIT.invalid,
        'the SUT must answer every request with JSON (docs/sut-protocol.md)',
      );
    }
    return { status: response.status, body: parsed };
  };
}
