/**
 * Verdicts of a conformance run: one check per expected message, step and SUT document, each
 * citing its step id and the interpretation keys the path exercises. WARNING is reserved for
 * the points where the interpretation notes name another reasonable reading: a code the
 * documents leave open (OFF-RESPONSE-CODES, OFF-ANSWER-CODES, DH-ERROR-IDS; see
 * `codeVerdict` in judge.ts for the codes they fix), a run that matches another reading's run
 * exactly (remote-party.ts) — and, of its own kind and citing no key, an instant up to an hour
 * later than ours ("later than the reference", judge/findings.ts). `strict` turns them into
 * FAILs. NOT_JUDGED marks a check only the SUT's own step reports could make when it reports
 * none (judge/steps.ts, issue 12 item 2): the run is weaker and says so; `requireSteps` turns
 * them into FAILs.
 */

/**
 * INCONCLUSIVE: the path could not judge the system, and says why (a SUT that answered later
 * than the reference moved an event across the deadline the path probes, remote-party.ts).
 */
export type Verdict = 'PASS' | 'FAIL' | 'WARNING' | 'INCONCLUSIVE' | 'NOT_JUDGED';

export interface Check {
  /** `<path id>:<kind>#<index>`, stable per path; the expected-failures file lists these. */
  id: string;
  path: string;
  verdict: Verdict;
  /** What is checked, for people. */
  title: string;
  /** The process step the check is about (sending step of a message, the step itself). */
  step: string | null;
  /** Interpretation keys (docs/interpretations) behind the expectation or the WARNING. */
  interpretations: string[];
  expected: string;
  actual: string;
  /** Virtual instant of what was observed, ISO 8601, when there is one. */
  at: string | null;
}

export interface ConformSummary {
  total: number;
  pass: number;
  fail: number;
  warning: number;
  /** Paths' FAILs the harness could not hold against the SUT, each with its reason. */
  inconclusive: number;
  /** Checks the run could not make because the SUT reports no steps (`NOT_JUDGED`). */
  notJudged: number;
  /** FAILs listed in the expected-failures file (not counted in `fail`). */
  expectedFail: number;
}

/** Counts; FAILs whose id is in `expectedFailures` are counted apart. */
export function summarise(
  checks: readonly Check[],
  expectedFailures: ReadonlySet<string> = new Set(),
): ConformSummary {
  const summary: ConformSummary = {
    total: checks.length,
    pass: 0,
    fail: 0,
    warning: 0,
    inconclusive: 0,
    notJudged: 0,
    expectedFail: 0,
  };
  for (const check of checks) {
    switch (check.verdict) {
      case 'PASS':
        summary.pass += 1;
        break;
      case 'WARNING':
        summary.warning += 1;
        break;
      case 'INCONCLUSIVE':
        summary.inconclusive += 1;
        break;
      case 'NOT_JUDGED':
        summary.notJudged += 1;
        break;
      case 'FAIL':
        if (expectedFailures.has(check.id)) summary.expectedFail += 1;
        else summary.fail += 1;
        break;
    }
  }
  return summary;
}

/**
 * Strict mode (`sim conform --strict`): for a team that adopts the reference's readings of the
 * open questions, a WARNING (another reading of OFF-RESPONSE-CODES, DH-ERROR-IDS, OFF-DAYS, …)
 * counts as a FAIL. The check keeps its id and keys; its title says it was a WARNING.
 *
 * @example strict(checks).filter((c) => c.verdict === 'WARNING').length // 0
 */
export function strict(checks: readonly Check[]): Check[] {
  return checks.map((check) =>
    check.verdict === 'WARNING'
      ? {
          ...check,
          verdict: 'FAIL',
          title: `${check.title} [strict: a WARNING under ${check.interpretations.join(', ') || 'the reference reading'}]`,
        }
      : check,
  );
}

/**
 * `sim conform --require-steps`: for a harness that must judge every step, a check that could
 * not be made because the SUT reports no steps (NOT_JUDGED) counts as a FAIL. The check keeps
 * its id and step; its title says why it FAILs.
 *
 * @example requireSteps(checks).filter((c) => c.verdict === 'NOT_JUDGED').length // 0
 */
export function requireSteps(checks: readonly Check[]): Check[] {
  return checks.map((check) =>
    check.verdict === 'NOT_JUDGED'
      ? {
          ...check,
          verdict: 'FAIL',
          title: `${check.title} [--require-steps: the SUT must report its steps]`,
        }
      : check,
  );
}

/** Reads an expected-failures file: a JSON array of check ids, or one id per line (lines starting with `#` are comments). */
export function parseExpectedFailures(text: string): Set<string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const parsed: unknown = JSON.parse(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === 'string')) {
      throw new Error(
        'consent-sim: expected-failures: a JSON file must be an array of check id strings, e.g. ["4f2a9c01d3e7:message#2"]',
      );
    }
    return new Set(parsed);
  }
  return new Set(
    trimmed
      .split(/\r?\n/)
      .map((line) => line.trim())
      // Check ids contain '#', so only whole lines starting with '#' are comments.
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}
