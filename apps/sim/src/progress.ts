/**
 * Progress of a long run (`conform`, `mutants`, `coverage`, `scenario` with several): a bar on a
 * terminal; in CI or when stderr is a file or pipe, one line per finished item with the counts
 * so far, so a CI log shows the run moving and where it stopped. Always on stderr, so the
 * report on stdout stays clean.
 */
import type { Colors } from './colors.ts';
import type { CliIo } from './io.ts';

export interface Progress {
  /** One item finished; `failed` counts it in the "so far" numbers. */
  step(label: string, failed: boolean, verdict?: string): void;
  /** Ends the bar and prints the summary line. */
  finish(summary: string): void;
}

export interface ProgressOptions {
  /** What is counted, plural: "paths", "mutants", "scenarios", "runs". */
  noun: string;
  total: number;
  /** The verdict words for a passed and a failed item (default PASS / FAIL). */
  words?: { passed: string; failed: string };
  /** Force line mode even on a terminal (the per-scenario lines of `sim scenario`). */
  lines?: boolean;
}

/** A bar only on an interactive terminal outside CI; elsewhere lines (issue 14 item 5). */
export function isInteractive(io: CliIo): boolean {
  return io.isTTY && !io.env.CI;
}

export function progressFor(io: CliIo, colors: Colors, options: ProgressOptions): Progress {
  const { noun, total } = options;
  const words = options.words ?? { passed: 'PASS', failed: 'FAIL' };
  const bar = isInteractive(io) && options.lines !== true;
  let done = 0;
  let failed = 0;
  return {
    step(label, isFailed, verdict) {
      done += 1;
      if (isFailed) failed += 1;
      if (bar) {
        const width = 30;
        const filled = Math.round((done / Math.max(total, 1)) * width);
        io.stderr(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.padEnd(34).slice(0, 34)}`,
        );
        return;
      }
      const mark = verdict ?? (isFailed ? colors.red(words.failed) : colors.green(words.passed));
      io.stderr(`${mark} ${label} [${done}/${total} ${noun}, ${failed} ${words.failed} so far]\n`);
    },
    finish(summary) {
      if (bar && done > 0) io.stderr('\n');
      io.stderr(`${summary}\n`);
    },
  };
}
