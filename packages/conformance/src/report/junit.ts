/**
 * JUnit XML of a conform run that strict consumers accept (test-support/junit.xsd, from the Ant /
 * Jenkins xunit conventions): one `testsuite` per path, named by its title, with its id, tests,
 * failures, errors, skipped, time and timestamp, and its id, source, seed and rerun command as
 * properties (only at suite level); one `testcase` per check. A FAIL is a `failure` whose type is
 * the check kind, whose message is the check title and whose body holds expected, actual, step id,
 * interpretation keys, the finding it belongs to and the reproduce command; a run that broke the
 * protocol is an `error`; WARNING, INCONCLUSIVE, NOT_JUDGED and expected FAILs are `skipped`
 * with the reason. `time` is what the caller measured for the path (apps/sim does: a SUT is
 * another system, its speed is real) or 0; `timestamp` the measured start, else the virtual one.
 */
import { junitTimestamp, xmlAttribute, xmlText } from '@consent-sim/sim';
import { kindOf, type ReportCheck } from './difference.ts';
import type { ConformReport, ReportPath } from './report.ts';

function body(report: ConformReport, path: ReportPath, check: ReportCheck): string {
  const finding = report.findings.find((f) => f.checks.includes(check.id));
  const inPath = report.findings.find((f) => f.verdict === 'FAIL' && f.paths.includes(path.id));
  const cause = finding
    ? `${finding.id}, the root cause in ${finding.count} path(s)`
    : inPath
      ? `follows from ${inPath.id} (${inPath.step ?? inPath.kind}: ${inPath.difference})`
      : '';
  return [
    `expected: ${check.expected}`,
    `actual:   ${check.actual}`,
    ...(check.at ? [`at:       ${check.at}`] : []),
    `step:     ${check.step ?? '-'}`,
    `keys:     ${check.interpretations.join(', ') || '-'}`,
    ...(cause && check.verdict === 'FAIL' ? [`finding:  ${cause}`] : []),
    `reproduce: ${path.reproduce}`,
  ].join('\n');
}

type Outcome = 'pass' | 'failure' | 'error' | 'skipped';

function outcomeOf(check: ReportCheck, expected: ReadonlySet<string>): Outcome {
  switch (check.verdict) {
    case 'PASS':
      return 'pass';
    case 'FAIL':
      if (expected.has(check.id)) return 'skipped';
      return kindOf(check) === 'run' ? 'error' : 'failure';
    case 'WARNING':
    case 'INCONCLUSIVE':
    case 'NOT_JUDGED':
      return 'skipped';
  }
}

function testcase(report: ConformReport, path: ReportPath, check: ReportCheck, outcome: Outcome) {
  const name = xmlAttribute(`${check.id} ${check.step ?? '-'} ${check.title}`);
  const open = `    <testcase name="${name}" classname="${xmlAttribute(path.id)}" time="0"`;
  if (outcome === 'pass') return `${open}/>`;
  const text = xmlText(body(report, path, check));
  const element =
    outcome === 'skipped'
      ? `<skipped message="${xmlAttribute(`${check.verdict === 'FAIL' ? 'expected FAIL (--expected-failures)' : check.verdict}: ${check.title}`)}">${text}</skipped>`
      : `<${outcome} type="${xmlAttribute(kindOf(check))}" message="${xmlAttribute(check.title)}">${text}</${outcome}>`;
  return `${open}>\n      ${element}\n    </testcase>`;
}

const property = (name: string, value: string) =>
  `      <property name="${name}" value="${xmlAttribute(value)}"/>`;

/** @example await writeFile('reports/vnb.xml', renderConformJunit(report)); */
export function renderConformJunit(report: ConformReport): string {
  const expected = new Set(report.expectedFailures);
  const totals = { tests: 0, failure: 0, error: 0, skipped: 0, time: 0 };
  const suites = report.paths.map((path) => {
    const checks = report.checks.filter((c) => c.path === path.id);
    const outcomes = checks.map((c) => outcomeOf(c, expected));
    const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
    const seconds = path.seconds ?? 0;
    totals.tests += checks.length;
    totals.failure += count('failure');
    totals.error += count('error');
    totals.skipped += count('skipped');
    totals.time += seconds;
    const started = path.startedAt ?? path.start;
    return [
      `  <testsuite name="${xmlAttribute(path.title || path.id)}" id="${xmlAttribute(path.id)}" package="${xmlAttribute(report.process)}" tests="${checks.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${seconds}" timestamp="${junitTimestamp(Date.parse(started))}">`,
      '    <properties>',
      property('path', path.id),
      property('source', path.source),
      property('seed', String(path.seed)),
      property('verdict', path.verdict),
      property('virtualStart', path.start),
      property('reproduce', path.reproduce),
      '    </properties>',
      ...checks.map((c, i) => testcase(report, path, c, outcomes[i] ?? 'pass')),
      '  </testsuite>',
    ].join('\n');
  });
  const name = `consent-sim conform: ${report.process} ${report.role} at ${report.target}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${xmlAttribute(name)}" tests="${totals.tests}" failures="${totals.failure}" errors="${totals.error}" skipped="${totals.skipped}" time="${Math.round(totals.time * 1000) / 1000}">
${suites.join('\n')}
</testsuites>
`;
}
