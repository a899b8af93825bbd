/** One problem in a scenario file, located by line, column and field path. */
export interface ScenarioIssue {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Field path such as `stimuli[2].at`; empty for the document itself. */
  path: string;
  message: string;
}

/** `file:line:col path: message`, the form editors and terminals turn into links. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path === ''
    ? `${where} ${issue.message}`
    : `${where} ${issue.path}: ${issue.message}`;
}

/**
 * Everything wrong with a scenario file, collected rather than stopping at the first problem.
 * The message lists every issue with its position; `issues` keeps them structured.
 *
 * @example
 * try { loadScenario(text, 'scenarios/cm-req-off/x.yaml'); }
 * catch (error) { if (error instanceof ScenarioError) error.issues[0]?.line; }
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly file: string;
  readonly issues: readonly ScenarioIssue[];

  constructor(file: string, issues: readonly ScenarioIssue[]) {
    const first = issues[0];
    const message =
      issues.length === 1 && first !== undefined
        ? `consent-sim: ${formatIssue(first)}`
        : `consent-sim: ${file} has ${issues.length} errors; fix them and run again:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`;
    super(message);
    this.file = file;
    this.issues = issues;
  }
}
