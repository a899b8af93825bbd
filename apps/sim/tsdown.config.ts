/**
 * The `consent-sim` command: one executable ESM entry (dist/main.js, its lazy commands as chunks
 * beside it) with the workspace packages bundled in. Only packages that load a `.wasm` file from
 * their own installed folder stay external (they are the package's real `dependencies`).
 * The shipped scenarios and the protocol docs are copied beside it, where `scenarios.ts` finds them.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';

/** The docs the help texts point to. */
const SHIPPED_DOCS = [
  'sut-protocol.md',
  'sut-protocol.schema.json',
  'test-vectors.md',
  'test-vector.schema.json',
];

export default defineConfig({
  // The worker that parses heavy documents for `serve` is an entry of its own (off-thread.ts).
  entry: { main: 'src/main.ts', 'serve-decode-worker': 'src/serve/decode-worker.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
  dts: false,
  sourcemap: true,
  clean: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warn',
  deps: {
    neverBundle: ['zxing-wasm', /^zxing-wasm\//, 'xmllint-wasm', 'msw', /^msw\//],
    alwaysBundle: [/^@consent-sim\//, 'luxon', 'yaml', 'xstate', /^xstate\//],
    onlyBundle: false,
  },
  plugins: [
    {
      // Examples and hints in the help texts name the command the user typed: `pnpm sim …` from
      // a clone, `consent-sim …` once installed.
      name: 'consent-sim:command-name',
      transform: {
        filter: { id: /apps\/sim\/src\/.*\.ts$/ },
        handler(code: string) {
          return code.includes('pnpm sim ') ? code.replaceAll('pnpm sim ', 'consent-sim ') : null;
        },
      },
    },
  ],
  hooks: {
    // Copied after the bundle is written (and after `clean`), keeping the folder layout.
    'build:done': () => {
      const root = fileURLToPath(new URL('../../', import.meta.url));
      const dist = fileURLToPath(new URL('./dist/', import.meta.url));
      cpSync(join(root, 'scenarios'), join(dist, 'scenarios'), { recursive: true });
      for (const doc of SHIPPED_DOCS) cpSync(join(root, 'docs', doc), join(dist, 'docs', doc));
    },
  },
});
