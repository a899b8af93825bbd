// Used only by tests: the read-only shared folder beside the clone, which holds the official EDA
// XSDs and real participant sample documents that this repository must not contain.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `CONSENT_SIM_SHARED`, or `../shared` beside the repository (as `.ci/run` looks for it). */
export const SHARED_DIR = env.CONSENT_SIM_SHARED || path.resolve(REPO_ROOT, '../shared');
export const XSD_DIR = path.join(SHARED_DIR, 'eda-xsd');
export const SAMPLES_DIR = path.join(SHARED_DIR, 'eda-samples');

/** Whether both the official XSDs and the participant samples are there. */
export const SHARED_PRESENT = existsSync(XSD_DIR) && existsSync(SAMPLES_DIR);

const HOW_TO_ENABLE = 'clone next to the shared folder or set CONSENT_SIM_SHARED=/path/to/shared';

/**
 * Whether the tests of `what` must skip because the shared folder is missing. Call it once at
 * the top of a test file and pass the result to `describe.skipIf` / `it.skipIf`. When skipping it
 * prints one line saying what is skipped and how to enable it. With `CI=true` a missing folder
 * is an error instead (the file fails with that message): CI must never pass by skipping.
 */
export function skipWithoutShared(what: string): boolean {
  if (SHARED_PRESENT) return false;
  const needs = `needs the official EDA XSDs and samples in ${XSD_DIR} and ${SAMPLES_DIR}`;
  if (env.CI === 'true') {
    throw new Error(`consent-sim: CI=true refuses to skip ${what}: it ${needs}; ${HOW_TO_ENABLE}.`);
  }
  console.warn(`consent-sim: skipped ${what} (${needs}); ${HOW_TO_ENABLE}.`);
  return true;
}
