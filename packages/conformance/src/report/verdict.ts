/**
 * The verdicts a report carries. A check today is PASS, FAIL or WARNING (../sut/verdicts.ts);
 * the report model also holds INCONCLUSIVE (the harness could not decide, e.g. the run did not
 * reach the point the check is about) and NOT_JUDGED (a check the path names but the role under
 * test does not take part in), so every format renders them when the judge produces them. The
 * report never invents one: they come only from the checks.
 */
import type { Verdict } from '../sut/verdicts.ts';

export type ReportVerdict = Verdict | 'INCONCLUSIVE' | 'NOT_JUDGED';

/** Worst first: the order of the report's sections and of a path's own verdict. */
export const REPORT_VERDICTS: readonly ReportVerdict[] = [
  'FAIL',
  'INCONCLUSIVE',
  'WARNING',
  'NOT_JUDGED',
  'PASS',
];

/** How bad a verdict is: a path takes the worst verdict of its checks. */
export function severity(verdict: ReportVerdict): number {
  switch (verdict) {
    case 'FAIL':
      return 4;
    case 'INCONCLUSIVE':
      return 3;
    case 'WARNING':
      return 2;
    case 'NOT_JUDGED':
      return 1;
    case 'PASS':
      return 0;
  }
}

/** The worst of `verdicts` (PASS for none). */
export function worstVerdict(verdicts: Iterable<ReportVerdict>): ReportVerdict {
  let worst: ReportVerdict = 'PASS';
  for (const v of verdicts) if (severity(v) > severity(worst)) worst = v;
  return worst;
}
