import { PROCESSES } from '@consent-sim/conformance';
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
    processes: PROCESSES,
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
    // The activation (VNB_16) comes a day early: before the objection at the deadline, and
    // without one. The check cites the SUT's step, not the harness party's.
    const cited = (path: string) => fails.filter((c) => c.path === path).map((c) => c.step);
    expect(cited('objection-at-deadline')).toContain('CM_REQ_OFF_VNB_16');
    expect(cited('happy-path')).toContain('CM_REQ_OFF_VNB_16');
  }, 60_000);

  it('another rejection code is a WARNING (exit 0), and a FAIL with --strict (exit 1)', async () => {
    const mutant = PROCESSES['cm-req-off'].mutants.find((m) => m.id === 'cm-req-off/expired-177');
    if (mutant === undefined) throw new Error('mutant cm-req-off/expired-177 is gone');
    const server = await serve('vnb', { vnb: mutant.machine() });
    const args = [
      '--role',
      'vnb',
      '--target',
      server.url,
      '--source',
      'scenario',
      '--format',
      'json',
    ];
    const lenient = await conform(args);
    const strictRun = await conform([...args, '--strict']);
    type Report = { strict: boolean; checks: { verdict: string; title: string; actual: string }[] };
    const warnings = (JSON.parse(lenient.out) as Report).checks.filter(
      (c) => c.verdict === 'WARNING',
    );
    expect(lenient.code).toBe(0);
    expect(warnings.map((c) => c.actual)).toContainEqual(
      expect.stringContaining('ABLEHNUNG_CMQF vnb→sp [177]'),
    );
    const report = JSON.parse(strictRun.out) as Report;
    expect(strictRun.code).toBe(1);
    expect(report.strict).toBe(true);
    expect(report.checks.filter((c) => c.verdict === 'FAIL').map((c) => c.title)).toContainEqual(
      expect.stringContaining('[strict: a WARNING under OFF-RESPONSE-CODES]'),
    );
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

describe('issue 12 build 4: per-path caps, stated and changeable', () => {
  it('--max-messages below what a path needs FAILs that path: "more than N messages — the SUT keeps sending"', async () => {
    const server = await serve('vnb');
    const result = await conform([
      '--role',
      'vnb',
      '--target',
      server.url,
      '--source',
      'scenario',
      '--scenario',
      'happy-path',
      '--max-messages',
      '1',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/more than 1 messages to your vnb — the SUT keeps sending/);
  }, 120_000);

  it('refuses caps out of range as usage errors (exit 2)', async () => {
    for (const args of [
      ['--max-messages', '0'],
      ['--max-days', '36501'],
      ['--max-days', '1.5'],
    ]) {
      const result = await conform(['--role', 'vnb', '--target', 'http://127.0.0.1:9', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(args[0]);
    }
  });
});
