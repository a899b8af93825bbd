// Used only by the tests of this folder: libxml2's well-formedness verdict on many inputs at
// once, from the `xmllint` binary (Debian libxml2-utils), without one process per input.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Whether the `xmllint` binary can be run here. */
export function hasXmllintBinary(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** libxml2's verdict on one input: its first parser error, if any. */
export interface XmllintVerdict {
  readonly wellFormed: boolean;
  readonly firstError: string | undefined;
}

const FILES_PER_CALL = 500;

/**
 * `xmllint --noout --nonet` over every input, in batches of files (a few processes in parallel).
 * An input is not well-formed when xmllint reports a `parser error` for its file; namespace
 * errors and warnings leave a document well-formed, as they leave xmllint's exit status at 0.
 * Each batch's exit status is checked against the errors read, so a misread output fails loudly.
 */
export async function xmllintVerdicts(
  inputs: readonly Uint8Array[],
  parallel = 2,
): Promise<XmllintVerdict[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-sim-wf-'));
  try {
    const files = inputs.map((bytes, index) => {
      const file = path.join(dir, `c${index}.xml`);
      writeFileSync(file, bytes);
      return file;
    });
    const batches: string[][] = [];
    for (let i = 0; i < files.length; i += FILES_PER_CALL) {
      batches.push(files.slice(i, i + FILES_PER_CALL));
    }
    const errors = new Map<string, string>();
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++] ?? [];
        for (const [file, error] of await runBatch(batch)) errors.set(file, error);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return files.map((file) => ({ wellFormed: !errors.has(file), firstError: errors.get(file) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ERROR_LINE = /^(\S+\.xml):\d+: parser error : (.*)$/;

async function runBatch(files: readonly string[]): Promise<Map<string, string>> {
  const child = spawn('xmllint', ['--noout', '--nonet', ...files], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const known = new Set(files);
  const errors = new Map<string, string>();
  for (const line of Buffer.concat(chunks).toString('latin1').split('\n')) {
    const match = ERROR_LINE.exec(line);
    if (match?.[1] && known.has(match[1]) && !errors.has(match[1])) {
      errors.set(match[1], match[2] ?? '');
    }
  }
  // xmllint exits 1 when a file is not well-formed and 0 when all are: it must match what we read.
  const expected = errors.size > 0 ? 1 : 0;
  if (status !== expected) {
    throw new Error(
      `xmllint exited ${status} but ${errors.size} of ${files.length} files had parser errors`,
    );
  }
  return errors;
}
