/** How validation issues are named in errors and `receive.invalid` events: path, rule, value. */
export interface IssueLike {
  readonly path: string;
  readonly rule: string;
  readonly value?: string;
  readonly message: string;
}

/** `rule at path ("value")`, one per issue, as `receive.invalid.issues` carries them. */
export function issueLines(issues: readonly IssueLike[]): string[] {
  return issues.map(
    (i) => `${i.rule} at ${i.path}${i.value === undefined ? '' : ` ("${i.value}")`}: ${i.message}`,
  );
}

/** All issues on one line, for error messages. */
export function describeIssues(issues: readonly IssueLike[]): string {
  return issueLines(issues).join('; ');
}
