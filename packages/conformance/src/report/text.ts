/**
 * The text report: what a person reads first. Line 1 the counts, then the findings (root causes,
 * most paths first) each with its path count, an example and the exact command that reruns it;
 * then every path that did not pass, its title and id, and its non-PASS checks (and the stimuli
 * causal timing moved, PASS checks that explain the instants of the others: sut/anchors.ts).
 */
import { kindOf, type ReportCheck } from './difference.ts';
import type { ReportFinding } from './findings.ts';
import { type ConformReport, findingCommand, type ReportPath } from './report.ts';
import { REPORT_VERDICTS, severity } from './verdict.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `117 FAIL, 33 PASS` over the verdicts that occur, worst first. */
function pathCounts(paths: readonly ReportPath[]): string {
  return REPORT_VERDICTS.map((v) => [v, paths.filter((p) => p.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
}

function findingLines(report: ConformReport, f: ReportFinding, n: number): string[] {
  const keys = f.interpretations.length > 0 ? ` [${f.interpretations.join(', ')}]` : '';
  const title = report.paths.find((p) => p.id === f.example.path)?.title ?? '';
  const lines = [
    `${n}. ${f.verdict} ${f.step ?? '-'} ${f.kind}: ${f.difference} — in ${plural(f.count, 'path')}${keys}`,
    `   e.g. ${f.example.path} "${title}": expected ${f.example.expected}; got ${f.example.actual}`,
    `   reproduce: ${findingCommand(report, f)}`,
  ];
  const later = f.consequences.reduce((sum, c) => sum + c.count, 0);
  if (later > 0) {
    const top = f.consequences
      .slice(0, 3)
      .map((c) => `${c.step ?? c.kind} ${c.difference} ×${c.count}`)
      .join(', ');
    lines.push(
      `   then, in those paths: ${plural(later, 'more FAIL')} (${top}${f.consequences.length > 3 ? ', …' : ''})`,
    );
  }
  const shown = f.paths.slice(0, 8).join(', ');
  lines.push(`   paths: ${shown}${f.paths.length > 8 ? `, … (+${f.paths.length - 8} more)` : ''}`);
  return lines;
}

function checkLines(check: ReportCheck, expected: ReadonlySet<string>): string[] {
  const tag = check.verdict === 'FAIL' && expected.has(check.id) ? 'XFAIL' : check.verdict;
  const keys = check.interpretations.length > 0 ? ` [${check.interpretations.join(', ')}]` : '';
  return [
    `  ${tag.padEnd(12)} ${check.id} ${check.step ?? '-'}${keys}: ${check.title}`,
    `  ${''.padEnd(12)} expected ${check.expected}; got ${check.actual}${check.at ? ` (at ${check.at})` : ''}`,
  ];
}

/**
 * @example renderConformText(report).split('\n')[2] // '1. FAIL CM_REQ_OFF_VNB_10 step: … — in 117 paths'
 */
export function renderConformText(
  report: ConformReport,
  options: { verbose?: boolean } = {},
): string {
  const { summary } = report;
  const fails = report.findings.filter((f) => f.verdict === 'FAIL');
  const warnings = report.findings.filter((f) => f.verdict === 'WARNING');
  const lines = [
    `consent-sim conform: ${report.process} ${report.role} at ${report.target}${report.strict ? ' (strict)' : ''}: ${plural(report.paths.length, 'path')} (${pathCounts(report.paths) || 'none run'}), ${summary.total} checks: ${summary.pass} PASS, ${summary.warning} WARNING, ${summary.inconclusive > 0 ? `${summary.inconclusive} INCONCLUSIVE, ` : ''}${summary.fail} FAIL${summary.notJudged > 0 ? `, ${summary.notJudged} not judged (the SUT reports no steps)` : ''}${summary.expectedFail > 0 ? `, ${summary.expectedFail} expected FAIL` : ''}`,
  ];
  if (fails.length > 0) {
    lines.push(
      `${plural(fails.length, 'root cause')} of the FAILs (the first difference in a path), most paths first:`,
    );
    for (const [i, f] of fails.entries()) lines.push(...findingLines(report, f, i + 1));
  } else {
    lines.push('no FAIL');
  }
  if (warnings.length > 0) {
    lines.push(
      `${plural(warnings.length, 'WARNING')} by what differs (another reading of an open question):`,
    );
    for (const [i, f] of warnings.entries())
      lines.push(...findingLines(report, f, fails.length + i + 1));
  }
  const expected = new Set(report.expectedFailures);
  const shown = report.paths
    .filter((p) => options.verbose || p.verdict !== 'PASS')
    .sort((a, b) => severity(b.verdict) - severity(a.verdict));
  if (shown.length > 0) lines.push('', 'Paths (worst first):');
  for (const path of shown) {
    lines.push(`${path.verdict} ${path.id} "${path.title}" (${path.source}, seed ${path.seed})`);
    for (const check of report.checks.filter((c) => c.path === path.id)) {
      if (check.verdict === 'PASS' && !options.verbose && kindOf(check) !== 'stimulus') continue;
      lines.push(...checkLines(check, expected));
    }
    if (path.verdict !== 'PASS') lines.push(`  reproduce: ${path.reproduce}`);
  }
  return `${lines.join('\n')}\n`;
}
