/**
 * Readings of a document made on another thread, handed to this one for the next read of the
 * same text. `sim serve` reads a heavy document (64 KiB and more) in a worker thread so that its
 * parse and garbage stay off the event loop (issue 13, build 3), and hands over only the reading —
 * a few hundred bytes — instead of the element tree, whose copy between threads alone cost
 * ~80 ms at the guard's limits. One delivered document is read more than once on the way (the
 * harness reads its message code, the role's codec reads it), so a handed reading serves every
 * read of its text while it is among the last few handed; each read gets its own copy, so no
 * caller shares a result object with another. A text nobody handed is read as always.
 */

/** Which reader a handed reading stands in for. */
export type ReadingKind = 'eda' | 'datahub' | 'data';

/** A few at most (`sim serve` holds two in flight); older ones are dropped, never wrong. */
const HANDED_READINGS = 4;

// Keyed by the text itself: V8 keeps a string's hash, so a 1 MiB key costs no rehash.
const handed = new Map<string, { kind: ReadingKind; reading: unknown }>();

/**
 * Hands the next `kind` read of `text` its result. Only the reader's own result for exactly this
 * text, made by the same code on another thread, is a valid `reading`.
 *
 * @example handReading('eda', text, readingFromWorker); validateEdaXml(text); // no parse
 */
export function handReading(kind: ReadingKind, text: string, reading: unknown): void {
  handed.delete(text);
  if (handed.size >= HANDED_READINGS) handed.delete(handed.keys().next().value ?? '');
  handed.set(text, { kind, reading });
}

/**
 * A copy of the reading handed for `text` (a few hundred bytes: microseconds); undefined when
 * none was, or it was for another kind.
 */
export function takeHandedReading<T>(kind: ReadingKind, xml: string | Uint8Array): T | undefined {
  if (typeof xml !== 'string' || handed.size === 0) return undefined;
  const found = handed.get(xml);
  if (found === undefined || found.kind !== kind) return undefined;
  return structuredClone(found.reading) as T;
}
