import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { SCENARIOS_DIR } from '../scenarios.ts';
import { memoryIo, shippedScenariosIo } from '../testing.ts';

const DH_SCENARIOS = readdirSync(join(SCENARIOS_DIR, 'dh-831')).filter((f) =>
  f.endsWith('.yaml'),
).length;

describe('sim coverage', () => {
  it('prints covered/total per category and the gaps; exit 1 while a gap has no reason', async () => {
    const io = shippedScenariosIo();
    const code = await runMain(['coverage', '--process', 'dh-831', '--source', 'scenario'], io);
    expect(code).toBe(1);
    expect(io.out()).toContain(`coverage of dh-831 over ${DH_SCENARIOS} runs`);
    expect(io.out()).toContain('  steps            26/26  100%');
    expect(io.out()).toContain('EC.MSG.002, EC.MSG.003, EC.MSG.004: DH-SIM:');
    expect(io.out()).not.toContain('coverage of cm-req-off');
  });

  it('writes JSON with every category of both processes', async () => {
    const io = shippedScenariosIo();
    const code = await runMain(['coverage', '--source', 'scenario', '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out()) as {
      format: string;
      coverages: Array<{
        process: string;
        categories: Record<string, { covered: number; total: number }>;
      }>;
    };
    expect(report.format).toBe('consent-sim.coverage/1');
    expect(report.coverages.map((c) => c.process)).toEqual(['cm-req-off', 'dh-831']);
    expect(Object.keys(report.coverages[0]?.categories ?? {})).toEqual([
      'steps',
      'gateways',
      'messageCodes',
      'responseCodes',
      'deadlines',
    ]);
    expect(report.coverages[0]?.categories.steps).toMatchObject({ covered: 37, total: 37 });
  });

  it('--source conform: the negative suites provoke every rejection rule of both processes at the served role', async () => {
    const io = shippedScenariosIo();
    await runMain(['coverage', '--source', 'conform', '--format', 'json'], io);
    const report = JSON.parse(io.out()) as {
      coverages: Array<{
        process: string;
        categories: Record<string, { items: { id: string; coveredBy: string[] }[] }>;
      }>;
    };
    const [cm, dh] = report.coverages;
    const rejections = (cm?.categories.gateways?.items ?? []).filter((i) =>
      i.id.startsWith('VNB_06.no.'),
    );
    expect(rejections).toHaveLength(8);
    for (const item of rejections) expect(item.coveredBy, item.id).not.toEqual([]);
    const errorIds = dh?.categories.errorIds?.items ?? [];
    expect(errorIds).toHaveLength(19);
    for (const item of errorIds) expect(item.coveredBy, item.id).not.toEqual([]);
    // Together with the paths nothing is left to "a system under test" any more.
    const all = shippedScenariosIo();
    await runMain(['coverage', '--process', 'dh-831'], all);
    expect(all.out()).toContain('errorIds         19/19  100%');
    expect(all.out()).not.toContain('only a system under test');
  }, 180_000);

  it('--help shows an example; a wrong option value or an argument is a usage error (2)', async () => {
    const help = memoryIo();
    expect(await runMain(['coverage', '--help'], help)).toBe(0);
    expect(help.out()).toContain('pnpm sim coverage --process dh-831');
    for (const args of [
      ['coverage', '--process', 'cm-req-on'],
      ['coverage', '--source', 'dice'],
      ['coverage', '--format', 'xml'],
      ['coverage', 'extra'],
    ]) {
      const io = memoryIo();
      expect(await runMain(args, io)).toBe(2);
      expect(io.err()).toContain('Usage: pnpm sim coverage');
    }
  });
});
