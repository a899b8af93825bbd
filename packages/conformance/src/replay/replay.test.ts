import { renderJson } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../processes/index.ts';
import { checkRandomRuns } from './property.ts';
import { FAULT_KINDS, KeepError, randomRun } from './random-run.ts';
import { judgeRandomRun, replayCommand } from './verdict.ts';

describe('seeded random runs', () => {
  for (const process of ['cm-req-off', 'dh-831'] as const) {
    it(`${process}: 30 random runs with random fault kinds keep every invariant`, () => {
      expect(() =>
        checkRandomRuns(PROCESSES[process], { seed: 20260302, numRuns: 30 }),
      ).not.toThrow();
    });

    it(`${process}: a seed gives byte-identical renderJson twice`, () => {
      const first = judgeRandomRun(randomRun(PROCESSES[process], 4242)).result;
      const second = judgeRandomRun(randomRun(PROCESSES[process], 4242)).result;
      expect(renderJson(second)).toBe(renderJson(first));
    });
  }

  it('swarm: different seeds enable different subsets of the fault kinds', () => {
    const subsets = new Set(
      Array.from({ length: 40 }, (_, seed) =>
        randomRun(PROCESSES['dh-831'], seed).faultKinds.join(','),
      ),
    );
    expect(subsets.size).toBeGreaterThan(8);
    for (const kind of FAULT_KINDS) {
      expect([...subsets].some((subset) => subset.includes(kind))).toBe(true);
      expect([...subsets].some((subset) => !subset.includes(kind))).toBe(true);
    }
  });

  it('keep: indices in any order; one the seed did not generate, or a repeated one, throws', () => {
    const plugin = PROCESSES['cm-req-off'];
    const { generated } = randomRun(plugin, 5);
    expect(randomRun(plugin, 5, [generated - 1, 0]).kept).toEqual([0, generated - 1]);
    expect(() => randomRun(plugin, 5, [generated])).toThrow(
      new KeepError(
        `${generated}: seed 5 of cm-req-off generated ${generated} stimuli (0–${generated - 1})`,
      ),
    );
    expect(() => randomRun(plugin, 5, [0, 0])).toThrow(KeepError);
  });

  it('a broken run is shrunk to its smallest stimulus list and names the replay command', () => {
    // A deliberately strict judge: any run in which the customer hands the QR code over breaks.
    const judge = (run: ReturnType<typeof randomRun>) =>
      run.scenario.stimuli.some((s) => s.event === 'handOver') ? ['customer handed over'] : [];
    let message = '';
    try {
      checkRandomRuns(PROCESSES['cm-req-off'], { seed: 7, numRuns: 30, judge });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    const command =
      /`(pnpm sim replay --seed (\d+) --process cm-req-off(?: --keep ([\d,]+))?)`/.exec(message);
    expect(command, message).not.toBeNull();
    const seed = Number(command?.[2]);
    const keep = (command?.[3] ?? '').split(',').filter(Boolean).map(Number);
    const shrunk = randomRun(PROCESSES['cm-req-off'], seed, keep.length > 0 ? keep : undefined);
    // Smallest: exactly the one hand-over remains.
    expect(shrunk.scenario.stimuli.map((s) => s.event)).toEqual(['handOver']);
    expect(replayCommand(shrunk)).toBe(command?.[1]);
  });
});
