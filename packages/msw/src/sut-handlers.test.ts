// The transport rules of the SUT protocol front; the protocol handler behind it is injected
// (in use: the conformance package's createSutHandler), here one that records what it got.
import { SUT_ENDPOINTS, SUT_MAX_BODY_BYTES, SUT_PROTOCOL_VERSION } from '@consent-sim/conformance';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSutProtocolHandlers } from './sut-handlers.ts';

const calls: { path: string; body: unknown }[] = [];
const server = setupServer(
  ...createSutProtocolHandlers({
    baseUrl: 'http://sut.test/api/',
    handle: (path, body) => {
      calls.push({ path, body });
      return { status: 409, body: { protocol: SUT_PROTOCOL_VERSION, echo: path } };
    },
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const url = (path: string) => `http://sut.test/api${path}`;

describe('createSutProtocolHandlers', () => {
  it('passes the path below the base URL and the parsed body through, status and body back', async () => {
    const response = await fetch(url(SUT_ENDPOINTS.clock), {
      method: 'POST',
      body: JSON.stringify({ protocol: SUT_PROTOCOL_VERSION, testId: 't1', now: 'x' }),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      protocol: SUT_PROTOCOL_VERSION,
      echo: '/consent-sim/v1/clock',
    });
    expect(calls.at(-1)).toEqual({
      path: '/consent-sim/v1/clock',
      body: { protocol: SUT_PROTOCOL_VERSION, testId: 't1', now: 'x' },
    });
  });

  it('answers the transport errors itself: bad-json 400, too-large 413, method-not-allowed 405', async () => {
    const before = calls.length;
    const bad = await fetch(url(SUT_ENDPOINTS.reset), { method: 'POST', body: '{"protocol":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad-json' } });

    const big = await fetch(url(SUT_ENDPOINTS.deliver), {
      method: 'POST',
      body: JSON.stringify({ document: 'x'.repeat(SUT_MAX_BODY_BYTES) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'too-large' } });

    const get = await fetch(url(SUT_ENDPOINTS.reset));
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ error: { code: 'method-not-allowed' } });
    expect(calls.length).toBe(before);
  });
});
