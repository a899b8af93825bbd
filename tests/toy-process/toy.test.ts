// The process seam, proven from outside: a third process that exists only here (two roles, one
// timer, one message) runs through every command that dispatches on a process — scenario,
// paths, coverage, replay, serve + conform, mutants — by adding one entry to the table the CLI
// is given. No shared file knows it (see docs/adding-a-process.md).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliIo, runMain, startSutServer } from '@consent-sim/cli';
import { PROCESSES } from '@consent-sim/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { toyPlugin } from './plugin.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCENARIO = join(HERE, 'scenarios', 'toy', 'ping-then-expire.yaml');
const TABLE = { ...PROCESSES, toy: toyPlugin };
const OUT = mkdtempSync(join(tmpdir(), 'consent-sim-toy-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** A real-filesystem io that captures what the command prints. */
function io(): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: HERE,
    env: { NO_COLOR: '1' },
    isTTY: false,
    readFile: (path) => readFileSync(path),
    listDir: (path) => readdirSync(path),
    writeFile: () => {
      throw new Error('the toy test writes nothing');
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function sim(...args: string[]) {
  const cli = io();
  const code = await runMain(args, cli, { processes: TABLE });
  return { code, out: cli.out(), err: cli.err() };
}

describe('a test-only process through every command', () => {
  it('sim scenario runs its scenario file and passes', async () => {
    const run = await sim('scenario', SCENARIO, '--format', 'json');
    expect(run.err).toMatch(/^PASS toy\/ping-then-expire \(seed 1\)/);
    const result = JSON.parse(run.out) as {
      passed: boolean;
      events: { kind: string; step: string | null }[];
    };
    expect(result.passed).toBe(true);
    expect(result.events.filter((e) => e.kind === 'step').map((e) => e.step)).toEqual([
      'TOY-ASK',
      'TOY-RECEIVE',
      'TOY-EXPIRE',
    ]);
    expect(run.code).toBe(0);
  });

  it('refuses a role the toy does not have, naming its roles (its schema fragment)', async () => {
    const broken = resolve(OUT, 'bad.yaml');
    const text = readFileSync(SCENARIO, 'utf8').replace('party: asker', 'party: vnb');
    const cli = io();
    cli.readFile = (path) =>
      path === broken ? new TextEncoder().encode(text) : readFileSync(path);
    expect(await runMain(['scenario', broken], cli, { processes: TABLE })).toBe(1);
    expect(cli.err()).toMatch(/stimuli\[0\]\.party: "vnb" is not one of "asker", "answerer"/);
  });

  it('sim paths and sim coverage generate and count its model paths', async () => {
    const paths = await sim('paths', 'toy', '--format', 'json');
    expect(JSON.parse(paths.out)).toHaveLength(2);
    const coverage = await sim('coverage', '--process', 'toy', '--format', 'json');
    expect(coverage.code).toBe(0);
    const report = JSON.parse(coverage.out) as { coverages: { complete: boolean }[] };
    expect(report.coverages).toMatchObject([{ process: 'toy', complete: true }]);
  });

  it('sim replay runs a seeded random run and its invariant holds', async () => {
    const run = await sim('replay', '--seed', '3', '--process', 'toy');
    expect(run.err).toContain('HOLDS');
    expect(run.code).toBe(0);
  });

  it('sim serve + sim conform: the reference roles pass every check', async () => {
    for (const role of toyPlugin.roles) {
      const server = await startSutServer({ processes: TABLE, role, port: 0, host: '127.0.0.1' });
      try {
        const run = await sim(
          'conform',
          '--role',
          role,
          '--target',
          server.url,
          '--format',
          'json',
        );
        expect(run.err, role).toContain('PASS toy');
        const report = JSON.parse(run.out) as { summary: { fail: number; pass: number } };
        expect(report.summary).toMatchObject({ fail: 0 });
        expect(report.summary.pass).toBeGreaterThan(0);
        expect(run.code).toBe(0);
      } finally {
        await server.close();
      }
    }
  });

  it('sim mutants kills both wrong askers', async () => {
    const run = await sim('mutants', '--process', 'toy', '--format', 'json');
    const report = JSON.parse(run.out) as { score: { killed: number; survived: number } };
    expect(report.score).toMatchObject({ killed: 2, survived: 0 });
    expect(run.code).toBe(0);
  });
});
