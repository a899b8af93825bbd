// The result shape shared by every identifier checker, and the wording helpers that make each
// problem say where (1-based character positions), what was expected and what was found.

/** The identifier kinds the checkers know. */
export type IdKind =
  | 'metering-point'
  | 'market-participant'
  | 'cm-request-id'
  | 'consent-id'
  | 'message-id'
  | 'conversation-id'
  | 'gsrn'
  | 'finnish-personal-id'
  | 'finnish-business-id'
  | 'unknown';

/**
 * The verdict on one identifier.
 * - `problems`: every rule the id breaks, each naming the position, the expectation and the
 *   finding; `valid` is true exactly when there are none.
 * - `parts`: the pieces the id was read as (DSO number, timestamp, check digit, …).
 * - `notes`: remarks that do not make the id invalid (e.g. schema-valid but unusual).
 */
export interface IdCheck {
  kind: IdKind;
  valid: boolean;
  problems: string[];
  parts: Record<string, string>;
  notes: string[];
}

/** Builds an {@link IdCheck}; `valid` follows from the problems. */
export function idCheck(
  kind: IdKind,
  problems: string[],
  parts: Record<string, string>,
  notes: string[] = [],
): IdCheck {
  return { kind, valid: problems.length === 0, problems, parts, notes };
}

/** `characters 3–8` or `character 3`, 1-based and inclusive. */
export function span(from: number, to: number): string {
  return from === to ? `character ${from}` : `characters ${from}–${to}`;
}

/** Shows a character so that spaces and control characters are visible. */
export function shown(char: string): string {
  return /^[\x21-\x7e\u00a0-\uffff]$/u.test(char)
    ? `'${char}'`
    : `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * One problem per run of consecutive characters of `value` (starting at 1-based `offset + 1`)
 * that `allowed` rejects, worded as "character 12 is 'a': <rule>" or
 * "characters 3–8 are 'XXXXXX': <rule>".
 */
export function characterProblems(
  value: string,
  allowed: RegExp,
  rule: string,
  offset = 0,
): string[] {
  const problems: string[] = [];
  const chars = Array.from(value);
  let start = -1;
  chars.forEach((char, index) => {
    const bad = !allowed.test(char);
    if (bad && start < 0) start = index;
    const runEnds = start >= 0 && (!bad || index === chars.length - 1);
    if (!runEnds) return;
    const end = bad ? index : index - 1;
    const run = chars.slice(start, end + 1);
    problems.push(
      run.length === 1
        ? `character ${offset + start + 1} is ${shown(run[0] ?? '')}: ${rule}`
        : `${span(offset + start + 1, offset + end + 1)} are ${run.every((c) => shown(c).startsWith("'")) ? `'${run.join('')}'` : run.map(shown).join(' ')}: ${rule}`,
    );
    start = -1;
  });
  return problems;
}

/** "length is 32, expected 33 (<shape>)". */
export function lengthProblem(actual: number, expected: string, shape: string): string {
  return `length is ${actual}, expected ${expected} (${shape})`;
}
