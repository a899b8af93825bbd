import { defineConfig } from 'tsdown';
import { libraryBuild } from '../../tsdown.shared.ts';

// `./node` reads zxing-wasm's .wasm from the installed package; `./corpus` is the test corpus API.
export default defineConfig(
  libraryBuild({
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    'corpus/index': 'src/corpus/index.ts',
  }),
);
