// Issue 11 item 4: a run counts as "the other reading of KEY" only when it matches that reading's
// run exactly. Neighbouring wrong DSOs — a DST correction with the wrong sign, a 31-day window —
// come within an hour of the 24-hour reading on most paths; the probes at 30 × 24 h (+ 1 ms) and
// 5 × 24 h + 1 ms tell them apart, and they FAIL without --strict.
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { runRoleUntilFail } from '../mutants/run.ts';
import { PROCESSES } from '../processes/index.ts';

const plugin = PROCESSES['cm-req-off'];
const scenarios = shippedScenarios('cm-req-off');
const mutant = (id: string) => {
  const found = plugin.mutants.find((m) => m.id === `cm-req-off/${id}`);
  if (found === undefined) throw new Error(`no mutant ${id}`);
  return found;
};

describe('strict recognition of other readings (OFF-DAYS)', () => {
  for (const [id, probe] of [
    ['redemption-dst-wrong-sign', 'd1f29abd0339'],
    // Autumn: 30 days are 721 h here, 720 h in the reading, 719 h with the wrong sign.
    ['redemption-dst-wrong-sign', 'redeemed-autumn-719h'],
    ['redemption-31-days', 'd1f29abd0339'],
    ['objection-dst-wrong-sign', 'd9c874fbffea'],
  ] as const) {
    it(`${id} FAILs on the probe ${probe}, not "matches the other reading of OFF-DAYS"`, async () => {
      const m = mutant(id);
      const verdict = await runRoleUntilFail(plugin, 'vnb', { vnb: m.machine() }, [probe], {
        scenarios,
        maxPaths: 0,
      });
      expect(verdict.status).toBe('KILLED');
      if (verdict.status !== 'KILLED') return;
      expect(verdict.strict).toBe(false);
      expect(verdict.check.title).not.toContain('matches the other reading');
    }, 60_000);
  }

  it('the 24-hour reading itself, on the same probes, is a WARNING naming OFF-DAYS (PASS in autumn at 719 h + 1 ms)', async () => {
    const reading = plugin.readings.find((r) => r.reading === 'days are multiples of 24 h');
    if (reading === undefined) throw new Error('no 24-hour reading');
    const probes = ['b582bfcaeed9', 'd1f29abd0339', 'd9c874fbffea', 'redeemed-autumn-719h'];
    const verdict = await runRoleUntilFail(plugin, 'vnb', { vnb: reading.machine() }, probes, {
      scenarios,
      maxPaths: 0,
    });
    expect(verdict.status === 'KILLED' ? verdict.check : verdict.status).toBe('SURVIVED');
    const strict = await runRoleUntilFail(plugin, 'vnb', { vnb: reading.machine() }, probes, {
      scenarios,
      maxPaths: 0,
      strict: true,
    });
    expect(strict.status === 'KILLED' ? strict.check.title : '').toContain(
      'matches the other reading of OFF-DAYS',
    );
  }, 60_000);
});
