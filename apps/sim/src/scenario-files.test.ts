import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './cli.ts';
import { globToRegExp } from './scenario-files.ts';
import { SCENARIOS_DIR } from './scenarios.ts';
import { shippedScenariosIo } from './testing.ts';

const happy = readFileSync(join(SCENARIOS_DIR, 'cm-req-off/happy-path.yaml'), 'utf8');
const approved = readFileSync(join(SCENARIOS_DIR, 'dh-831/approved.yaml'), 'utf8');
// The same run with one expected step dropped: the run is fine, the expectation is not.
const failing = happy.replace(/^ {4}- CM_REQ_OFF_SP_04.*\n/m, '');

/** A team's own scenarios beside the shipped ones, cwd /work. */
function teamIo() {
  const io = shippedScenariosIo();
  const add = (path: string, text: string) => io.files.set(path, new TextEncoder().encode(text));
  add('/work/team/b/deep/approved.yaml', approved);
  add('/work/team/a/happy-path.yaml', happy);
  add('/work/team/a/README.md', 'not a scenario');
  add('/work/other/happy-path.yaml', failing);
  return io;
}

describe('globToRegExp', () => {
  it('* stays within a folder, ** crosses folders, ? is one character', () => {
    expect(globToRegExp('/w/*.yaml').test('/w/a.yaml')).toBe(true);
    expect(globToRegExp('/w/*.yaml').test('/w/x/a.yaml')).toBe(false);
    expect(globToRegExp('/w/**/*.yaml').test('/w/a.yaml')).toBe(true);
    expect(globToRegExp('/w/**/*.yaml').test('/w/x/y/a.yaml')).toBe(true);
    expect(globToRegExp('/w/?.yaml').test('/w/ab.yaml')).toBe(false);
    expect(globToRegExp('/w/a+b(1).yaml').test('/w/a+b(1).yaml')).toBe(true);
  });
});

describe('sim scenario <dir | glob | file>... (issue 14 item 5)', () => {
  it('a folder runs every .yaml inside, recursively and sorted, into one JSON array', async () => {
    const io = teamIo();
    expect(await runMain(['scenario', 'team', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as Array<{ process: string; passed: boolean }>;
    expect(report.map((r) => r.process)).toEqual(['cm-req-off', 'dh-831']); // a/happy-path, b/deep/approved
    expect(io.err()).toContain('[2/2 scenarios, 0 FAIL so far]');
    expect(io.err()).toContain('PASS 2 scenarios: 2 passed, 0 failed');
  });

  it('a glob, a shipped name and a file together: one report, each file once', async () => {
    const io = teamIo();
    const args = ['scenario', 'team/**/*.yaml', 'cm-req-off/happy-path', 'team/a/happy-path.yaml'];
    expect(await runMain([...args, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toHaveLength(3);
  });

  it('exits 1 when any scenario fails, and JUnit holds every one', async () => {
    const io = teamIo();
    expect(await runMain(['scenario', 'team', 'other', '--format', 'junit'], io)).toBe(1);
    // One testsuite per scenario, two testcases each (expectations, invariants).
    expect(io.out()).toContain('<testsuites name="consent-sim" tests="6" failures="1"');
    expect(io.out().match(/<testsuite /g)).toHaveLength(3);
    expect(io.err()).toContain('FAIL 3 scenarios: 2 passed, 1 failed');
  });

  it('text and mermaid put every scenario in the one report', async () => {
    const text = teamIo();
    expect(await runMain(['scenario', 'team'], text)).toBe(0);
    expect(text.out().match(/PASS/g)?.length).toBeGreaterThanOrEqual(2);
    const mermaid = teamIo();
    expect(await runMain(['scenario', 'team', '--format', 'mermaid'], mermaid)).toBe(0);
    expect(mermaid.out().match(/sequenceDiagram/g)).toHaveLength(2);
  });

  it('one shipped name still gives one JSON object and nothing on stderr for text', async () => {
    const json = teamIo();
    expect(await runMain(['scenario', 'cm-req-off/happy-path', '--format', 'json'], json)).toBe(0);
    expect(Array.isArray(JSON.parse(json.out()))).toBe(false);
    const text = teamIo();
    expect(await runMain(['scenario', 'cm-req-off/happy-path'], text)).toBe(0);
    expect(text.err()).toBe('');
  });

  it('a glob that matches nothing, and an empty folder, are usage errors', async () => {
    const io = teamIo();
    expect(await runMain(['scenario', 'team/**/*.yml'], io)).toBe(2);
    expect(io.err()).toContain('no .yaml file matches "team/**/*.yml"');
    const misspelt = teamIo();
    expect(await runMain(['scenario', 'cm-req-off/happy-pth'], misspelt)).toBe(2);
    expect(misspelt.err()).toContain('Did you mean: cm-req-off/happy-path');
  });

  it('--all still runs the shipped ones, and not together with arguments', async () => {
    const io = teamIo();
    await runMain(['scenario', '--all', '--format', 'json'], io);
    expect((JSON.parse(io.out()) as unknown[]).length).toBeGreaterThan(30);
    const both = teamIo();
    expect(await runMain(['scenario', '--all', 'team'], both)).toBe(2);
  });
});
