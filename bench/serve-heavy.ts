/**
 * Heavy XML does not stall other tests (issue 13 build 3): a served DSO (`sim serve --role vnb`,
 * its own process) gets rounds of concurrent deliveries of the heaviest documents its guard lets
 * through — 1 MiB, 19 990 elements, 9 990 attributes, well-formed — and, as a second load, the
 * 90 000-attribute document that once cost ~3 s (now refused by the guard's count before any
 * parser). Meanwhile an unrelated test moves its clock, one request after another; its latency
 * is the measure. Target: every `clock` under 100 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BenchSection } from './run.ts';

const MAIN = fileURLToPath(new URL('../apps/sim/src/main.ts', import.meta.url));
const PROTOCOL = 'consent-sim.sut/1';
const CONCURRENT = 12;
const ROUNDS = 8;
const NS = 'http://www.ebutilities.at/schemata/customerprocesses/cmrequest/01p10';

/** Well-formed, inside every guard limit, as heavy as they allow. */
function heavyDocument(): string {
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<cp:CMRequest xmlns:cp="${NS}">`];
  for (let i = 0; i < 19_990; i += 1) {
    parts.push(
      i < 9_989 ? `<cp:E a='${i}'>${'x'.repeat(30)}</cp:E>` : `<cp:E>${'y'.repeat(12)}</cp:E>`,
    );
  }
  parts.push('</cp:CMRequest>');
  const text = parts.join('');
  return text;
}

/** 90 000 attributes in under 1 MiB (single quotes: nothing to escape in JSON). */
function attributeFlood(): string {
  const elements = Array.from({ length: 9_000 }, (_, i) => {
    const attrs = Array.from(
      { length: 10 },
      (_, j) => `${String.fromCharCode(97 + j)}='${i % 10}'`,
    );
    return `<e ${attrs.join(' ')}/>`;
  });
  return `<cp:CMRequest xmlns:cp="${NS}">${elements.join('')}</cp:CMRequest>`;
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'serve', '--role', 'vnb', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /at (http:\/\/\S+)/.exec(seen);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code} before listening`)));
  });
  return { child, url };
}

const resetBody = (testId: string) => ({
  protocol: PROTOCOL,
  testId,
  process: 'cm-req-off',
  role: 'vnb',
  seed: 1,
  start: '2026-03-20T10:00:00.000+01:00',
  zone: 'Europe/Vienna',
  parties: [
    { id: 'vnb', role: 'vnb', address: 'AT001000' },
    { id: 'sp', role: 'sp', address: 'EP100200' },
    { id: 'customer', role: 'customer', address: 'olivia@example.net' },
  ],
  parameters: { meteringPoints: 1 },
});

async function post(url: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(new URL(`/consent-sim/v1/${path}`, url), {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Moves the quiet test's clock one minute at a time, one request after another, in a thread of
 * its own: the latencies are the server's, not this process's (which sends the heavy bodies).
 * Stops when told; answers the latencies in ms.
 */
const CLOCK_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  const latencies = [];
  for (let minute = 1; !stop; minute += 1) {
    // The thread's first request sets up its HTTP client (~300 ms): not counted; then ready.
    if (minute === 2) parentPort.postMessage('ready');
    const now = new Date(Date.parse('2026-03-20T09:00:00.000Z') + minute * 60000).toISOString();
    const started = performance.now();
    const response = await fetch(new URL('/consent-sim/v1/clock', workerData.url), {
      method: 'POST',
      body: JSON.stringify({ protocol: workerData.protocol, testId: 'quiet', now }),
      headers: { 'content-type': 'application/json' },
    });
    await response.arrayBuffer();
    if (minute > 1) latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error('clock answered ' + response.status);
  }
  parentPort.postMessage(latencies);
})();
`;

async function clockLoop(url: string): Promise<{ stop: () => Promise<number[]> }> {
  const worker = new Worker(CLOCK_LOOP, { eval: true, workerData: { url, protocol: PROTOCOL } });
  const messages: unknown[] = [];
  let wake = () => {};
  worker.on('message', (message) => {
    messages.push(message);
    wake();
  });
  const next = async () => {
    while (messages.length === 0) {
      await new Promise<void>((resolve, reject) => {
        wake = resolve;
        worker.once('error', reject);
      });
    }
    return messages.shift();
  };
  await next(); // 'ready'
  const result = next() as Promise<number[]>;
  return {
    stop: async () => {
      worker.postMessage('stop');
      const latencies = await result;
      await worker.terminate();
      return latencies;
    },
  };
}

async function measure(url: string, document: string | null, label: string) {
  await post(url, 'reset', resetBody('quiet'));
  for (let i = 0; i < CONCURRENT; i += 1) await post(url, 'reset', resetBody(`heavy-${i}`));
  // Every body serialised before the clock starts, so this process is idle while sending.
  const bodies = Array.from({ length: document === null ? 0 : ROUNDS }, (_, round) =>
    Array.from({ length: CONCURRENT }, (_, i) =>
      JSON.stringify({
        protocol: PROTOCOL,
        testId: `heavy-${i}`,
        deliveryId: `r${round}`,
        channel: 'eda',
        from: 'sp',
        to: 'vnb',
        messageCode: 'ANFORDERUNG_CMQF',
        document,
        at: '2026-03-20T10:00:00.000+01:00',
      }),
    ),
  );
  const loop = await clockLoop(url);
  const statuses: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    const round_ = bodies[round];
    if (round_ === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    statuses.push(...(await Promise.all(round_.map((body) => post(url, 'deliver', body)))));
  }
  const wallMs = performance.now() - started;
  const latencies = (await loop.stop()).sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const over = latencies.filter((ms) => ms >= 100).length;
  const top = latencies.slice(-3).reverse();
  return {
    label,
    n: latencies.length,
    p50: at(0.5),
    p95: at(0.95),
    max: at(1),
    over,
    top,
    wallMs,
    statuses,
  };
}

export default async function serveHeavyBench(): Promise<BenchSection> {
  const heavy = heavyDocument();
  const flood = attributeFlood();
  const loadStart = loadavg()[0] ?? 0;
  const { child, url } = await startServer();
  try {
    const runs = [
      await measure(url, null, 'no other load (baseline)'),
      await measure(
        url,
        heavy,
        `heavy: ${(heavy.length / 1024).toFixed(0)} KiB, 19 990 elements, 9 989 attributes (accepted by the guard)`,
      ),
      await measure(
        url,
        flood,
        `flood: ${(flood.length / 1024).toFixed(0)} KiB, ~90 000 attributes (refused by the guard)`,
      ),
    ];
    const rows = runs.map(
      (r) =>
        `| ${r.label} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | **${r.max.toFixed(1)}** | ${r.over} | ${r.top.map((ms) => ms.toFixed(0)).join(', ')} | ${r.wallMs.toFixed(0)} | ${[...new Set(r.statuses)].join(', ') || '–'} |`,
    );
    const worst = Math.max(...runs.map((r) => r.max));
    return {
      title: 'A served role under heavy XML: an unrelated test’s clock',
      markdown: `
\`sim serve --role vnb\` in its own process (tsx); ${ROUNDS} rounds of ${CONCURRENT} concurrent \`deliver\`s of one document each, while another test moves its clock one request after another. Load average ${loadStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.

| load on the other tests | clock requests | p50 ms | p95 ms | max ms | ≥ 100 ms | three slowest ms | load wall ms | deliver status |
|---|---:|---:|---:|---:|---:|---|---:|---|
${rows.join('\n')}

Target: every \`clock\` of the unrelated test under 100 ms: **${worst < 100 ? 'met' : 'not met'}** (worst ${worst.toFixed(1)} ms).

History, each row set taken at the load average it names (rows are only comparable at a similar load). Before the heavy lane and the parse-once cache (commit 42707e2, 2026-12-04, load 4.6): heavy max 4 232 ms, p50 768 ms, the 96 deliveries 31.6 s. With the lane and the cache (4860c1f, load 1.3): heavy max 227 ms. With the parse in a worker that handed back the element tree (a9ea053, load 3.2): max 164 ms, 33 clocks ≥ 100 ms, the 96 deliveries 11.3 s — copying and collecting the tree cost the event loop ~200 ms per heavy request, and the document was parsed a second time on the main thread. Since 2026-12-05 (3dd9e71, a9ef89a, 3d610e1) the worker hands back only the reader's result (a few hundred bytes), a rejected document's ids are found by name instead of by seven regular expressions over the whole text, the worker starts with the server, and this bench times the clock from a thread of its own (before, its own event loop also serialised and sent the 12 MiB of each round): worst 85–91 ms at load 3, but single clocks at 101–133 ms at load 2. Then (947ac3c) a large body's UTF-8 decode and JSON parse became a step of the heavy lane too: twelve bodies that end together were decoded back to back in one tick.`,
    };
  } finally {
    child.kill('SIGTERM');
  }
}
