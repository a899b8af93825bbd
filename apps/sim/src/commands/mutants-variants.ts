// The legitimate-variant half of `sim mutants` (issue 12 build 5): correct systems that differ
// from the reference only where the documents allow, each of which must draw no FAIL.
import {
  type ProcessPlugin,
  runVariant,
  type VariantResult,
  type VariantVerdict,
} from '@consent-sim/conformance';
import type { Scenario } from '@consent-sim/sim';
import type { Colors } from '../colors.ts';
import type { CliIo } from '../io.ts';
import { progressFor } from '../progress.ts';

/** Runs every variant of `plugins` over all its paths (after its focus, at most `maxPaths`). */
export async function runVariants(
  io: CliIo,
  colors: Colors,
  plugins: readonly ProcessPlugin[],
  scenarios: readonly Scenario[],
  maxPaths: number,
): Promise<VariantResult[]> {
  const results: VariantResult[] = [];
  const progress = progressFor(io, colors, {
    noun: 'variants',
    total: plugins.reduce((n, plugin) => n + plugin.variants.length, 0),
    words: { passed: 'PASS', failed: 'FALSE-FAIL' },
  });
  for (const plugin of plugins) {
    for (const variant of plugin.variants) {
      const result = await runVariant(plugin, variant, { scenarios, maxPaths });
      results.push(result);
      progress.step(variant.id, result.verdict.status === 'FALSE-FAIL', result.verdict.status);
    }
  }
  const falseFails = results.filter((r) => r.verdict.status === 'FALSE-FAIL').length;
  progress.finish(
    `${falseFails === 0 ? colors.green('PASS') : colors.red('FAIL')} variants: ${results.length - falseFails} passed, ${falseFails} false FAIL`,
  );
  return results;
}

function countsText(verdict: VariantVerdict): string {
  const { warning, inconclusive, notJudged } = verdict.counts;
  return `${inconclusive} INCONCLUSIVE, ${warning} WARNING, ${notJudged} NOT_JUDGED`;
}

function verdictText(verdict: VariantVerdict): string {
  switch (verdict.status) {
    case 'PASS':
      return `PASS over ${verdict.paths} path(s) — checks: ${countsText(verdict)}`;
    case 'FALSE-FAIL': {
      const { check } = verdict;
      return `FALSE-FAIL on path ${check.path} (path ${verdict.paths} run), ${check.id} (${check.step ?? 'no step'}): ${check.title}\n      expected: ${check.expected}\n      got:      ${check.actual}`;
    }
  }
}

/** The variants section of the text report, after the mutation score. */
export function variantsText(results: readonly VariantResult[], colors: Colors): string[] {
  if (results.length === 0) return [];
  const falseFails = results.filter((r) => r.verdict.status === 'FALSE-FAIL');
  return [
    'legitimate variants (correct systems that differ where the documents allow; each must draw no FAIL):',
    ...results.map(({ variant, verdict }) => {
      const mark = verdict.status === 'PASS' ? colors.green('✓') : colors.red('✗');
      return `${mark} ${variant.id} [${variant.role}] ${variant.differs}\n    ${verdictText(verdict)}`;
    }),
    '',
    `variants: ${results.length - falseFails.length}/${results.length} PASS, ${falseFails.length} FALSE-FAIL`,
    ...(falseFails.length === 0
      ? []
      : [
          colors.red(
            `a legitimate variant drew a FAIL: that is a defect of the harness (a correct system would fail conform), not of the variant — ${falseFails.map((r) => r.variant.id).join(', ')}`,
          ),
        ]),
    '',
  ];
}

/** The variants of the JSON report (`variants` beside `mutants`). */
export function variantsJson(results: readonly VariantResult[]) {
  return results.map(({ variant, verdict }) => ({
    id: variant.id,
    process: variant.process,
    role: variant.role,
    differs: variant.differs,
    status: verdict.status,
    paths: verdict.paths,
    inconclusive: verdict.counts.inconclusive,
    warning: verdict.counts.warning,
    notJudged: verdict.counts.notJudged,
    ...(verdict.status === 'FALSE-FAIL'
      ? {
          check: verdict.check.id,
          path: verdict.check.path,
          step: verdict.check.step,
          title: verdict.check.title,
          expected: verdict.check.expected,
          actual: verdict.check.actual,
        }
      : {}),
  }));
}
