// Used only by tests: Debian's chromium for the browser tests of the HTML reports. Without it a
// plain clone skips them with one line; CI=true refuses to skip (`.ci/run` installs it).
import { spawnSync } from 'node:child_process';
import { env } from 'node:process';

/** `CONSENT_SIM_CHROMIUM`, or `chromium` on the PATH (Debian's package), or undefined. */
export const CHROMIUM: string | undefined =
  env.CONSENT_SIM_CHROMIUM ||
  spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim() ||
  undefined;

/**
 * Whether the browser tests of `what` must skip: call it once at the top of a test file and pass
 * the result to `describe.skipIf`. Prints one line when skipping; with `CI=true` a missing
 * chromium is an error instead, so CI never passes by skipping.
 */
export function skipWithoutChromium(what: string): boolean {
  if (CHROMIUM !== undefined) return false;
  const how =
    "install Debian's chromium (apt-get install chromium; bash .ci/run does) or set CONSENT_SIM_CHROMIUM=/path/to/chromium";
  if (env.CI === 'true') {
    throw new Error(`consent-sim: CI=true refuses to skip ${what}: no chromium found; ${how}.`);
  }
  console.warn(`consent-sim: skipped ${what} (no chromium found); ${how}.`);
  return true;
}
