import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROCESSES } from '@consent-sim/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choicesOf } from '../choices.ts';
import { runMain } from '../cli.ts';
import { COMMANDS, loadCommands } from '../command-table.ts';
import { SCENARIOS_DIR } from '../scenarios.ts';
import { shippedScenariosIo } from '../testing.ts';

/** What the scripts must offer, from the command table and the commands' option declarations. */
const commands = await loadCommands();
const commandNames = Object.keys(COMMANDS);
const processNames = Object.keys(PROCESSES);
/** Every `<command> --<option>` with the values the CLI accepts for it. */
const enumerated = commands.flatMap((command) =>
  Object.entries(command.options).flatMap(([option, config]) =>
    config.choices
      ? [{ command: command.name, option, values: [...choicesOf(config.choices, PROCESSES)] }]
      : [],
  ),
);
/** The shipped scenarios, read from the folder itself (not through the CLI's helper). */
const shippedNames = readdirSync(SCENARIOS_DIR)
  .filter((process) => Object.hasOwn(PROCESSES, process))
  .flatMap((process) =>
    readdirSync(join(SCENARIOS_DIR, process))
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => `${process}/${file.slice(0, -'.yaml'.length)}`),
  );

async function script(shell: 'bash' | 'zsh'): Promise<string> {
  const io = shippedScenariosIo();
  expect(await runMain(['completion', shell], io)).toBe(0);
  expect(io.err()).toBe('');
  return io.out();
}

const sorted = (words: readonly string[]) => [...words].sort();

/** `bash -c DRIVER bash <script> <command line words…>`: prints what the completion offers. */
const DRIVER = [
  'source "$1" || exit 3',
  'shift',
  'fn=$(complete -p consent-sim | sed -n "s/.* -F \\([^ ]*\\) .*/\\1/p")',
  'COMP_WORDS=("$@")',
  'COMP_CWORD=$(($# - 1))',
  'COMP_LINE="$*"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansions
  'COMP_POINT=${#COMP_LINE}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansions
  '"$fn" consent-sim "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansions
  'printf "%s\\n" "${COMPREPLY[@]}"',
].join('\n');

describe('sim completion bash, in a real bash', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consent-sim-completion-'));
    file = join(dir, 'consent-sim.bash');
    writeFileSync(file, await script('bash'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * What bash offers for the command line `consent-sim <words>` (the last word is the one under
   * the cursor): the script is sourced, COMP_WORDS and COMP_CWORD are set as readline sets them,
   * and the function the script registered for `consent-sim` is called as bash calls it.
   */
  function offered(...words: string[]): string[] {
    const run = spawnSync(
      'bash',
      ['--norc', '--noprofile', '-c', DRIVER, 'bash', file, 'consent-sim', ...words],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout.split('\n').filter((line) => line !== '');
  }

  it('registers a function for consent-sim that falls back to file names', () => {
    const run = spawnSync(
      'bash',
      ['--norc', '-c', 'source "$1" && complete -p consent-sim', 'bash', file],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^complete -o default -F \S+ consent-sim$/m);
  });

  it('offers every command of the command table, `help`, --help and --version for the first word', () => {
    expect(commandNames.length).toBeGreaterThan(10);
    expect(sorted(offered(''))).toEqual(sorted([...commandNames, 'help', '--help', '--version']));
  });

  it('completes a prefix of a command name', () => {
    const expected = commandNames.filter((name) => name.startsWith('s'));
    expect(expected).toContain('scenario');
    expect(sorted(offered('s'))).toEqual(sorted(expected));
  });

  it.each(commands.map((command) => [command.name, command] as const))(
    '`consent-sim %s --<TAB>` offers exactly its declared flags and --help',
    (name, command) => {
      const flags = [...Object.keys(command.options).map((option) => `--${option}`), '--help'];
      expect(sorted(offered(name, '--'))).toEqual(sorted(flags));
    },
  );

  it('`consent-sim scenario --<TAB>` offers the flags `scenario --help` documents', async () => {
    const flags = offered('scenario', '--');
    expect(flags).toEqual(
      expect.arrayContaining(['--seed', '--format', '--out', '--all', '--help']),
    );
    expect(sorted(offered('scenario', '--f'))).toEqual(['--format']);
  });

  it('knows the enumerated values of several commands (a guard against an empty table)', () => {
    expect(enumerated.map(({ command, option }) => `${command} --${option}`)).toEqual(
      expect.arrayContaining(['scenario --format', 'list --process', 'conform --role']),
    );
  });

  it.each(enumerated.map(({ command, option, values }) => [command, option, values] as const))(
    '`consent-sim %s --%s <TAB>` offers the values the CLI accepts',
    (command, option, values) => {
      expect(sorted(offered(command, `--${option}`, ''))).toEqual(sorted(values));
    },
  );

  it('offers the process names of the registry for every --process, here cm-req-off and dh-831', () => {
    expect(processNames).toEqual(expect.arrayContaining(['cm-req-off', 'dh-831']));
    const withProcess = commands.filter((command) => 'process' in command.options);
    expect(withProcess.length).toBeGreaterThan(0);
    for (const command of withProcess) {
      expect(sorted(offered(command.name, '--process', ''))).toEqual(sorted(processNames));
    }
    expect(offered('list', '--process', 'd')).toEqual(['dh-831']);
  });

  it('offers the shipped scenario names as the first argument of `scenario`, filtered by prefix', () => {
    expect(shippedNames).toContain('cm-req-off/happy-path');
    expect(sorted(offered('scenario', ''))).toEqual(sorted(shippedNames));
    expect(offered('scenario', 'cm-req-off/happ')).toEqual(['cm-req-off/happy-path']);
  });

  it('offers every command after `help`, and the shells after `completion`', () => {
    expect(sorted(offered('help', ''))).toEqual(sorted(commandNames));
    expect(sorted(offered('completion', ''))).toEqual(['bash', 'zsh']);
  });

  it('offers nothing of its own (so bash lists files) for a free value such as --out', () => {
    expect(offered('scenario', '--out', '')).toEqual([]);
  });
});

describe('sim completion zsh', () => {
  it('names every command, flag and enumerated value in a script of plausible zsh syntax', async () => {
    const text = await script('zsh');
    expect(text.startsWith('#compdef consent-sim\n')).toBe(true);
    expect(text).toContain('compdef _consent_sim consent-sim');
    // Block keywords and brackets balance (outside the comment lines).
    const code = text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    const count = (pattern: RegExp) => code.match(pattern)?.length ?? 0;
    expect(count(/\bcase\b/g)).toBe(count(/\besac\b/g));
    expect(count(/\bif\b/g)).toBe(count(/\bfi\b/g));
    expect(count(/\{/g)).toBe(count(/\}/g));
    expect(count(/\[\[/g)).toBe(count(/\]\]/g));
    expect(count(/\(\(/g)).toBe(count(/\)\)/g));
    // The first word: every command of the table and `help`.
    const first = code.match(/CURRENT == 2 \)\); then\n\s*compadd -- (.*)\n/)?.[1]?.split(' ');
    expect(sorted(first ?? [])).toEqual(sorted([...commandNames, 'help', '--help', '--version']));
    for (const command of commands) {
      const flags = [...Object.keys(command.options).map((option) => `--${option}`), '--help'];
      expect(code).toContain(`    ${command.name}) flags=(${flags.join(' ')});`);
    }
    for (const { command, option, values } of enumerated) {
      expect(code).toContain(`"${command} --${option}") compadd -- ${values.join(' ')}; return ;;`);
    }
  });

  const zshMissing = spawnSync('zsh', ['--version']).error !== undefined;
  it.skipIf(zshMissing)(
    `is accepted by \`zsh -n\`${zshMissing ? ' (skipped: zsh is not installed on this machine)' : ''}`,
    async () => {
      const run = spawnSync('zsh', ['-n'], { input: await script('zsh'), encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
  );
});
