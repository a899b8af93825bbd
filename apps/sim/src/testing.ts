import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROCESSES } from '@consent-sim/conformance';
import { SHARED_DIR } from '../../../test-support/shared-folder.ts';
import type { CliIo } from './io.ts';
import { SCENARIOS_DIR } from './scenarios.ts';
import { type RunningSutServer, startSutServer } from './serve/server.ts';

export { skipWithoutShared } from '../../../test-support/shared-folder.ts';

/** An in-memory `CliIo` for tests: captures output, serves files from a map. */
export function memoryIo(
  files: Record<string, string | Uint8Array> = {},
  cwd = '/work',
): CliIo & {
  out: () => string;
  err: () => string;
  files: Map<string, Uint8Array>;
} {
  const out: string[] = [];
  const err: string[] = [];
  const store = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(files)) {
    store.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  }
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
    env: { NO_COLOR: '1' },
    isTTY: false,
    readFile: (path) => {
      const data = store.get(path);
      if (data === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return data;
    },
    listDir: (path) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = [...store.keys()].filter((key) => key.startsWith(prefix));
      if (names.length === 0) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      // Files directly inside, and the sub-directories that hold files.
      return [...new Set(names.map((key) => key.slice(prefix.length).split('/')[0] ?? ''))];
    },
    writeFile: (path, data) => {
      store.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
    },
    out: () => out.join(''),
    err: () => err.join(''),
    files: store,
  };
}

/**
 * The read-only shared folder beside the repository, or `CONSENT_SIM_SHARED` (CI clones the repo
 * with shared/ beside it). Tests that read it skip without it: see `skipWithoutShared`.
 */
export function sharedDir(): string {
  return SHARED_DIR;
}

/** A memory io holding the shipped scenario files where the CLI looks for them. */
export function shippedScenariosIo(): ReturnType<typeof memoryIo> {
  const files: Record<string, string> = {};
  for (const process of readdirSync(SCENARIOS_DIR)) {
    if (process.includes('.')) continue;
    for (const file of readdirSync(join(SCENARIOS_DIR, process))) {
      const path = join(SCENARIOS_DIR, process, file);
      files[path] = readFileSync(path, 'utf8');
    }
  }
  return memoryIo(files);
}

/**
 * Serves the role of a catalogued wrong implementation (its `machine`) on a free loopback port,
 * e.g. `cm-req-off/objection-4-days`, the DSO whose objection window is a day short.
 */
export async function serveMutant(id: string): Promise<RunningSutServer> {
  const mutant = Object.values(PROCESSES)
    .flatMap((p) => p.mutants)
    .find((m) => m.id === id);
  if (mutant === undefined) throw new Error(`mutant ${id} is gone`);
  return startSutServer({
    processes: PROCESSES,
    role: mutant.role,
    host: '127.0.0.1',
    port: 0,
    machines: { [mutant.role]: mutant.machine() },
  });
}
