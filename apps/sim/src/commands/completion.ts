import { choicesOf, processNames, roleNames } from '../choices.ts';
import type { Command, CommandContext } from '../command.ts';
import { loadCommands } from '../command-table.ts';
import { EXIT, usageError } from '../errors.ts';

const SHELLS = ['bash', 'zsh'] as const;

/** What a shell completes: per command its flags, the values of its enumerated flags, its words. */
export interface CompletionTable {
  commands: string[];
  flags: Record<string, string[]>;
  /** `"<command> --<flag>"` → values. */
  values: Record<string, readonly string[]>;
  /** First-argument words of a command (sub-commands, shipped scenarios, processes). */
  words: Record<string, readonly string[]>;
}

/**
 * The table, built from the commands' own option declarations and the process table the CLI
 * runs with, so a new process's name and roles are offered without touching the scripts.
 * `serve` declares no choices, so `--process` and `--role` are known by name everywhere.
 */
export async function completionTable(
  ctx: Pick<CommandContext, 'io' | 'processes'>,
): Promise<CompletionTable> {
  const byName: Record<string, readonly string[]> = {
    process: processNames(ctx.processes),
    role: roleNames(ctx.processes),
  };
  const commands = await loadCommands();
  const table: CompletionTable = { commands: [], flags: {}, values: {}, words: {} };
  for (const command of commands) {
    table.commands.push(command.name);
    table.flags[command.name] = [...Object.keys(command.options).map((o) => `--${o}`), '--help'];
    for (const [option, config] of Object.entries(command.options)) {
      const values = config.choices ? choicesOf(config.choices, ctx.processes) : byName[option];
      if (values !== undefined) table.values[`${command.name} --${option}`] = values;
    }
    const words = command.positionals?.(ctx);
    if (words !== undefined) table.words[command.name] = words;
  }
  // `help <command>` is documented in the main help but is no command module: offer it first,
  // and the command names after it.
  table.words.help = [...table.commands];
  table.flags.help = [];
  table.commands.push('help');
  return table;
}

const quote = (words: readonly string[]) => `'${words.join(' ')}'`;

export function bashScript(table: CompletionTable): string {
  const valueCases = Object.entries(table.values).map(
    ([key, values]) => `    ${JSON.stringify(key)}) words=${quote(values)} ;;`,
  );
  const commandCases = table.commands.map(
    (name) =>
      `    ${name}) flags=${quote(table.flags[name] ?? [])}; words=${quote(table.words[name] ?? [])} ;;`,
  );
  return `# consent-sim completion for bash. Load it with
#   source <(consent-sim completion bash)
# or save it as ~/.local/share/bash-completion/completions/consent-sim
_consent_sim() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd=\${COMP_WORDS[1]}
  local words='' flags=''
  COMPREPLY=()
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W ${quote([...table.commands, '--help', '--version'])} -- "$cur"))
    return 0
  fi
  case "$cmd $prev" in
${valueCases.join('\n')}
  esac
  if [ -n "$words" ]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return 0
  fi
  case "$cmd" in
${commandCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  elif [ "$COMP_CWORD" -eq 2 ] && [ -n "$words" ]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
  # Nothing offered: bash falls back to file names (-o default).
  return 0
}
complete -o default -F _consent_sim consent-sim
`;
}

export function zshScript(table: CompletionTable): string {
  const valueCases = Object.entries(table.values).map(
    ([key, values]) => `    ${JSON.stringify(key)}) compadd -- ${values.join(' ')}; return ;;`,
  );
  const commandCases = table.commands.map(
    (name) =>
      `    ${name}) flags=(${(table.flags[name] ?? []).join(' ')}); firsts=(${(table.words[name] ?? []).join(' ')}) ;;`,
  );
  return `#compdef consent-sim
# consent-sim completion for zsh. Load it with
#   source <(consent-sim completion zsh)
# (after compinit), or save it as _consent-sim in a folder of your $fpath.
_consent_sim() {
  local cmd=\${words[2]} prev=\${words[CURRENT-1]} cur=\${words[CURRENT]}
  # Not $words: that is the completion system's own (special) array of the command line.
  local -a flags firsts
  if (( CURRENT == 2 )); then
    compadd -- ${[...table.commands, '--help', '--version'].join(' ')}
    return
  fi
  case "$cmd $prev" in
${valueCases.join('\n')}
  esac
  case "$cmd" in
${commandCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    compadd -a flags
  else
    (( CURRENT == 3 )) && compadd -a firsts
    _files
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _consent_sim "$@"
else
  compdef _consent_sim consent-sim
fi
`;
}

export const completionCommand: Command = {
  name: 'completion',
  summary: 'Print a shell completion script (bash or zsh) for commands, flags and their values',
  usage: ['completion <bash|zsh>'],
  help: `
Prints a completion script: the commands, each command's flags, the values of its enumerated
flags (formats, sources, QR levels, the process names and roles this tool knows) and the
shipped scenario names. Regenerate it after adding a process or a scenario.

Examples:
  source <(pnpm sim completion bash)        # in ~/.bashrc, for the installed consent-sim
  consent-sim completion bash > ~/.local/share/bash-completion/completions/consent-sim
  consent-sim completion zsh > "\${fpath[1]}/_consent-sim"
`,
  options: {},
  positionals: () => SHELLS,
  async run(ctx) {
    const [shell, extra] = ctx.args.positionals;
    if (shell === undefined) throw usageError('`completion` needs a shell: bash or zsh');
    if (extra !== undefined) throw usageError('`completion` takes one shell: bash or zsh');
    if (shell !== 'bash' && shell !== 'zsh') {
      throw usageError(`\`completion\` knows bash and zsh, not "${shell}"`);
    }
    const table = await completionTable(ctx);
    ctx.io.stdout(shell === 'bash' ? bashScript(table) : zshScript(table));
    return EXIT.ok;
  },
};
