/**
 * QR image → CMRequest documents (step CM_REQ_OFF_SP_02): decode the image, split the payload
 * (OFF-QR-PAYLOAD), check that every line is an EDA cp:CMRequest and read it with
 * @consent-sim/messages' `parseEdaXml` (well-formedness, namespace, structure).
 */
import {
  type CMRequestDocument,
  EdaDocumentError,
  parseEdaXml,
  type ValidationIssue,
  XmlInputError,
} from '@consent-sim/messages';
import { inspectCmRequest } from './cmrequest-shape.ts';
import { decodePng, decodeRgba } from './decode.ts';
import { QrDecodeError } from './errors.ts';
import { unpackRequests } from './payload.ts';
import type { RgbaImage } from './render-rgba.ts';

/** One CMRequest read from a QR payload line. */
export interface ParsedCmRequest {
  /** May lack required properties when `issues` is not empty: run `validateEda` before use. */
  document: CMRequestDocument;
  /** Structural issues `parseEdaXml` met (order, unknown elements); facets are not checked here. */
  issues: ValidationIssue[];
}

/** What a CM_REQ_OFF QR code held. */
export interface CmRequestPayload {
  /** The exact payload text (UTF-8 of the symbol's bytes). */
  payload: string;
  /** One-line cp:CMRequest documents, in payload order (one per metering point). */
  documents: string[];
  /** `documents[i]` as read by `parseEdaXml`. */
  parsed: ParsedCmRequest[];
}

/**
 * Reads a CM_REQ_OFF QR image (PNG bytes or RGBA pixels) into its CMRequest documents. Throws
 * `QrDecodeError`: 'not-png', 'no-qr-code', 'not-utf8', or 'not-cmrequest' naming the line and
 * what it holds instead (not XML, not well-formed, another document type). Documents that are
 * CMRequests with schema issues are returned with their `issues`: judging them is the receiving
 * party's job (CM_REQ_OFF_VNB_06), not the scanner's.
 *
 * @example
 * ```ts
 * const { documents, parsed } = decodeCmRequestPayload(pngBytes);
 * parsed[0]?.document.processDirectory.meteringPoint;
 * ```
 */
export function decodeCmRequestPayload(image: Uint8Array | RgbaImage): CmRequestPayload {
  const payload = image instanceof Uint8Array ? decodePng(image) : decodeRgba(image);
  const documents = unpackRequests(payload);
  const parsed = documents.map((document, index) => {
    const where = `line ${index + 1} of ${documents.length} of the QR payload`;
    const refuse = (found: string) =>
      new QrDecodeError(
        'not-cmrequest',
        `${where} ${found}; a CM_REQ_OFF QR code holds cp:CMRequest documents (OFF-QR-PAYLOAD)`,
      );
    const inspected = inspectCmRequest(document);
    if (!inspected.ok) throw refuse(inspected.found);
    let read: ReturnType<typeof parseEdaXml>;
    try {
      read = parseEdaXml(document);
    } catch (error) {
      if (error instanceof XmlInputError || error instanceof EdaDocumentError) {
        throw refuse(
          `cannot be read as an EDA document: ${error.message.replace(/^consent-sim: /, '')}`,
        );
      }
      throw error;
    }
    if (read.document.documentType !== 'CMRequest') {
      throw refuse(`is a ${read.document.documentType} document`);
    }
    return { document: read.document, issues: read.issues };
  });
  return { payload, documents, parsed };
}
