import { join } from 'node:path';
import {
  buildVector,
  collectPaths,
  renderVector,
  type SourcedPath,
  vectorFileName,
} from '@consent-sim/conformance';
import { processNames } from '../choices.ts';
import { type Command, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { writeOutput } from '../io.ts';
import { processesOption } from '../process-option.ts';
import { loadShipped } from '../scenarios.ts';
import { SOURCE_CHOICES, sourcesOption, TEXT_OR_JSON, textOrJson } from './coverage.ts';

function listText(process: string, paths: readonly SourcedPath[]): string {
  const rows = paths.map(
    (path) =>
      `  ${path.source.padEnd(8)} ${path.id.padEnd(34)} ${String(path.scenario.stimuli.length).padStart(2)} stimuli  ${path.title}`,
  );
  return [`${paths.length} paths of ${process}`, ...rows, ''].join('\n');
}

export const pathsCommand: Command = {
  name: 'paths',
  summary: 'List the model-based and shipped paths of a process, or write them as test vectors',
  usage: [
    'paths <cm-req-off|dh-831> [--source model|scenario|all] [--format text|json] [--out DIR]',
  ],
  help: `
Lists the paths of a process: the paths generated from its test model (source "model") and the
shipped scenarios (source "scenario"). With --out, runs each path once on the reference
(deterministic from its seed) and writes one test vector per path, DIR/<source>-<id>.json, in
the format consent-sim.vector/1: the stimuli (who, what, which channel, when), the documents
every party sends exactly as the reference emits them, and the step ids in order. The same
inputs give byte-identical files. Format: docs/test-vectors.md and docs/test-vector.schema.json.

Options:
  --source S   model, scenario or all (default)
  --format F   text (default) or json, for the listing
  --out DIR    write the vectors to DIR instead of listing

Exit status: 0 ok (a path the model cannot build is reported and exits 1), 2 for usage errors.

Examples:
  pnpm sim paths cm-req-off
  pnpm sim paths dh-831 --source model --out vectors/dh-831
`,
  options: {
    source: { type: 'string', choices: SOURCE_CHOICES },
    format: { type: 'string', choices: TEXT_OR_JSON },
    out: { type: 'string' },
  },
  positionals: ({ processes }) => processNames(processes),
  async run({ io, colors, args, processes }) {
    if (args.positionals.length !== 1) {
      throw usageError(`\`paths\` takes one process: ${Object.keys(processes).join(' or ')}`);
    }
    const [plugin] = processesOption(processes, args.positionals[0]);
    if (plugin === undefined) throw usageError('`paths` takes one process');
    const process = plugin.name;
    const sources = sourcesOption(stringOption(args, 'source'));
    const format = textOrJson(stringOption(args, 'format'));
    const { paths, skipped } = collectPaths(plugin, {
      scenarios: loadShipped(io, processes),
      sources,
    });
    for (const skip of skipped) {
      io.stderr(`${colors.yellow('skipped')} ${skip.source} path ${skip.id}: ${skip.error}\n`);
    }
    const out = stringOption(args, 'out');
    if (out !== undefined) {
      for (const path of paths) {
        const vector = buildVector(path);
        writeOutput(io, join(out, vectorFileName(vector)), renderVector(vector));
      }
      io.stderr(`wrote ${paths.length} vectors of ${process} to ${out}\n`);
    } else if (format === 'json') {
      const listing = paths.map((path) => ({
        process: path.process,
        source: path.source,
        id: path.id,
        title: path.title,
        seed: path.scenario.seed,
        stimuli: path.scenario.stimuli.length,
      }));
      io.stdout(`${JSON.stringify(listing, null, 2)}\n`);
    } else {
      io.stdout(listText(process, paths));
    }
    return skipped.length === 0 ? EXIT.ok : EXIT.invalid;
  },
};
