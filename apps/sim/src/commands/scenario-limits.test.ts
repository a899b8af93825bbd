// Issue 13 item 2/3: no scenario file can run without bound. A `dateTo` in year 9999 with
// daily deliveries ran past 120 s at 1.8 GB; now every run is bounded in virtual time and in
// engine events, and a run that reaches a bound fails (exit 1) naming the limit and its flag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { SCENARIOS_DIR } from '../scenarios.ts';
import { shippedScenariosIo } from '../testing.ts';

const periodic = readFileSync(join(SCENARIOS_DIR, 'cm-req-off/periodic-data-delivery.yaml'), 'utf8')
  .replace(/^name: .*$/m, 'name: far')
  .replace(/dateTo: 2026-04-09/, 'dateTo: 9999-12-31');

function farIo() {
  const io = shippedScenariosIo();
  io.files.set('/work/far.yaml', new TextEncoder().encode(periodic));
  return io;
}

describe('sim scenario limits', () => {
  it('a run that would go past --max-span stops there and fails, naming the flag', async () => {
    const io = farIo();
    expect(await runMain(['scenario', 'far.yaml', '--max-span', 'P60D'], io)).toBe(1);
    expect(io.out()).toMatch(/the run stopped at the span limit: a task is due after 2026-05-01/);
    expect(io.out()).toContain('--max-span');
  });

  it('a run that would take more than --max-events engine events stops and fails, naming the flag', async () => {
    const io = farIo();
    expect(await runMain(['scenario', 'far.yaml', '--max-events', '300'], io)).toBe(1);
    expect(io.out()).toMatch(/300 events without going idle .*--max-events 1500/);
  });

  it('the shipped scenario itself stays within tight limits and passes', async () => {
    const io = shippedScenariosIo();
    const args = ['scenario', 'cm-req-off/periodic-data-delivery', '--max-span', 'P60D'];
    expect(await runMain(args, io)).toBe(0);
  });

  it.each([
    ['--max-span', 'P1Y', /--max-span must be a duration in days or hours/],
    ['--max-span', 'P99999D', /up to P36600D/],
    ['--max-events', '0', /--max-events must be a whole number/],
    ['--max-events', 'lots', /--max-events must be a whole number/],
  ])('%s %s is a usage error (exit 2)', async (flag, value, message) => {
    const io = shippedScenariosIo();
    expect(await runMain(['scenario', 'cm-req-off/happy-path', flag, value], io)).toBe(2);
    expect(io.err()).toMatch(message);
  });
});
