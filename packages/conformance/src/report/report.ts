/**
 * The report of one `sim conform` run, built once and rendered in every format (text, JSON,
 * JUnit, HTML): the paths with their titles, ids and verdicts, every check, and the findings
 * (root causes first, most paths first), each with the command that reruns it.
 */
import type { ConformSummary } from '../sut/verdicts.ts';
import type { ReportCheck } from './difference.ts';
import { type Difference, groupFindings, type ReportFinding } from './findings.ts';
import { type ReportVerdict, worstVerdict } from './verdict.ts';

/** A path as the report shows it. */
export interface ReportPathInput {
  /** Model paths: the 12-hex id; scenarios: the scenario name. */
  id: string;
  /** Built from the path's events (model) or the scenario's summary. */
  title: string;
  /** `negative`: a case of a server role's negative suite (id `neg-…`). */
  source: 'model' | 'scenario' | 'negative';
  seed: number;
  /** Virtual start of the path, ISO 8601 with offset. */
  start: string;
  /** Measured by the caller (apps only: a library reads no clock); absent → 0 in JUnit. */
  seconds?: number;
  /** Wall-clock start as measured by the caller; absent → the virtual start. */
  startedAt?: string;
}

export interface ReportPath extends ReportPathInput {
  verdict: ReportVerdict;
  counts: Record<ReportVerdict, number>;
  /** The command that reruns just this path. */
  reproduce: string;
}

export interface ConformReport {
  format: 'consent-sim.conform/2';
  process: string;
  role: string;
  target: string;
  strict: boolean;
  summary: ConformSummary;
  findings: ReportFinding[];
  differences: Difference[];
  paths: ReportPath[];
  checks: ReportCheck[];
  /** FAILs the expected-failures file lists (shown as XFAIL, not counted as FAIL). */
  expectedFailures: string[];
}

export interface ConformReportInput {
  process: string;
  role: string;
  target: string;
  strict: boolean;
  summary: ConformSummary;
  paths: readonly ReportPathInput[];
  checks: readonly ReportCheck[];
  expectedFailures?: ReadonlySet<string>;
  /** How the CLI is started in the reproduce commands (default `pnpm sim`). */
  command?: string;
}

/** Single-quotes a shell word unless it is plain. */
const shellWord = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * `pnpm sim conform --role vnb --process cm-req-off --target URL --seed 1 --path 3f0c…`: the
 * same target, seed and judging, one path (a scenario by `--scenario <name>`).
 */
export function reproduceCommand(
  input: Pick<ConformReportInput, 'process' | 'role' | 'target' | 'strict' | 'command'>,
  path: Pick<ReportPathInput, 'id' | 'source' | 'seed'>,
): string {
  const words = [
    input.command ?? 'pnpm sim',
    'conform',
    '--role',
    input.role,
    '--process',
    input.process,
    '--target',
    shellWord(input.target),
    '--seed',
    String(path.seed),
    ...(path.source === 'negative' ? ['--source', 'negative'] : []),
    path.source === 'scenario' ? '--scenario' : '--path',
    shellWord(path.id),
    ...(input.strict ? ['--strict'] : []),
  ];
  return words.join(' ');
}

const zeroCounts = (): Record<ReportVerdict, number> => ({
  FAIL: 0,
  INCONCLUSIVE: 0,
  WARNING: 0,
  NOT_JUDGED: 0,
  PASS: 0,
});

/**
 * @example
 * const report = buildConformReport({ process, role: 'vnb', target, strict: false, summary, paths, checks });
 * report.findings[0]?.paths.length; // the paths of the commonest root cause
 */
export function buildConformReport(input: ConformReportInput): ConformReport {
  const expected = input.expectedFailures ?? new Set<string>();
  const failing = (c: ReportCheck) => c.verdict === 'FAIL' && !expected.has(c.id);
  const { findings, differences } = groupFindings(input.checks, input.role, failing);
  const paths = input.paths.map((path): ReportPath => {
    const counts = zeroCounts();
    const own = input.checks.filter((c) => c.path === path.id);
    for (const c of own) counts[c.verdict] += 1;
    // An expected FAIL does not fail its path.
    const verdicts = own.map((c) => (c.verdict === 'FAIL' && !failing(c) ? 'PASS' : c.verdict));
    return {
      ...path,
      verdict: worstVerdict(verdicts),
      counts,
      reproduce: reproduceCommand(input, path),
    };
  });
  return {
    format: 'consent-sim.conform/2',
    process: input.process,
    role: input.role,
    target: input.target,
    strict: input.strict,
    summary: input.summary,
    findings,
    differences,
    paths,
    checks: [...input.checks],
    expectedFailures: input.checks
      .filter((c) => c.verdict === 'FAIL' && !failing(c))
      .map((c) => c.id),
  };
}

/** A finding's rerun: the command of its first path. */
export function findingCommand(report: ConformReport, finding: ReportFinding): string {
  return report.paths.find((p) => p.id === finding.paths[0])?.reproduce ?? '';
}
