/**
 * How many payload bytes one QR symbol holds (interpretation key `OFF-QR-TOO-LARGE`: "too large"
 * is decided by the encoder's capacity at the chosen level, not by a count of metering points).
 */

/** ISO/IEC 18004 error-correction level: L ~7 %, M ~15 %, Q ~25 %, H ~30 % of codewords restorable. */
export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/** All levels, lowest redundancy (largest capacity) first. */
export const QR_LEVELS: readonly QrLevel[] = ['L', 'M', 'Q', 'H'];

/**
 * Default level M (OFF-QR-PAYLOAD): a CM_REQ_OFF code travels by post or e-mail and is scanned
 * from paper or a phone screen, so it must survive smudges, folds and glare; M restores ~15 % of
 * the codewords where L restores ~7 %. Capacity is the price: a typical CMRequest document is
 * 1–1.5 kB, which M (2 331 bytes) holds with room to spare, Q (1 663) only barely and H (1 273)
 * not at all. L (2 953) holds two such documents; callers who need that choose it explicitly.
 */
export const DEFAULT_QR_LEVEL: QrLevel = 'M';

/**
 * Byte-mode capacity of a version-40 symbol (ISO/IEC 18004 table 7). qrcode 1.5.4 keeps its tables
 * private (`lib/core/version.js` has no typings or public export), so they are restated here;
 * `capacity.test.ts` pins each number against the encoder: n bytes encode, n + 1 bytes throw.
 */
const VERSION_40_BYTE_CAPACITY: Readonly<Record<QrLevel, number>> = {
  L: 2953,
  M: 2331,
  Q: 1663,
  H: 1273,
};

/**
 * The most bytes a single QR symbol (version 40, byte mode) holds at `level`.
 *
 * @example
 * ```ts
 * capacityBytes('M'); // 2331
 * ```
 */
export function capacityBytes(level: QrLevel = DEFAULT_QR_LEVEL): number {
  return VERSION_40_BYTE_CAPACITY[level];
}

const utf8 = new TextEncoder();

/**
 * Length of `payload` in UTF-8 bytes: what byte mode stores (an umlaut counts twice).
 *
 * @example
 * ```ts
 * payloadByteLength('Grüße'); // 7
 * ```
 */
export function payloadByteLength(payload: string): number {
  return utf8.encode(payload).length;
}

/**
 * Whether `payload` fits one QR symbol at `level` (OFF-QR-TOO-LARGE).
 *
 * @example
 * ```ts
 * fits('x'.repeat(2331), 'M'); // true
 * fits('x'.repeat(2332), 'M'); // false
 * ```
 */
export function fits(payload: string, level: QrLevel = DEFAULT_QR_LEVEL): boolean {
  return payloadByteLength(payload) <= capacityBytes(level);
}
