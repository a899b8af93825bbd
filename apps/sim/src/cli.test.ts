import { describe, expect, it } from 'vitest';
import { runMain } from './cli.ts';
import { memoryIo } from './testing.ts';

describe('sim (top level)', () => {
  it('prints the command list for --help and exits 0', async () => {
    const io = memoryIo();
    expect(await runMain(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: pnpm sim <command>');
    expect(io.out()).toMatch(/validate\s+\S/);
  });

  it('rejects an unknown command with exit 2 and suggests the closest one', async () => {
    const io = memoryIo();
    expect(await runMain(['valdate'], io)).toBe(2);
    expect(io.err()).toContain('unknown command "valdate"');
    expect(io.err()).toContain('Did you mean: validate');
  });

  it.each(['validate', 'sample', 'id', 'qr'])(
    '`%s --help` shows usage and an example',
    async (name) => {
      const io = memoryIo();
      expect(await runMain([name, '--help'], io)).toBe(0);
      expect(io.out()).toContain(`pnpm sim ${name}`);
      expect(io.out()).toMatch(/Example/i);
    },
  );

  it('rejects an unknown flag with exit 2 and points at --help', async () => {
    const io = memoryIo();
    expect(await runMain(['sample', '--bogus'], io)).toBe(2);
    expect(io.err()).toContain("Unknown option '--bogus'");
    expect(io.err()).toContain('pnpm sim sample --help');
  });
});
