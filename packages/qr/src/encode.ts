/**
 * Payload → QR symbol (step CM_REQ_OFF_VNB_02). Always byte mode over the payload's UTF-8 bytes
 * (OFF-QR-PAYLOAD), so every scanner gets the exact bytes back, whatever characters they are.
 */
import { capacityBytes, DEFAULT_QR_LEVEL, type QrLevel } from './capacity.ts';
import { QrTooLargeError } from './errors.ts';
import { createWithBestMask, type ModuleMatrix } from './mask-choice.ts';

/** An encoded QR symbol, independent of how it is drawn. */
export interface QrSymbol {
  /** Symbol version 1–40. */
  version: number;
  /** Modules per side (17 + 4 × version), without the quiet zone. */
  size: number;
  /** `modules[row][column]` is true for a dark module. */
  modules: boolean[][];
  level: QrLevel;
  /** UTF-8 length of the payload stored in byte mode. */
  payloadBytes: number;
}

/** Options for `encodeQr`. */
export interface EncodeOptions {
  /** Error-correction level; M by default (see `DEFAULT_QR_LEVEL` for why). */
  level?: QrLevel;
}

const QRCODE_TOO_BIG = 'The amount of data is too big to be stored in a QR Code';
const utf8 = new TextEncoder();

/**
 * Encodes `payload` as one QR symbol in byte mode at the smallest version that holds it.
 * Throws `QrTooLargeError` (OFF-QR-TOO-LARGE) when no version does.
 *
 * @example
 * ```ts
 * const symbol = encodeQr(packRequests([cmRequestXml]));
 * symbol.version; // e.g. 27 for a 1.1 kB document at level M
 * ```
 */
export function encodeQr(
  payload: string,
  { level = DEFAULT_QR_LEVEL }: EncodeOptions = {},
): QrSymbol {
  const bytes = utf8.encode(payload);
  const capacity = capacityBytes(level);
  // Checked before qrcode so the error carries numbers; the catch below is the backstop.
  if (bytes.length > capacity) throw new QrTooLargeError(bytes.length, capacity, level);
  let code: ModuleMatrix;
  try {
    code = createWithBestMask(bytes, level);
  } catch (error) {
    if (error instanceof Error && error.message.includes(QRCODE_TOO_BIG)) {
      throw new QrTooLargeError(bytes.length, capacity, level);
    }
    throw error;
  }
  const { size, data } = code;
  const modules: boolean[][] = [];
  for (let row = 0; row < size; row++) {
    const line: boolean[] = [];
    for (let column = 0; column < size; column++) line.push(data[row * size + column] === 1);
    modules.push(line);
  }
  return { version: code.version, size, modules, level, payloadBytes: bytes.length };
}
