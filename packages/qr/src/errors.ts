/**
 * Typed errors of @consent-sim/qr. Every message starts with `consent-sim:`, names the rule and
 * the offending value, and says what to do next (STYLE.md).
 */
import type { QrLevel } from './capacity.ts';

/** Groups bytes in threes with a space, as the process page writes sizes ("2 331 bytes"). */
export function formatBytes(bytes: number): string {
  return String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * The payload does not fit one QR symbol at the chosen error-correction level
 * (interpretation key `OFF-QR-TOO-LARGE`). The process names the remedy: the DSO cannot grant an
 * offline release and the service provider uses the online process CM_REQ_ONL.
 *
 * @example
 * ```ts
 * try {
 *   encodeQr(hugePayload);
 * } catch (error) {
 *   if (error instanceof QrTooLargeError) console.log(error.payloadBytes, error.capacityBytes);
 * }
 * ```
 */
export class QrTooLargeError extends Error {
  readonly code = 'qr-too-large' as const;
  readonly remedy = 'CM_REQ_ONL' as const;
  override readonly name = 'QrTooLargeError';

  constructor(
    readonly payloadBytes: number,
    readonly capacityBytes: number,
    readonly level: QrLevel,
  ) {
    super(
      `consent-sim: the request is ${formatBytes(payloadBytes)} bytes but a QR code at level ${level} ` +
        `holds at most ${formatBytes(capacityBytes)} bytes (OFF-QR-TOO-LARGE): split it or use the ` +
        'online process CM_REQ_ONL',
    );
  }
}

/** Why a QR image could not be turned into CMRequest documents. */
export type QrDecodeErrorCode =
  | 'no-qr-code'
  | 'not-png'
  | 'not-cmrequest'
  | 'not-utf8'
  /** Neither PNG nor JPEG (the async image readers accept both). */
  | 'not-image'
  | 'not-jpeg'
  /** The header claims more pixels than the reader's `maxPixels`; nothing was decoded. */
  | 'image-too-large';

/**
 * A QR image could not be read, or what it holds is not a CMRequest payload
 * (interpretation key `OFF-QR-PAYLOAD`).
 *
 * @example
 * ```ts
 * try {
 *   decodeCmRequestPayload(pngBytes);
 * } catch (error) {
 *   if (error instanceof QrDecodeError && error.code === 'no-qr-code') askForASharperPhoto();
 * }
 * ```
 */
export class QrDecodeError extends Error {
  override readonly name = 'QrDecodeError';

  constructor(
    readonly code: QrDecodeErrorCode,
    message: string,
  ) {
    super(`consent-sim: ${message}`);
  }
}

/**
 * A document handed to `packRequests` cannot become one line of a QR payload
 * (interpretation key `OFF-QR-PAYLOAD`).
 *
 * @example
 * ```ts
 * try {
 *   packRequests([]);
 * } catch (error) {
 *   if (error instanceof QrPayloadError) console.log(error.documentIndex); // -1: no document at all
 * }
 * ```
 */
export class QrPayloadError extends Error {
  readonly code = 'bad-payload-document' as const;
  override readonly name = 'QrPayloadError';

  constructor(
    /** Index of the offending document in the input array, or -1 when the array itself is wrong. */
    readonly documentIndex: number,
    message: string,
  ) {
    super(`consent-sim: ${message}`);
  }
}
