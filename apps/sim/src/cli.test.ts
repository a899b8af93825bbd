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
    expect(io.err()).toContain('unknown option --bogus for `sample`');
    expect(io.err()).toContain('pnpm sim sample --help');
  });
});

describe('issue 14 item 5: help and did-you-mean', () => {
  it('`help <command>` prints that command’s help, with its example', async () => {
    const io = memoryIo();
    expect(await runMain(['help', 'scenario'], io)).toBe(0);
    expect(io.out()).toContain('pnpm sim scenario <name | file.yaml | dir | glob>...');
    expect(io.out()).toContain('Examples:');
    expect(io.out()).not.toContain('Commands:');
  });

  it('`help` alone prints the general help; `help <unknown>` exits 2 with the closest', async () => {
    const general = memoryIo();
    expect(await runMain(['help'], general)).toBe(0);
    expect(general.out()).toContain('Commands:');
    const io = memoryIo();
    expect(await runMain(['help', 'scenaro'], io)).toBe(2);
    expect(io.err()).toContain('unknown command "scenaro". Did you mean: scenario?');
  });

  it('a misspelt flag names the closest flag, not parseArgs’ text (exit 2)', async () => {
    const io = memoryIo();
    expect(await runMain(['scenario', 'cm-req-off/happy-path', '--fromat', 'json'], io)).toBe(2);
    expect(io.err()).toContain('unknown option --fromat for `scenario`. Did you mean --format?');
    expect(io.err()).not.toContain('To specify a positional argument');
  });

  it.each([
    [['scenario', 'cm-req-off/happy-path', '--format', 'jsno'], '--format', 'json'],
    [['list', '--process', 'cm-req'], '--process', 'cm-req-off'],
    [['coverage', '--source', 'modle'], '--source', 'model'],
    [['conform', '--role', 'vnbb', '--target', 'http://127.0.0.1:9'], '--role', 'vnb'],
    [['mutants', '--format', 'txt'], '--format', 'text'],
    [['qr', 'decode', 'x.png', '--reader', 'zxin'], '--reader', 'zxing'],
  ])('%j exits 2 naming the closest value', async (args, option, near) => {
    const io = memoryIo();
    expect(await runMain(args, io)).toBe(2);
    expect(io.err()).toContain(`${option} must be one of`);
    expect(io.err()).toContain(`Did you mean ${near}?`);
    expect(io.out()).toBe('');
  });

  it('a string flag without its value, and a switch with one, are usage errors', async () => {
    const missing = memoryIo();
    expect(await runMain(['list', '--process'], missing)).toBe(2);
    expect(missing.err()).toContain('--process needs a value: one of cm-req-off, dh-831');
    const valued = memoryIo();
    expect(await runMain(['list', '--json=yes'], valued)).toBe(2);
    expect(valued.err()).toContain('--json is a switch and takes no value');
  });

  it.each(['scenario', 'list', 'conform', 'mutants', 'coverage', 'paths', 'completion'])(
    '`%s --help` keeps an example',
    async (name) => {
      const io = memoryIo();
      expect(await runMain([name, '--help'], io)).toBe(0);
      expect(io.out()).toMatch(/Examples?:/);
    },
  );
});
