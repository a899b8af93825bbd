/**
 * Options every vitest project shares. Project config files do not inherit the root config
 * (vitest 4), so each spreads `sharedTest` into its `test` options.
 *
 * The timeout is a guard against a hang, not a speed goal: several tests run hundreds of
 * generated paths through the real machines, and on a loaded 2-core machine vitest's 5 s default
 * turned them into timing assertions (seen 2026-12-03). Timing goals live in `pnpm bench`.
 */
export const sharedTest = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
} as const;
