import { PROCESSES, type Variant } from '@consent-sim/conformance';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { shippedScenariosIo } from '../testing.ts';

async function mutants(args: string[]) {
  const io = shippedScenariosIo();
  const code = await runMain(['mutants', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('sim mutants', () => {
  it('kills every mutant of both processes on their own paths and prints the score', async () => {
    const result = await mutants(['--max-paths', '0', '--format', 'json']);
    const report = JSON.parse(result.out) as {
      score: { killed: number; survived: number; equivalent: number; score: number };
      mutants: { id: string; status: string; check?: string; step?: string | null }[];
      variants: { id: string; role: string; status: string; paths: number; check?: string }[];
    };
    const survivors = report.mutants.filter((m) => m.status === 'SURVIVED').map((m) => m.id);
    expect(survivors).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.score.killed).toBeGreaterThanOrEqual(25);
    expect(report.score.score).toBe(1);
    for (const m of report.mutants.filter((m) => m.status === 'KILLED')) {
      expect(m.check, m.id).toMatch(/:(message|step|document|derived|run|negative)#/);
    }
    // The catalogue covers the kinds of mistake issue #6 names.
    for (const id of [
      'cm-req-off/qr-too-large-accepted',
      'cm-req-off/activation-99',
      'dh-831/description-151-accepted',
      'dh-831/gsrn-unchecked',
      'dh-831/recipient-incomplete-accepted',
    ]) {
      expect(report.mutants.find((m) => m.id === id)?.status, id).toBe('KILLED');
    }
    expect(report.score.equivalent).toBe(0);
    // Killed by a step of the objection window: the release (VNB_16) or the objection's
    // rejection (VNB_13), depending on which path comes first.
    const fourDays = report.mutants.find((m) => m.id === 'cm-req-off/objection-4-days');
    expect(fourDays?.status).toBe('KILLED');
    expect(['CM_REQ_OFF_VNB_13', 'CM_REQ_OFF_VNB_16']).toContain(fourDays?.step);
    // Issue 12 build 5: the legitimate variants, every role of both processes, draw no FAIL on
    // their own paths (a FALSE-FAIL would print its check here).
    const falseFails = report.variants.filter((v) => v.status !== 'PASS');
    expect(falseFails).toEqual([]);
    expect(new Set(report.variants.map((v) => v.role))).toEqual(
      new Set(['sp', 'vnb', 'customer', 'seller', 'datahub']),
    );
    for (const v of report.variants) expect(v.paths, v.id).toBeGreaterThan(0);
  }, 300_000); // a guard against a hang: 70 mutants take ~80 s alone, twice that on a loaded machine

  it('prints per mutant the verdict and the score as text, equivalents listed with the reason', async () => {
    const result = await mutants(['--process', 'cm-req-off', '--max-paths', '0']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /cm-req-off\/redemption-31-days \[vnb\] .*\n {4}KILLED by \S+ \(CM_REQ_OFF_VNB_17\)/,
    );
    // Another negative code for an open question is a WARNING by default, killed in strict mode.
    expect(result.out).toMatch(
      /cm-req-off\/expired-177 \[vnb\] .*\n {4}KILLED in strict mode by \S+:message#\d+ .*by default a WARNING — OFF-RESPONSE-CODES/,
    );
    expect(result.out).toMatch(
      /mutation score: (\d+)\/\1 killed \(100\.0%; 8 of them in strict mode only\), 0 equivalent excluded/,
    );
    expect(result.out).not.toContain('dh-831/');
    // The variants follow in their own section, each with its verdict and counts.
    expect(result.out).toMatch(
      /legitimate variants .*\n(.*\n)*.*cm-req-off\/legit-sp-1min-later \[sp\] .*\n {4}PASS over \d+ path\(s\) — checks: \d+ INCONCLUSIVE, [1-9]\d* WARNING, 0 NOT_JUDGED/,
    );
    expect(result.out).toMatch(
      /cm-req-off\/legit-vnb-no-steps \[vnb\] .*\n {4}PASS .*, [1-9]\d* NOT_JUDGED/,
    );
    expect(result.out).toMatch(/variants: (\d+)\/\1 PASS, 0 FALSE-FAIL/);
  }, 300_000); // a guard against a hang, not a timing goal (~30 s alone, far more on a loaded machine)

  it('fails, saying it is a harness defect, when a variant draws a FAIL', async () => {
    const plugin = PROCESSES['cm-req-off'];
    // Not legitimate, to show the runner can fail: an SP whose answers never leave.
    const silent: Variant = {
      id: 'cm-req-off/legit-sp-silent',
      process: 'cm-req-off',
      role: 'sp',
      differs: 'sends nothing',
      transport: (served) => async (path, body) => {
        const answer = await served(path, body);
        return { ...answer, body: { ...(answer.body as object), outbox: [] } };
      },
      focus: ['happy-path'],
    };
    const io = shippedScenariosIo();
    const code = await runMain(['mutants', '--max-paths', '0'], io, {
      processes: {
        'cm-req-off': { ...plugin, mutants: plugin.mutants.slice(0, 1), variants: [silent] },
      },
    });
    expect(code).toBe(1);
    expect(io.out()).toMatch(
      /cm-req-off\/legit-sp-silent \[sp\] sends nothing\n {4}FALSE-FAIL on path happy-path .*happy-path:message#\d+/,
    );
    expect(io.out()).toContain('a legitimate variant drew a FAIL: that is a defect of the harness');
  }, 60_000);

  it('refuses an unknown process as a usage error', async () => {
    const result = await mutants(['--process', 'cm-req-on']);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      '--process must be one of cm-req-off, dh-831 (got "cm-req-on"). Did you mean cm-req-off?',
    );
  });
});
