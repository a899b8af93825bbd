import { afterAll, describe, expect, it } from 'vitest';
import { junitProblems } from '../../../../test-support/junit-schema.ts';
import { runMain } from '../cli.ts';
import type { RunningSutServer } from '../serve/server.ts';
import { serveMutant, shippedScenariosIo } from '../testing.ts';

const running: RunningSutServer[] = [];
afterAll(async () => {
  for (const server of running) await server.close();
});

describe('JUnit reports against the project JUnit XSD (test-support/junit.xsd)', () => {
  it('sim scenario --all --format junit validates, one testsuite per scenario', async () => {
    const io = shippedScenariosIo();
    expect(await runMain(['scenario', '--all', '--format', 'junit'], io)).toBe(0);
    const xml = io.out();
    expect(await junitProblems(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)?.length).toBe(xml.match(/<property name="seed"/g)?.length);
    expect(xml).toContain('<testsuite name="cm-req-off/happy-path" package="cm-req-off"');
  }, 120_000);

  it('sim conform --format junit validates, a testsuite per path named by its title, FAILs typed with a body', async () => {
    const server = await serveMutant('cm-req-off/objection-4-days');
    running.push(server);
    const io = shippedScenariosIo();
    const args = ['conform', '--role', 'vnb', '--target', server.url, '--format', 'junit'];
    // A path that passes and one that fails (the DSO's window is one day short).
    const code = await runMain(
      [
        ...args,
        '--path',
        'hand over day 6 → object at the deadline',
        '--scenario',
        'customer-declines',
      ],
      io,
    );
    expect(code).toBe(1);
    const xml = io.out();
    expect(await junitProblems(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toMatch(
      /<testsuite name="[^"]+" id="customer-declines" package="cm-req-off" tests="\d+" failures="0" errors="0"/,
    );
    expect(xml).toMatch(
      /<testsuite name="apply → hand over day 6 → object at the deadline" id="[0-9a-f]{12}" package="cm-req-off" tests="\d+" failures="\d+" errors="0" skipped="0" time="[\d.]+" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d">/,
    );
    expect(xml).toMatch(
      /<failure type="step" message="step \d+: CM_REQ_OFF_VNB_10 \(instant: 23 h 59 min earlier\)">expected: CM_REQ_OFF_VNB_10 by vnb at 2026-03-31T10:00:03.000\+02:00\nactual: {3}CM_REQ_OFF_VNB_10 by vnb at 2026-03-30T10:00:03.001\+02:00\nat: .*\nstep: {5}CM_REQ_OFF_VNB_10\nkeys: .*\nfinding: {2}F1, the root cause in 1 path\(s\)\nreproduce: pnpm sim conform --role vnb --process cm-req-off --target \S+ --seed 1 --path [0-9a-f]{12}<\/failure>/,
    );
  }, 120_000);
});
