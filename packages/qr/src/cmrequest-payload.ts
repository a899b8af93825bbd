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

const DECLARATION = /<\?xml\s[^?]*\?>/g;
/** Opening and closing tags named CMRequest (the root, and the request body inside it). */
const CMREQUEST_TAG = /<(\/?)(?:[\w.-]+:)?CMRequest(?=[\s>/])/g;

/**
 * The other readings of OFF-QR-PAYLOAD a receiving SP still reads: XML declarations kept (one
 * per document or one in front), a BOM, CRLF or blank lines, pretty-printed documents. Drops the
 * declarations and cuts out each top-level CMRequest element (the body element of the same name
 * inside is counted, not cut); text between documents is ignored.
 *
 * @example splitTolerant('<?xml version="1.0"?>\n<cp:CMRequest …>…</cp:CMRequest>').length // 1
 */
export function splitTolerant(payload: string): string[] {
  const cleaned = payload.replace(/^\uFEFF/, '').replace(DECLARATION, '');
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (const tag of cleaned.matchAll(CMREQUEST_TAG)) {
    if (tag[1] === '') {
      if (depth === 0) start = tag.index;
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
      const end = cleaned.indexOf('>', tag.index);
      if (depth === 0 && end !== -1) parts.push(cleaned.slice(start, end + 1));
    }
  }
  return parts.length > 0 ? parts : unpackRequests(payload);
}

/**
 * Reads a CM_REQ_OFF QR image (PNG bytes or RGBA pixels) into its CMRequest documents. With
 * `tolerant` (the SP side of a simulation), the other readings of OFF-QR-PAYLOAD are read too
 * ({@link splitTolerant}); without, the payload must be exactly as OFF-QR-PAYLOAD says. Throws
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
export function decodeCmRequestPayload(
  image: Uint8Array | RgbaImage,
  options: { tolerant?: boolean } = {},
): CmRequestPayload {
  const payload = image instanceof Uint8Array ? decodePng(image) : decodeRgba(image);
  const documents = options.tolerant ? splitTolerant(payload) : unpackRequests(payload);
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
