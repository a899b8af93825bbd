/**
 * QR image → CMRequest documents (step CM_REQ_OFF_SP_02): decode the image, split the payload
 * (OFF-QR-PAYLOAD) and check that every line is an EDA cp:CMRequest.
 */
import { inspectCmRequest } from './cmrequest-shape.ts';
import { decodePng, decodeRgba } from './decode.ts';
import { QrDecodeError } from './errors.ts';
import { unpackRequests } from './payload.ts';
import type { RgbaImage } from './render-rgba.ts';

/** What a CM_REQ_OFF QR code held. */
export interface CmRequestPayload {
  /** The exact payload text (UTF-8 of the symbol's bytes). */
  payload: string;
  /** One-line cp:CMRequest documents, in payload order (one per metering point). */
  documents: string[];
  /** Schema version of each document from its namespace, e.g. `01p30`. */
  schemaVersions: string[];
}

/**
 * Reads a CM_REQ_OFF QR image (PNG bytes or RGBA pixels) into its CMRequest documents. Throws
 * `QrDecodeError`: 'not-png', 'no-qr-code', 'not-utf8', or 'not-cmrequest' naming the line and
 * what it holds instead.
 *
 * @example
 * ```ts
 * const { documents } = decodeCmRequestPayload(pngBytes);
 * ```
 */
export function decodeCmRequestPayload(image: Uint8Array | RgbaImage): CmRequestPayload {
  const payload = image instanceof Uint8Array ? decodePng(image) : decodeRgba(image);
  const documents = unpackRequests(payload);
  const schemaVersions = documents.map((document, index) => {
    const inspected = inspectCmRequest(document);
    if (!inspected.ok) {
      throw new QrDecodeError(
        'not-cmrequest',
        `line ${index + 1} of ${documents.length} of the QR payload ${inspected.found}; a CM_REQ_OFF QR code holds cp:CMRequest documents (OFF-QR-PAYLOAD)`,
      );
    }
    return inspected.shape.schemaVersion;
  });
  return { payload, documents, schemaVersions };
}
