import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT } from './errors.ts';

/** Everything a command may touch outside itself; tests pass a fake, `main.ts` the real one. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory paths on the command line are relative to (pnpm's INIT_CWD when run via pnpm). */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours, progress). */
  isTTY: boolean;
  readFile(path: string): Uint8Array;
  /** Names of the entries of a directory. */
  listDir(path: string): string[];
  writeFile(path: string, data: string | Uint8Array): void;
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    readFile: (path) => readFileSync(path),
    listDir: (path) => readdirSync(path),
    writeFile: (path, data) => {
      makeParents(dirname(path));
      writeFileSync(path, data);
    },
  };
}

/**
 * Creates the missing directories of `dir`, one level at a time. Node's own
 * `mkdirSync(dir, { recursive: true })` spins forever where mkdir answers ENOENT for a parent
 * that exists (e.g. under /proc); here the first refusal ends it with the path and the reason.
 */
function makeParents(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const path of missing) mkdirSync(path);
}

/** Reads a file named on the command line; a missing or unreadable file is a usage error (exit 2). */
export function readInput(io: CliIo, path: string): { path: string; bytes: Uint8Array } {
  const full = resolve(io.cwd, path);
  try {
    return { path: full, bytes: io.readFile(full) };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new CliError(
      `cannot read ${path}: ${reason === 'ENOENT' ? 'no such file' : reason}`,
      EXIT.usage,
      'check the path (relative paths are taken from the directory you ran the command in)',
    );
  }
}

export function writeOutput(io: CliIo, path: string, data: string | Uint8Array): string {
  const full = resolve(io.cwd, path);
  try {
    io.writeFile(full, data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `cannot write ${path}: ${reason}`,
      EXIT.usage,
      'choose a file in a directory you can write to (missing directories are created)',
    );
  }
  return full;
}
