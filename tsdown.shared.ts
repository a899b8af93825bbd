/**
 * The build of every library package (tsdown 0.21: the newest line that runs on Node 20.19+).
 * Each package keeps exporting `src/*.ts` to the workspace (no build step for development);
 * `publishConfig` points packed consumers at the `dist/` this writes: ESM, `.d.ts`, sourcemaps.
 * Dependencies and peers stay external (tsdown reads them from the package's package.json).
 */
import type { UserConfig } from 'tsdown';

export function libraryBuild(entry: Record<string, string>): UserConfig {
  return {
    entry,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // `.js` / `.d.ts` (the packages are `"type": "module"`), not `.mjs` / `.d.mts`.
    fixedExtension: false,
    dts: { sourcemap: true },
    sourcemap: true,
    clean: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'warn',
  };
}
