import { processNames } from '../choices.ts';
import { type Command, stringOption } from '../command.ts';
import { EXIT } from '../errors.ts';
import { processesOption } from '../process-option.ts';
import { loadShipped } from '../scenarios.ts';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the shipped scenarios with a one-line description each',
  usage: ['list [--process cm-req-off|dh-831] [--json]'],
  help: `
Options:
  --process P  only the scenarios of one process
  --json       print name, process, seed and summary as JSON

Example:
  pnpm sim list --process cm-req-off
`,
  options: { process: { type: 'string', choices: processNames }, json: { type: 'boolean' } },
  async run({ io, colors, args, processes }) {
    const only = processesOption(processes, stringOption(args, 'process')).map((p) => p.name);
    const scenarios = loadShipped(io, processes).filter((s) => only.includes(s.process));
    if (args.values.json === true) {
      const rows = scenarios.map((s) => ({
        name: s.fullName,
        process: s.process,
        seed: s.seed,
        summary: s.summary,
      }));
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(0, ...scenarios.map((s) => s.fullName.length));
    for (const s of scenarios)
      io.stdout(`${colors.bold(s.fullName.padEnd(width))}  ${s.summary}\n`);
    return EXIT.ok;
  },
};
