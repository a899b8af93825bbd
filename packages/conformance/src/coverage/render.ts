import type { Coverage } from './types.ts';

function percent(covered: number, total: number): string {
  return total === 0 ? '100%' : `${Math.floor((covered * 100) / total)}%`;
}

/**
 * A plain-text coverage report: one line per category (covered/total) and each uncovered item
 * with its reason (items sharing a reason on one line), or `no reason — add a scenario or path` when the gap is not by design.
 *
 * @example renderCoverageText(computeCoverage(PROCESSES['dh-831'], runs)).split('\n')[0]
 * // 'coverage of dh-831 over 16 runs'
 */
export function renderCoverageText(coverage: Coverage): string {
  const lines = [`coverage of ${coverage.process} over ${coverage.runs} runs`];
  // The categories in the plug-in's report order (computeCoverage builds them in that order).
  for (const [name, category] of Object.entries(coverage.categories)) {
    const ratio = `${category.covered}/${category.total}`;
    lines.push(
      `  ${name.padEnd(14)} ${ratio.padStart(7)}  ${percent(category.covered, category.total)}`,
    );
    // Items that share a reason are listed together, so a reason is printed once.
    const byReason = new Map<string, string[]>();
    for (const gap of category.uncovered) {
      const reason = gap.reason ?? 'no reason — add a scenario or path';
      byReason.set(reason, [...(byReason.get(reason) ?? []), gap.id]);
    }
    for (const [reason, ids] of byReason) lines.push(`      - ${ids.join(', ')}: ${reason}`);
  }
  lines.push(
    coverage.complete
      ? 'complete: every item is covered or its gap has a reason'
      : 'incomplete: some gaps have no reason',
  );
  return `${lines.join('\n')}\n`;
}
