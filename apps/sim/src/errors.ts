/** Exit codes that scripts can trust (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** The input was read but is invalid, or a verdict failed. */
  invalid: 1,
  /** The command line is wrong: unknown command or flag, missing argument, unreadable file. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error the CLI reports without a stack trace: `message` says what went wrong and what to do.
 * Thrown by commands; `runMain` prints it and returns its exit code.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function usageError(message: string, hint?: string): CliError {
  return new CliError(message, EXIT.usage, hint);
}
