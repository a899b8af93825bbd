import { type MutantResult, mutationScore, runMutant } from '@consent-sim/conformance';
import { processNames } from '../choices.ts';
import { type Command, choiceOption, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { processesOption } from '../process-option.ts';
import { progressFor } from '../progress.ts';
import { loadShipped } from '../scenarios.ts';
import { runVariants, variantsJson, variantsText } from './mutants-variants.ts';

const FORMATS = ['text', 'json'] as const;

function verdictText(result: MutantResult): string {
  const { verdict } = result;
  switch (verdict.status) {
    case 'KILLED':
      return verdict.strict
        ? `KILLED in strict mode by ${verdict.check.id} (${verdict.check.step ?? 'no step'}) after ${verdict.paths} path(s); by default a WARNING — ${result.mutant.strictOnly ?? ''}`
        : `KILLED by ${verdict.check.id} (${verdict.check.step ?? 'no step'}) after ${verdict.paths} path(s)`;
    case 'SURVIVED':
      return `SURVIVED ${verdict.paths} path(s)`;
    case 'EQUIVALENT':
      return `EQUIVALENT: ${verdict.reason}`;
  }
}

export const mutantsCommand: Command = {
  name: 'mutants',
  summary:
    'Run conform against deliberately wrong systems (all must be killed) and legitimate variants (none may FAIL)',
  usage: ['mutants [--process cm-req-off|dh-831] [--max-paths N] [--format text|json]'],
  help: `
Serves each mutant (the reference role with one guard, delay or action made wrong) through the
SUT protocol in process and runs the conformance paths against it, the paths known to exercise
the mutation first, until the first FAIL. A mutant is KILLED when a check FAILs (its id and the
step it cites are printed) and SURVIVED when every path passes. A mutant wrong only where the
documents leave the question open (e.g. another negative ResponseCode, OFF-RESPONSE-CODES) draws
a WARNING by default; it is run as "sim conform --strict" would judge it and must be killed
there (printed as "KILLED in strict mode" with the reason). Mutants no check could tell from the
reference would be listed as EQUIVALENT and left out of the score (the catalogue has none).

Then it runs the legitimate variants: correct systems that differ from the reference only where
the documents allow it — their own ids and namespace prefixes, instants in UTC, every message
1 s or 1 min later or by a delay that varies from 1 s to 1 min, no steps reported — over every
path (model paths, shipped scenarios and a
server role's negative suite), each printed with its INCONCLUSIVE, WARNING and NOT_JUDGED counts.
A variant must draw no FAIL; one that does is a FALSE-FAIL (its first failing check is printed):
a defect of the harness, since conform would fail a correct system.

Options:
  --process P     cm-req-off or dh-831 (default both)
  --max-paths N   after a mutant's or variant's own paths, run at most N more (default all)
  --format F      text (default) or json

Exit status: 0 when every mutant is killed or equivalent and no variant draws a FAIL, 1 when a
mutant survives or a variant FALSE-FAILs, 2 for usage errors.

Example:
  pnpm sim mutants --process dh-831 --max-paths 5
`,
  options: {
    process: { type: 'string', choices: processNames },
    'max-paths': { type: 'string' },
    format: { type: 'string', choices: FORMATS },
  },
  async run({ io, colors, args, processes }) {
    const plugins = processesOption(processes, stringOption(args, 'process'));
    const format = choiceOption(args, 'format', FORMATS, 'text');
    const rawMax = stringOption(args, 'max-paths');
    const maxPaths = rawMax === undefined ? Number.POSITIVE_INFINITY : Number(rawMax);
    if (!Number.isInteger(maxPaths) && rawMax !== undefined)
      throw usageError(`--max-paths must be a whole number ≥ 0, got "${rawMax}"`);
    if (maxPaths < 0) throw usageError(`--max-paths must be a whole number ≥ 0, got "${rawMax}"`);

    const scenarios = loadShipped(io, processes);
    const results: MutantResult[] = [];
    const progress = progressFor(io, colors, {
      noun: 'mutants',
      total: plugins.reduce((n, plugin) => n + plugin.mutants.length, 0),
      words: { passed: 'KILLED', failed: 'SURVIVED' },
    });
    for (const plugin of plugins) {
      for (const mutant of plugin.mutants) {
        const result = await runMutant(plugin, mutant, { scenarios, maxPaths });
        results.push(result);
        progress.step(mutant.id, result.verdict.status === 'SURVIVED', result.verdict.status);
      }
    }
    const score = mutationScore(results);
    progress.finish(
      `${score.survived === 0 ? colors.green('PASS') : colors.red('FAIL')} mutants: ${score.killed} killed, ${score.survived} survived, ${score.equivalent} equivalent`,
    );
    // The other half: correct systems that must draw no FAIL (a FAIL is the harness's defect).
    const variants = await runVariants(io, colors, plugins, scenarios, maxPaths);
    const falseFails = variants.filter((v) => v.verdict.status === 'FALSE-FAIL').length;
    const percent = `${(score.score * 100).toFixed(1)}%`;
    if (format === 'json') {
      const rows = results.map(({ mutant, verdict }) => ({
        id: mutant.id,
        process: mutant.process,
        role: mutant.role,
        wrong: mutant.wrong,
        status: verdict.status,
        ...(verdict.status === 'KILLED'
          ? {
              check: verdict.check.id,
              step: verdict.check.step,
              paths: verdict.paths,
              strict: verdict.strict,
            }
          : {}),
        ...(verdict.status === 'SURVIVED' ? { paths: verdict.paths } : {}),
        ...(verdict.status === 'EQUIVALENT' ? { reason: verdict.reason } : {}),
        ...(mutant.strictOnly !== undefined ? { strictOnly: mutant.strictOnly } : {}),
      }));
      io.stdout(
        `${JSON.stringify({ format: 'consent-sim.mutants/1', score, mutants: rows, variants: variantsJson(variants) }, null, 2)}\n`,
      );
    } else {
      const lines = results.map(({ mutant, ...rest }) => {
        const text = verdictText({ mutant, ...rest });
        const mark = rest.verdict.status === 'SURVIVED' ? colors.red('✗') : colors.green('✓');
        return `${mark} ${mutant.id} [${mutant.role}] ${mutant.wrong}\n    ${text}`;
      });
      const equivalents = results.filter((r) => r.verdict.status === 'EQUIVALENT');
      const strictKills = results.filter(
        (r) => r.verdict.status === 'KILLED' && r.verdict.strict,
      ).length;
      io.stdout(
        [
          ...lines,
          '',
          `mutation score: ${score.killed}/${score.killed + score.survived} killed (${percent}; ${strictKills} of them in strict mode only), ${score.equivalent} equivalent excluded${equivalents.length > 0 ? ':' : ''}`,
          ...equivalents.map((r) => `  ${r.mutant.id}: ${verdictText(r)}`),
          '',
          ...variantsText(variants, colors),
        ].join('\n'),
      );
    }
    return score.survived === 0 && falseFails === 0 ? EXIT.ok : EXIT.invalid;
  },
};
