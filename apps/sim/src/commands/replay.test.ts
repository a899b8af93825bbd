import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { memoryIo } from '../testing.ts';

describe('sim replay', () => {
  it('regenerates a seeded random run: timeline, fault kinds, verdict; exit 0 when it holds', async () => {
    const io = memoryIo();
    expect(await runMain(['replay', '--seed', '42', '--process', 'dh-831'], io)).toBe(0);
    expect(io.out()).toContain('pnpm sim replay --seed 42 --process dh-831\n  fault kinds: ');
    expect(io.out()).toContain('DH-831.SELLER.SEND');
    expect(io.err()).toBe('HOLDS pnpm sim replay --seed 42 --process dh-831\n');
  });

  it('--format json is byte-identical for the same seed; --keep shrinks the stimuli', async () => {
    const outputs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const io = memoryIo();
      expect(
        await runMain(['replay', '--seed', '7', '--process', 'cm-req-off', '--format', 'json'], io),
      ).toBe(0);
      outputs.push(io.out());
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(JSON.parse(outputs[0] ?? '').scenario).toBe('cm-req-off/replay-7');
    const kept = memoryIo();
    expect(
      await runMain(['replay', '--seed', '7', '--process', 'cm-req-off', '--keep', '0'], kept),
    ).toBe(0);
    expect(kept.out()).toMatch(/--keep 0\n {2}fault kinds: .*; stimuli kept: 1 of \d+/);
  });

  it('without --process runs both processes for the seed', async () => {
    const io = memoryIo();
    expect(await runMain(['replay', '--seed', '3'], io)).toBe(0);
    expect(io.err()).toBe(
      'HOLDS pnpm sim replay --seed 3 --process cm-req-off\nHOLDS pnpm sim replay --seed 3 --process dh-831\n',
    );
  });

  it('--keep with an index the seed did not generate, or one listed twice, is a usage error (2)', async () => {
    const all = memoryIo();
    expect(await runMain(['replay', '--seed', '5', '--process', 'cm-req-off'], all)).toBe(0);
    const generated = Number(/stimuli kept: (\d+) of \1\n/.exec(all.out())?.[1]);
    expect(generated).toBeGreaterThan(1);
    const last = generated - 1;
    for (const [keep, message] of [
      ['999', `--keep 999: seed 5 of cm-req-off generated ${generated} stimuli (0–${last})`],
      [
        `0,${generated}`,
        `--keep ${generated}: seed 5 of cm-req-off generated ${generated} stimuli`,
      ],
      ['1,0,1', '--keep 1: listed more than once; list each stimulus index once'],
    ] as const) {
      const io = memoryIo();
      const args = ['replay', '--seed', '5', '--process', 'cm-req-off', '--keep', keep];
      expect(await runMain(args, io), keep).toBe(2);
      expect(io.err(), keep).toContain(message);
      expect(io.out(), keep).toBe('');
    }
    const inRange = memoryIo();
    const args = ['replay', '--seed', '5', '--process', 'cm-req-off', '--keep', `${last},0`];
    expect(await runMain(args, inRange)).toBe(0);
    expect(inRange.err()).toContain(`--keep 0,${last}\n`);
  });

  it('--help shows an example; a missing or bad option is a usage error (2)', async () => {
    const help = memoryIo();
    expect(await runMain(['replay', '--help'], help)).toBe(0);
    expect(help.out()).toContain('pnpm sim replay --seed 42 --process dh-831');
    for (const args of [
      ['replay'],
      ['replay', '--seed', 'x'],
      ['replay', '--seed', '1', '--keep', '1,a'],
      ['replay', '--seed', '1', '--process', 'dh-832'],
      ['replay', '--seed', '1', 'extra'],
    ]) {
      const io = memoryIo();
      expect(await runMain(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toContain('Usage: pnpm sim replay');
    }
  });
});
