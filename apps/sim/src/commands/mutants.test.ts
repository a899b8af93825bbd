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
  }, 300_000); // a guard against a hang, not a timing goal (~30 s alone, far more on a loaded machine)

  it('refuses an unknown process as a usage error', async () => {
    const result = await mutants(['--process', 'cm-req-on']);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      '--process must be one of cm-req-off, dh-831 (got "cm-req-on"). Did you mean cm-req-off?',
    );
  });
});
