/**
 * The HTML report: one self-contained file (no network) a person reads top-down. The findings
 * first (root causes, most paths first, each with its example, consequences, paths and rerun
 * command), then filters (verdict, step id, interpretation key), then every path as a collapsible
 * section, worst first, with its verdict, its expected-vs-actual timeline when it did not pass and
 * its checks, each linking to its step's row in the process table and its interpretation notes.
 */
import type { ReportCheck } from './difference.ts';
import type { ReportFinding } from './findings.ts';
import { REPORT_CSS, REPORT_SCRIPT } from './html-assets.ts';
import { escapeHtml as esc, timelineHtml } from './html-timeline.ts';
import { type ConformReport, findingCommand, type ReportPath } from './report.ts';
import { REPORT_VERDICTS, severity } from './verdict.ts';

export interface HtmlReportOptions {
  /** Step id → what the step does (the process catalogue), for the process table. */
  steps?: Readonly<Record<string, string>>;
  /** Interpretation key → the heading of its note, and where the notes are. */
  notes?: Readonly<Record<string, string>>;
  notesDocument?: string;
}

const anchor = (prefix: string, id: string) => `${prefix}-${id.replace(/[^\w-]/g, '_')}`;
const stepLink = (step: string | null) =>
  step === null ? '-' : `<a href="#${anchor('step', step)}">${esc(step)}</a>`;
const keyLinks = (keys: readonly string[]) =>
  keys.map((k) => `<a href="#${anchor('key', k)}">${esc(k)}</a>`).join(', ');
const pathLink = (id: string) => `<a href="#${anchor('path', id)}">${esc(id)}</a>`;

function findingHtml(report: ConformReport, f: ReportFinding): string {
  const title = report.paths.find((p) => p.id === f.example.path)?.title ?? '';
  const consequences = f.consequences
    .slice(0, 6)
    .map((c) => `<li>${stepLink(c.step)} ${esc(c.kind)}: ${esc(c.difference)} ×${c.count}</li>`)
    .join('');
  return `<section class="finding ${f.verdict}" id="finding-${f.id}">
<h3>${f.id} <span class="v ${f.verdict}">${f.verdict}</span> ${stepLink(f.step)} ${esc(f.kind)}: ${esc(f.difference)} — in ${f.count} path${f.count === 1 ? '' : 's'}</h3>
<div>e.g. ${pathLink(f.example.path)} “${esc(title)}”: expected <code>${esc(f.example.expected)}</code>; got <code>${esc(f.example.actual)}</code>${f.interpretations.length > 0 ? ` [${keyLinks(f.interpretations)}]` : ''}</div>
<div>reproduce: <code class="cmd">${esc(findingCommand(report, f))}</code></div>
${consequences ? `<details><summary>then, in those paths</summary><ul>${consequences}</ul></details>` : ''}
<div>paths: ${f.paths.map(pathLink).join(', ')}</div>
</section>`;
}

function checkRow(check: ReportCheck, expected: ReadonlySet<string>): string {
  const tag = check.verdict === 'FAIL' && expected.has(check.id) ? 'XFAIL' : check.verdict;
  return `<tr class="check ${check.verdict}" id="check-${esc(check.id)}" data-verdict="${check.verdict}" data-step="${esc(check.step ?? '')}" data-keys="${esc(check.interpretations.join(' '))}"><td><span class="v ${check.verdict}">${tag}</span></td><td>${esc(check.id)}</td><td>${stepLink(check.step)}</td><td>${keyLinks(check.interpretations)}</td><td>${esc(check.title)}</td><td>${esc(check.expected)}</td><td>${esc(check.actual)}</td><td>${esc(check.at ?? '')}</td></tr>`;
}

function pathHtml(report: ConformReport, path: ReportPath, expected: ReadonlySet<string>): string {
  const checks = report.checks.filter((c) => c.path === path.id);
  const counts = REPORT_VERDICTS.filter((v) => path.counts[v] > 0)
    .map((v) => `${path.counts[v]} ${v}`)
    .join(', ');
  const timeline =
    path.verdict === 'PASS' ? '' : `<h4>Expected vs actual</h4>${timelineHtml(checks)}`;
  return `<details class="path" id="${anchor('path', path.id)}" data-verdict="${path.verdict}">
<summary><span class="v ${path.verdict}">${path.verdict}</span> ${esc(path.title)} <code>${esc(path.id)}</code> (${esc(path.source)}, seed ${path.seed}; ${counts || 'no checks'})</summary>
<div>reproduce: <code class="cmd">${esc(path.reproduce)}</code></div>
${timeline}
<h4>Checks</h4>
<table><thead><tr><th>verdict</th><th>check</th><th>step</th><th>interpretation</th><th>what</th><th>expected</th><th>actual</th><th>at</th></tr></thead><tbody>
${checks.map((c) => checkRow(c, expected)).join('\n')}
</tbody></table>
</details>`;
}

function filtersHtml(report: ConformReport): string {
  const steps = [...new Set(report.checks.map((c) => c.step).filter((s) => s !== null))].sort();
  const keys = [...new Set(report.checks.flatMap((c) => c.interpretations))].sort();
  const option = (v: string) => `<option value="${esc(v)}">${esc(v)}</option>`;
  return `<div class="filters">
${REPORT_VERDICTS.map((v) => `<label><input type="checkbox" name="verdict" value="${v}" checked> ${v}</label>`).join('')}
<label>step <select id="filter-step"><option value="">any</option>${steps.map(option).join('')}</select></label>
<label>interpretation <select id="filter-key"><option value="">any</option>${keys.map(option).join('')}</select></label>
</div>`;
}

function referenceHtml(report: ConformReport, options: HtmlReportOptions): string {
  const steps = [...new Set(report.checks.map((c) => c.step).filter((s) => s !== null))].sort();
  const keys = [...new Set(report.checks.flatMap((c) => c.interpretations))].sort();
  const doc = options.notesDocument ?? `docs/interpretations/${report.process}.md`;
  return `<h2>Process steps cited</h2>
<table><tbody>${steps.map((s) => `<tr id="${anchor('step', s)}"><td>${esc(s)}</td><td>${esc(options.steps?.[s] ?? '')}</td></tr>`).join('')}</tbody></table>
<h2>Interpretation notes cited</h2>
<table><tbody>${keys.map((k) => `<tr id="${anchor('key', k)}"><td>${esc(k)}</td><td>${esc(options.notes?.[k] ?? '')}</td><td>${esc(doc)}, section ${esc(k)}</td></tr>`).join('')}</tbody></table>`;
}

/** @example await writeFile('reports/vnb.html', renderConformHtml(report)); */
export function renderConformHtml(report: ConformReport, options: HtmlReportOptions = {}): string {
  const title = `consent-sim conform: ${report.process} ${report.role} at ${report.target}`;
  const s = report.summary;
  const expected = new Set(report.expectedFailures);
  const paths = [...report.paths].sort((a, b) => severity(b.verdict) - severity(a.verdict));
  const findings = report.findings.map((f) => findingHtml(report, f)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(title)}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${esc(title)}${report.strict ? ' (strict)' : ''}</h1>
<p class="summary">${report.paths.length} paths, ${s.total} checks: ${s.pass} PASS, ${s.warning} WARNING, ${s.inconclusive > 0 ? `${s.inconclusive} INCONCLUSIVE, ` : ''}${s.fail} FAIL${s.notJudged > 0 ? `, ${s.notJudged} not judged (the SUT reports no steps)` : ''}${s.expectedFail > 0 ? `, ${s.expectedFail} expected FAIL` : ''}</p>
<h2 id="findings">Findings (${report.findings.length})</h2>
${findings || '<p>No FAIL and no WARNING.</p>'}
<h2 id="paths">Paths</h2>
${filtersHtml(report)}
${paths.map((p) => pathHtml(report, p, expected)).join('\n')}
${referenceHtml(report, options)}
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
}
