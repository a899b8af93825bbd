import type { CliIo } from './io.ts';

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
      return names.map((key) => key.slice(prefix.length)).filter((name) => !name.includes('/'));
    },
    writeFile: (path, data) => {
      store.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
    },
    out: () => out.join(''),
    err: () => err.join(''),
    files: store,
  };
}

/** The read-only shared folder beside the repository (CI clones the repo with shared/ beside it). */
export function sharedDir(): string {
  const fromEnv = process.env.CONSENT_SIM_SHARED;
  if (fromEnv) return fromEnv;
  return new URL('../../../../shared/', import.meta.url).pathname;
}
