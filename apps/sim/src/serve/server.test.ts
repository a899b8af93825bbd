// The HTTP face of sim serve: limits and errors a harness author relies on.
import { PROCESSES, SUT_ENDPOINTS, SUT_MAX_BODY_BYTES } from '@consent-sim/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSutServer, startSutServer } from './server.ts';

let server: RunningSutServer;
beforeAll(async () => {
  server = await startSutServer({ processes: PROCESSES, role: 'vnb', host: '127.0.0.1', port: 0 });
});
afterAll(() => server.close());

const post = (path: string, body: string) =>
  fetch(new URL(path, server.url), {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });

describe('startSutServer', () => {
  it('listens on loopback', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers invalid JSON with 400 bad-json', async () => {
    const response = await post(SUT_ENDPOINTS.reset, '{"protocol":');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad-json' } });
  });

  it('answers a body over 1 MiB with 413', async () => {
    const response = await post(SUT_ENDPOINTS.deliver, 'x'.repeat(SUT_MAX_BODY_BYTES + 1));
    expect(response.status).toBe(413);
  });

  it('answers GET with 405 and an unknown path with 404', async () => {
    expect((await fetch(new URL(SUT_ENDPOINTS.clock, server.url))).status).toBe(405);
    const response = await post('/nope', '{"protocol":"consent-sim.sut/1","testId":"t"}');
    expect(response.status).toBe(404);
  });
});
