import { describe, expect, it } from 'vitest';
import { colorsFor } from './colors.ts';
import { progressFor } from './progress.ts';
import { memoryIo } from './testing.ts';

describe('progress of a long run (issue 14 item 5)', () => {
  it('in CI or a pipe: one line per finished item with the counts so far, then a summary', () => {
    const io = memoryIo();
    const progress = progressFor(io, colorsFor(io), { noun: 'paths', total: 3 });
    progress.step('model p1', false);
    progress.step('model p2', true);
    progress.step('scenario s1', false);
    progress.finish('PASS vnb: 3 paths');
    expect(io.err()).toBe(
      [
        'PASS model p1 [1/3 paths, 0 FAIL so far]',
        'FAIL model p2 [2/3 paths, 1 FAIL so far]',
        'PASS scenario s1 [3/3 paths, 1 FAIL so far]',
        'PASS vnb: 3 paths',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal outside CI: a bar redrawn in place, no line per item', () => {
    const io = { ...memoryIo(), isTTY: true };
    const captured = memoryIo();
    io.stderr = captured.stderr;
    const progress = progressFor(io, colorsFor(io), { noun: 'mutants', total: 2 });
    progress.step('m1', false);
    progress.step('m2', false);
    progress.finish('done');
    expect(captured.err()).toMatch(/^\r\[#+\.*\] 1\/2 m1/);
    expect(captured.err()).toContain('2/2 m2');
    expect(captured.err()).not.toContain('so far');
    expect(captured.err().endsWith('\ndone\n')).toBe(true);
  });

  it('on a terminal with CI set: lines, as in a pipe', () => {
    const io = { ...memoryIo(), isTTY: true, env: { CI: 'true', NO_COLOR: '1' } };
    const captured = memoryIo();
    io.stderr = captured.stderr;
    const progress = progressFor(io, colorsFor(io), { noun: 'runs', total: 1 });
    progress.step('r1', false);
    expect(captured.err()).toBe('PASS r1 [1/1 runs, 0 FAIL so far]\n');
  });
});
