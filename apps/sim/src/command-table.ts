import type { Command } from './command.ts';

/** Every command, loaded lazily so `sim id …` does not pay for the simulator's start-up. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  scenario: async () => (await import('./commands/scenario.ts')).scenarioCommand,
  list: async () => (await import('./commands/list.ts')).listCommand,
  validate: async () => (await import('./commands/validate.ts')).validateCommand,
  sample: async () => (await import('./commands/sample.ts')).sampleCommand,
  id: async () => (await import('./commands/id.ts')).idCommand,
  qr: async () => (await import('./commands/qr.ts')).qrCommand,
  coverage: async () => (await import('./commands/coverage.ts')).coverageCommand,
  paths: async () => (await import('./commands/paths.ts')).pathsCommand,
  replay: async () => (await import('./commands/replay.ts')).replayRunCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  conform: async () => (await import('./commands/conform.ts')).conformCommand,
  mutants: async () => (await import('./commands/mutants.ts')).mutantsCommand,
  schema: async () => (await import('./commands/schema.ts')).schemaCommand,
  completion: async () => (await import('./commands/completion.ts')).completionCommand,
};

/** Every command, loaded (for the general help and shell completion). */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}
