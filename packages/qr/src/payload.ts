/**
 * The text inside a CM_REQ_OFF QR symbol (interpretation key `OFF-QR-PAYLOAD`, step
 * CM_REQ_OFF_VNB_02): one or more complete cp:CMRequest documents, one per metering point, each
 * serialised on one line (no XML declaration), joined with a single "\n", encoded as UTF-8.
 */

import { excerpt, inspectCmRequest } from './cmrequest-shape.ts';
import { QrDecodeError, QrPayloadError } from './errors.ts';

const XML_DECLARATION = /^\uFEFF?\s*<\?xml\s[^?]*\?>\s*/;
const WHITESPACE_BETWEEN_ELEMENTS = />\s+</g;

/**
 * Turns CMRequest documents into the QR payload: strips a leading BOM and XML declaration,
 * drops whitespace between elements when it contains a line break (pretty-printing), and joins
 * the one-line documents with "\n". Refuses an empty list, a document that still spans lines
 * (a line break inside text or an attribute), and anything that is not a cp:CMRequest.
 *
 * @example
 * ```ts
 * const payload = packRequests([requestForMeteringPoint1, requestForMeteringPoint2]);
 * payload.split('\n').length; // 2
 * ```
 */
export function packRequests(xmlDocuments: readonly string[]): string {
  if (xmlDocuments.length === 0) {
    throw new QrPayloadError(
      -1,
      'packRequests got no document: a CM_REQ_OFF QR code holds at least one cp:CMRequest (OFF-QR-PAYLOAD); pass one document per metering point',
    );
  }
  return xmlDocuments.map((document, index) => toOneLine(document, index)).join('\n');
}

function toOneLine(document: string, index: number): string {
  const oneLine = document
    .replace(XML_DECLARATION, '')
    .replace(WHITESPACE_BETWEEN_ELEMENTS, (gap) => (/[\r\n]/.test(gap) ? '><' : gap))
    .trim();
  const lineBreak = oneLine.search(/[\r\n]/);
  if (lineBreak !== -1) {
    throw new QrPayloadError(
      index,
      `packRequests: document ${index} still has a line break at character ${lineBreak} (${excerpt(oneLine.slice(Math.max(0, lineBreak - 30), lineBreak + 10))}) after removing the XML declaration and the whitespace between elements; OFF-QR-PAYLOAD puts each document on one line: serialise it without line breaks in text or attributes`,
    );
  }
  const inspected = inspectCmRequest(oneLine);
  if (!inspected.ok) {
    throw new QrPayloadError(
      index,
      `packRequests: document ${index} ${inspected.found}; a CM_REQ_OFF QR code holds cp:CMRequest documents only (OFF-QR-PAYLOAD)`,
    );
  }
  return oneLine;
}

/**
 * Splits a QR payload back into its one-line documents. Refuses, naming the 1-based line, an
 * empty line (also a trailing "\n"), a carriage return, an XML declaration, and a line that is not
 * XML. It does not check that the documents are CMRequests (`decodeCmRequestPayload` does).
 *
 * @example
 * ```ts
 * unpackRequests('<cp:CMRequest …>…</cp:CMRequest>\n<cp:CMRequest …>…</cp:CMRequest>').length; // 2
 * unpackRequests('hello'); // throws QrDecodeError 'not-cmrequest': line 1 is not an XML document
 * ```
 */
export function unpackRequests(payload: string): string[] {
  const lines = payload.split('\n');
  lines.forEach((line, index) => {
    const problem = lineProblem(line);
    if (problem !== null) {
      throw new QrDecodeError(
        'not-cmrequest',
        `line ${index + 1} of ${lines.length} of the QR payload ${problem}; OFF-QR-PAYLOAD expects one cp:CMRequest document per line, without XML declaration, joined by a single "\\n"`,
      );
    }
  });
  return lines;
}

function lineProblem(line: string): string | null {
  if (line === '') return 'is empty (a blank line or a trailing line break)';
  if (line.includes('\r')) return 'contains a carriage return (lines are separated by "\\n" alone)';
  if (XML_DECLARATION.test(line)) return 'starts with an XML declaration';
  if (!line.startsWith('<') || !line.endsWith('>')) {
    return `is not an XML document: found ${excerpt(line)}`;
  }
  return null;
}
