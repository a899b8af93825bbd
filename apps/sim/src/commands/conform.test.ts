import { addCalendarDays, cmReqOff, VIENNA } from '@consent-sim/core';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { type RunningSutServer, startSutServer } from '../serve/server.ts';
import { shippedScenariosIo } from '../testing.ts';

const running: RunningSutServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function serve(role: string, machines?: Parameters<typeof startSutServer>[0]['machines']) {
  const server = await startSutServer({
    role,
    host: '127.0.0.1',
    port: 0,
    ...(machines ? { machines } : {}),
  });
  running.push(server);
  return server;
}

async function conform(args: string[], files: Record<string, string> = {}) {
  const io = shippedScenariosIo();
  for (const [path, text] of Object.entries(files)) io.writeFile(path, text);
  const code = await runMain(['conform', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('sim conform against sim serve', () => {
  it('a DSO whose objection window is 4 days fails, citing the objection step', async () => {
    const fourDays = (receivedAt: number) => addCalendarDays(receivedAt, 4, VIENNA);
    const consent = cmReqOff.vnbConsentMachine.provide({
      delays: {
        objectionTimeout: ({ context }) => {
          const receivedAt = context.redemption?.receivedAt ?? 0;
          return fourDays(receivedAt) + 1 - receivedAt;
        },
      },
      guards: {
        objectionInTime: ({ context, event }) =>
          event.type === 'objection' && event.at <= fourDays(context.redemption?.receivedAt ?? 0),
      },
    });
    const wrongDso = cmReqOff.vnbWithConsentMachine(consent);
    const server = await serve('vnb', { vnb: wrongDso });
    const result = await conform([
      '--role',
      'vnb',
      '--target',
      server.url,
      '--source',
      'scenario',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as {
      checks: { verdict: string; step: string | null; path: string }[];
    };
    const fails = report.checks.filter((c) => c.verdict === 'FAIL');
    expect(fails.length).toBeGreaterThan(0);
    // The objection in time (at the deadline) is answered with a rejection (VNB_13), and the
    // activation (VNB_16) after the 5-day window comes a day early.
    const cited = (path: string) => fails.filter((c) => c.path === path).map((c) => c.step);
    expect(cited('objection-at-deadline')).toContain('CM_REQ_OFF_VNB_13');
    expect(cited('happy-path')).toContain('CM_REQ_OFF_VNB_16');
  }, 60_000);

  it('an unreachable target is a clear error, not a hang', async () => {
    const server = await serve('vnb');
    const url = server.url;
    await server.close();
    running.pop();
    const result = await conform([
      '--role',
      'vnb',
      '--target',
      url,
      '--max-paths',
      '1',
      '--timeout',
      '2000',
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('cannot reach the target');
  });
});
