// Issue 13 over real HTTP: media type, UTF-8, the body timeout, a request that once ended the
// process, 500 concurrent tests on loopback, and a small protocol fuzz (the large one runs in
// process: packages/conformance/src/sut/fuzz.test.ts).
import { connect } from 'node:net';
import { PROCESSES, SUT_ENDPOINTS, SUT_PROTOCOL_VERSION } from '@consent-sim/conformance';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSutServer, startSutServer } from './server.ts';
import { vnbReset } from './test-bodies.ts';

let server: RunningSutServer;
const logged: string[] = [];
beforeAll(async () => {
  server = await startSutServer({
    processes: PROCESSES,
    role: 'vnb',
    timeouts: { bodyMs: 300 },
    log: (line) => logged.push(line),
  });
});
afterAll(() => server.close());

const post = (path: string, body: string | Uint8Array, type = 'application/json') =>
  fetch(new URL(path, server.url), { method: 'POST', body, headers: { 'content-type': type } });
const postJson = async (
  path: string,
  body: unknown,
): Promise<{ status: number; body: { outbox: unknown[] } }> => {
  const response = await post(path, JSON.stringify(body));
  return {
    status: response.status,
    body: (await response.json()) as { outbox: unknown[] },
  };
};

const reset = vnbReset;
const application = (testId: string) => ({
  protocol: SUT_PROTOCOL_VERSION,
  testId,
  deliveryId: 'd1',
  channel: 'phone',
  from: 'customer',
  to: 'vnb',
  messageCode: null,
  document: 'PHONE',
  content: {
    subject: 'Antrag',
    text: 'Datenfreigabe',
    topic: {
      kind: 'application',
      application: {
        meteringPoints: ['AT0010004416320525444476033257029'],
        request: { reqDatType: 'HistoricalMeteringData', dateFrom: '2026-02-01' },
        confirmationChannel: 'email',
        canAuthenticate: true,
      },
    },
  },
  at: '2026-03-20T10:00:00.000+01:00',
});

describe('issue 13 defect 7: the HTTP edge', () => {
  it('answers a body that is not application/json with 415', async () => {
    const response = await post(SUT_ENDPOINTS.reset, JSON.stringify(reset('m')), 'text/plain');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
  });

  it('refuses invalid UTF-8 with 400 bad-encoding instead of replacing it', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"protocol":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const response = await post(SUT_ENDPOINTS.reset, bytes);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body).toMatchObject({ error: { code: 'bad-encoding' } });
    expect(body.error.message).toContain('offset 13');
  });

  it('cuts a trickled body after the body timeout with 408', async () => {
    const { port } = new URL(server.url);
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST ${SUT_ENDPOINTS.reset} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"pro`,
        );
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"timeout"');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('issue 13 defect 1: a request that ended the process', () => {
  it('a reset at +275760-09-13 is 400 and the server answers the next request', async () => {
    const far = await postJson(SUT_ENDPOINTS.reset, {
      ...reset('f'),
      start: '+275760-09-13T00:00:00.000Z',
    });
    expect(far.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await postJson(SUT_ENDPOINTS.reset, reset('f'))).status).toBe(200);
  });
});

describe('issue 13 defect 10: 500 concurrent tests on loopback', () => {
  it('each of 500 concurrent tests resets, gets its QR mail and moves its clock', async () => {
    const one = async (i: number) => {
      const id = `c${i}`;
      const r = await postJson(SUT_ENDPOINTS.reset, reset(id));
      const d = await postJson(SUT_ENDPOINTS.deliver, application(id));
      const c = await postJson(SUT_ENDPOINTS.clock, {
        protocol: SUT_PROTOCOL_VERSION,
        testId: id,
        now: '2026-03-21T10:00:00.000+01:00',
      });
      return r.status === 200 && d.status === 200 && d.body.outbox.length === 1 && c.status === 200;
    };
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => one(i)));
    expect(results.filter((ok) => !ok).length).toBe(0);
  }, 60_000);
});

describe('issue 13 Build 6: protocol fuzz over HTTP (vnb)', () => {
  it('300 mutated or garbage bodies: never a 500, and a valid test passes after', async () => {
    const seed = Date.now() % 2_147_483_647;
    const bodies = fc.sample(
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc
          .record({
            key: fc.constantFrom('start', 'zone', 'parties', 'seed', 'parameters', 'testId'),
            value: fc.jsonValue({ maxDepth: 2 }),
          })
          .map(({ key, value }) => JSON.stringify({ ...reset('z'), [key]: value })),
        fc.string().map((s) => `{"protocol":"${s}`),
      ),
      { seed, numRuns: 300 },
    );
    const failures: string[] = [];
    for (const body of bodies) {
      const response = await post(SUT_ENDPOINTS.reset, body);
      if (response.status >= 500)
        failures.push(`seed ${seed}: ${body.slice(0, 200)} → ${await response.text()}`);
      else await response.arrayBuffer();
    }
    expect(failures.slice(0, 3)).toEqual([]);
    expect((await postJson(SUT_ENDPOINTS.reset, reset('after'))).status).toBe(200);
    expect((await postJson(SUT_ENDPOINTS.deliver, application('after'))).body.outbox).toHaveLength(
      1,
    );
    expect(logged).toEqual([]);
  }, 60_000);
});
