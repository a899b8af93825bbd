/** How many items around the first difference a message shows on each side. */
const CONTEXT = 2;

/**
 * Index of the first position where two sequences differ (including one ending early), or
 * null when they are equal.
 *
 * @example firstDifference(['a', 'b'], ['a', 'c'], (e, a) => e === a); // 1
 */
export function firstDifference<E, A>(
  expected: readonly E[],
  actual: readonly A[],
  same: (expected: E, actual: A) => boolean,
): number | null {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (i >= expected.length || i >= actual.length) return i;
    if (e !== undefined && a !== undefined && !same(e, a)) return i;
  }
  return null;
}

/**
 * Explains the first difference of two labelled sequences: the index, what was expected and
 * what came instead, and a few items of context from both.
 *
 * @example
 * describeDifference('steps', ['A', 'B', 'C'], ['A', 'X'], 1);
 * // 'steps differ at [1]: expected B, got X\n  expected: [0] A, [1] B, [2] C\n  actual:   [0] A, [1] X'
 */
export function describeDifference(
  field: string,
  expected: readonly string[],
  actual: readonly string[],
  index: number,
): string {
  const want = expected[index];
  const got = actual[index];
  const head =
    got === undefined
      ? `${field}: the trace ends after ${actual.length} item${actual.length === 1 ? '' : 's'}; expected [${index}] ${want} next`
      : want === undefined
        ? `${field}: expected ${expected.length} item${expected.length === 1 ? '' : 's'}, the trace has more from [${index}] ${got}`
        : `${field} differ at [${index}]: expected ${want}, got ${got}`;
  return `${head}\n  expected: ${window(expected, index)}\n  actual:   ${window(actual, index)}`;
}

function window(items: readonly string[], index: number): string {
  if (items.length === 0) return '(none)';
  const from = Math.max(0, index - CONTEXT);
  const to = Math.min(items.length, index + CONTEXT + 1);
  const shown = items.slice(from, to).map((item, offset) => `[${from + offset}] ${item}`);
  if (from > 0) shown.unshift('…');
  if (to < items.length) shown.push('…');
  return shown.length === 0 ? `(${items.length} items, none near [${index}])` : shown.join(', ');
}
