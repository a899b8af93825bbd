/**
 * Issue 12 item 2: a SUT that reports no steps gets a weaker run that says so (NOT_JUDGED checks,
 * counted, exit 0), and `--require-steps` makes those checks FAILs that name the step.
 */
import { PROCESSES } from '@consent-sim/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { type RunningSutServer, startSutServer } from '../serve/server.ts';
import { shippedScenariosIo } from '../testing.ts';

const running: RunningSutServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

interface JsonReport {
  summary: { notJudged: number; fail: number };
  checks: { id: string; verdict: string; title: string; step: string | null }[];
}

async function conformWithoutSteps(role: string, scenario: string, extra: string[] = []) {
  const server = await startSutServer({
    processes: PROCESSES,
    role,
    host: '127.0.0.1',
    port: 0,
    reportSteps: false,
  });
  running.push(server);
  const io = shippedScenariosIo();
  const args = ['conform', '--role', role, '--target', server.url, '--scenario', scenario];
  const code = await runMain([...args, ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

describe('sim conform against a SUT that reports no steps', () => {
  it('the reference Datahub without steps: NOT_JUDGED checks for its own steps and exclusions, counted, exit 0', async () => {
    const { code, out } = await conformWithoutSteps('datahub', 'no-recipient-no-email', [
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as JsonReport;
    const notJudged = report.checks.filter((c) => c.verdict === 'NOT_JUDGED');
    expect(notJudged.length).toBeGreaterThan(0);
    expect(report.summary.notJudged).toBe(notJudged.length);
    for (const check of notJudged) expect(check.title).toContain('the SUT reports no steps');
    expect(notJudged.map((c) => c.step)).toContain('DH-831.DH.APPROVE');
    const verdictOf = (id: string) =>
      report.checks.find((c) => c.id === `no-recipient-no-email:${id}`)?.verdict;
    // stepsExclude: the Datahub's own e-mail steps cannot be seen without steps; the customer's
    // step is the harness's party's, seen in its trace, so it still PASSes.
    expect(verdictOf('exclude#0')).toBe('NOT_JUDGED');
    expect(verdictOf('exclude#1')).toBe('NOT_JUDGED');
    expect(verdictOf('exclude#2')).toBe('PASS');
  }, 60_000);

  it('says so in the text summary and as skipped JUnit test cases', async () => {
    const text = await conformWithoutSteps('vnb', 'happy-path');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/\d+ not judged \(the SUT reports no steps\)/);
    const junit = await conformWithoutSteps('vnb', 'happy-path', ['--format', 'junit']);
    expect(junit.out).toMatch(/<skipped message="NOT_JUDGED: step \d+: CM_REQ_OFF_VNB_/);
    expect(junit.out).not.toContain('<failure');
  }, 60_000);

  it('--require-steps: each NOT_JUDGED check is a FAIL naming the step, exit 1', async () => {
    const { code, out } = await conformWithoutSteps('vnb', 'happy-path', [
      '--require-steps',
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    expect(report.summary.notJudged).toBe(0);
    const fails = report.checks.filter((c) => c.verdict === 'FAIL');
    expect(fails.length).toBeGreaterThan(0);
    expect(fails.map((c) => c.step)).toContain('CM_REQ_OFF_VNB_16');
    for (const check of fails) expect(check.title).toContain('--require-steps');
  }, 60_000);

  it('--require-steps changes nothing for a SUT that reports its steps', async () => {
    const server = await startSutServer({
      processes: PROCESSES,
      role: 'vnb',
      host: '127.0.0.1',
      port: 0,
    });
    running.push(server);
    const io = shippedScenariosIo();
    const code = await runMain(
      [
        'conform',
        '--role',
        'vnb',
        '--target',
        server.url,
        '--scenario',
        'happy-path',
        '--require-steps',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).not.toContain('not judged');
  }, 60_000);
});
