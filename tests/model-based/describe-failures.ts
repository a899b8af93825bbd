// The failures and invariant violations of a run, one per line, for assertion messages.
import type { RunResult } from '@consent-sim/sim';

export function describeFailures(result: RunResult): string {
  const lines = [
    `${result.scenario}: outcome ${result.outcome}`,
    ...result.failures.map((failure) => `  ✗ ${failure.message}`),
    ...result.violations.map((v) => `  ✗ invariant ${v.invariant}: ${v.message}`),
  ];
  return lines.join('\n');
}
