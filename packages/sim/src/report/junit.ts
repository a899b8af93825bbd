import type { RunResult } from './run-result.ts';
import { renderText } from './text.ts';
import { xmlAttribute, xmlText } from './xml-escape.ts';

/**
 * JUnit XML for CI: one `testsuite` per process, one `testcase` per scenario run with the seed,
 * outcome and virtual duration as properties. A failed run gets one `failure` element whose text
 * lists expected vs actual for every failure and every invariant violation, and its timeline in
 * `system-out`. Times are 0: reports are pure functions and carry no wall-clock time.
 *
 * @example await writeFile('reports/junit.xml', renderJunit(results));
 */
export function renderJunit(results: readonly RunResult[]): string {
  const processes = [...new Set(results.map((result) => result.process))];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="consent-sim" tests="${results.length}" failures="${countFailed(results)}" errors="0" time="0">`,
  ];
  for (const process of processes) {
    const suite = results.filter((result) => result.process === process);
    lines.push(
      `  <testsuite name="${xmlAttribute(process)}" tests="${suite.length}" failures="${countFailed(suite)}" errors="0" skipped="0" time="0">`,
    );
    for (const result of suite) lines.push(...testcase(result));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function testcase(result: RunResult): string[] {
  const open = `    <testcase name="${xmlAttribute(result.scenario)}" classname="${xmlAttribute(result.process)}" time="0">`;
  const properties = [
    '      <properties>',
    property('seed', String(result.seed)),
    property('outcome', result.outcome ?? ''),
    property('durationVirtualMs', String(result.durationVirtualMs)),
    '      </properties>',
  ];
  if (result.passed) return [open, ...properties, '    </testcase>'];
  const { headline, body } = failureText(result);
  return [
    open,
    ...properties,
    `      <failure message="${xmlAttribute(headline)}" type="${result.violations.length > 0 ? 'invariant' : 'expectation'}">${xmlText(body)}</failure>`,
    `      <system-out>${xmlText(renderText(result))}</system-out>`,
    '    </testcase>',
  ];
}

function property(name: string, value: string): string {
  return `        <property name="${xmlAttribute(name)}" value="${xmlAttribute(value)}"/>`;
}

function failureText(result: RunResult): { headline: string; body: string } {
  const parts = [
    ...result.failures.map(
      (failure) =>
        `${failure.message}\n  expected: ${JSON.stringify(failure.expected) ?? 'nothing'}\n  actual:   ${JSON.stringify(failure.actual) ?? 'nothing'}`,
    ),
    ...result.violations.map(
      (violation) =>
        `invariant ${violation.invariant}${violation.seq === undefined ? '' : ` (event #${violation.seq})`}: ${violation.message}`,
    ),
  ];
  const first = parts[0]?.split('\n')[0];
  const more = parts.length > 1 ? ` (+${parts.length - 1} more)` : '';
  return {
    headline: first === undefined ? 'failed without a recorded reason' : `${first}${more}`,
    body:
      parts.length === 0
        ? 'The run failed, but no expectation or invariant was recorded.'
        : parts.join('\n\n'),
  };
}

function countFailed(results: readonly RunResult[]): number {
  return results.filter((result) => !result.passed).length;
}
