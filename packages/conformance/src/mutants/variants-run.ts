/**
 * Runs each legitimate variant (types.ts `Variant`) over every path of its role — model paths,
 * shipped scenarios and, for a server role, its negative suite, as `sim conform` does — and
 * expects no FAIL: a correct system that differs only where the documents allow it must PASS.
 * A FAIL is a FALSE-FAIL, a defect of the harness, named by its first failing check.
 */
import type { ProcessPlugin } from '../process/plugin.ts';
import type { Check } from '../sut/verdicts.ts';
import { judgedRuns, type MutantRunOptions, servedClient } from './run.ts';
import type { Variant } from './types.ts';

/** The checks a passing run may have that are not PASS (each counted, none fails a run). */
export interface VariantCounts {
  warning: number;
  inconclusive: number;
  notJudged: number;
}

export type VariantVerdict =
  | { status: 'PASS'; paths: number; counts: VariantCounts }
  | { status: 'FALSE-FAIL'; check: Check; paths: number; counts: VariantCounts };

export interface VariantResult {
  variant: Variant;
  verdict: VariantVerdict;
}

export interface VariantRunOptions extends Pick<MutantRunOptions, 'scenarios' | 'maxPaths'> {
  /** Sees every path's checks as they are made (tests read the titles of the non-PASS ones). */
  observe?: (checks: readonly Check[]) => void;
}

/**
 * Runs `variant`'s focus paths, then every other path and negative case (`maxPaths` caps each
 * of the two, as for mutants), until the first FAIL.
 *
 * @example
 * const { verdict } = await runVariant(PROCESSES['cm-req-off'], CM_REQ_OFF_VARIANTS[0], { scenarios });
 * verdict.status; // 'PASS'
 */
export async function runVariant(
  plugin: ProcessPlugin,
  variant: Variant,
  options: VariantRunOptions = {},
): Promise<VariantResult> {
  const client = servedClient(plugin, variant.role, {
    options: { withoutSteps: variant.withoutSteps === true },
    ...(variant.transport === undefined ? {} : { wrap: variant.transport }),
  });
  const counts: VariantCounts = { warning: 0, inconclusive: 0, notJudged: 0 };
  let paths = 0;
  for await (const checks of judgedRuns(plugin, variant.role, client, variant.focus, options)) {
    paths += 1;
    options.observe?.(checks);
    for (const check of checks) {
      switch (check.verdict) {
        case 'FAIL':
          return { variant, verdict: { status: 'FALSE-FAIL', check, paths, counts } };
        case 'WARNING':
          counts.warning += 1;
          break;
        case 'INCONCLUSIVE':
          counts.inconclusive += 1;
          break;
        case 'NOT_JUDGED':
          counts.notJudged += 1;
          break;
        case 'PASS':
          break;
      }
    }
  }
  return { variant, verdict: { status: 'PASS', paths, counts } };
}
