import { scenarioSchemaJson } from '@consent-sim/sim';
import { type Command, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { writeOutput } from '../io.ts';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of scenario files (for editors and your own tooling)',
  usage: ['schema [--out FILE]'],
  help: `
Prints the JSON Schema (draft 2020-12) a scenario file is validated against, built from the
processes this tool knows: their names, roles, channels and the \`parameters\` each accepts.
scenarios/scenario.schema.json is this output (a test keeps it so).

Options:
  --out FILE   write it to FILE instead of standard output

Examples:
  pnpm sim schema > my-scenarios/scenario.schema.json
  pnpm sim schema --out scenarios/scenario.schema.json
`,
  options: { out: { type: 'string' } },
  async run({ io, args, processes }) {
    if (args.positionals.length > 0) {
      throw usageError(`\`schema\` takes no arguments (got "${args.positionals.join(' ')}")`);
    }
    const text = scenarioSchemaJson(processes);
    const out = stringOption(args, 'out');
    if (out === undefined) io.stdout(text);
    else io.stderr(`wrote ${writeOutput(io, out, text)}\n`);
    return EXIT.ok;
  },
};
