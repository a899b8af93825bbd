/**
 * Stable path ids: FNV-1a (64 bit) over the process name and the abstract event sequence, so an
 * id is the same on every machine and run and changes only when the path does.
 */

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/**
 * @example pathId('cm-req-off', ['APPLY', 'KEEP_QR']) // 12 hex digits, e.g. '3f0c…'
 */
export function pathId(process: string, events: readonly string[]): string {
  let hash = OFFSET;
  for (const char of `${process}:${events.join('>')}`) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0').slice(0, 12);
}
