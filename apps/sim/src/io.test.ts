// Writing a report into a path that cannot exist fails at once, naming the path and the reason.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from './errors.ts';
import { nodeIo, writeOutput } from './io.ts';

const DIR = mkdtempSync(join(tmpdir(), 'consent-sim-io-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('writeOutput', () => {
  it('creates the missing directories of a report path', () => {
    const io = { ...nodeIo(), cwd: DIR };
    writeOutput(io, 'reports/deep/x.txt', 'ok');
    expect(readFileSync(join(DIR, 'reports/deep/x.txt'), 'utf8')).toBe('ok');
  });

  it('issue 13 item 4: --out under /proc fails at once with the path and the reason, no hang', () => {
    const io = { ...nodeIo(), cwd: DIR };
    let thrown: unknown;
    try {
      writeOutput(io, '/proc/nope/x.txt', 'x');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).message).toMatch(
      /^cannot write \/proc\/nope\/x\.txt: .*(ENOENT|EACCES|EPERM)/,
    );
  });
});
