/**
 * The QR code of CM_REQ_OFF as the engine makes and reads it. VNB_02: the DSO asks with
 * `qr.request`; each document becomes a real CMRequest (the template of the SP's request,
 * `OFF-QR-PAYLOAD`), compact without declaration, validated, packed and encoded at level M; a
 * payload over the level-M capacity is answered `qr.tooLarge` (`OFF-QR-TOO-LARGE`). The image
 * is rendered before the letter travels; the SP's side decodes the image (SP_02), never the text.
 *
 * Wire mode `intents` (load benchmark only) skips XML and images: the payload is the JSON of
 * the typed documents and its size is compared with the same capacity (an approximation).
 */
import type { cmReqOff } from '@consent-sim/core';
import {
  buildEdaXml,
  type CMRequestDocument,
  validateEda,
  validateEdaXml,
} from '@consent-sim/messages';
import {
  capacityBytes,
  decodeCmRequestPayload,
  encodeQr,
  fits,
  packRequests,
  payloadByteLength,
  type QrSymbol,
  type RgbaImage,
  renderRgba,
} from '@consent-sim/qr';
import { consentRequestDocument, consentRequestView } from './eda-documents.ts';
import type { IdMinter } from './ids.ts';
import { describeIssues } from './issues.ts';

export type WireMode = 'xml' | 'intents';

/** The engine's answer to `qr.request`, plus what the trace shows of it. */
export interface QrAnswer {
  readonly event: cmReqOff.QrCreatedEvent | cmReqOff.QrTooLargeEvent;
  readonly detail: Readonly<Record<string, unknown>>;
  /** The payload text (the documents in the QR code), shown with the trace note. */
  readonly document: string;
}

/**
 * The last images rendered and what each decodes to, across runs. Encoding picks a mask by
 * scoring all eight and decoding scans every pixel: together most of a short run's time, and a
 * conformance suite repeats the same path (the same payload) many times. Both are functions of
 * the payload alone, and nothing writes to an image, so sharing them changes no trace.
 */
const RECENT_IMAGES = 16;
const images = new Map<string, RgbaImage>();
const reads = new WeakMap<RgbaImage, ReturnType<typeof decodeCmRequestPayload>>();

function remember(key: string, image: RgbaImage): RgbaImage {
  if (images.size >= RECENT_IMAGES) images.delete(images.keys().next().value ?? '');
  images.set(key, image);
  return image;
}

/** Pixels per module: jsqr reads every symbol version reliably at 3. */
const SCALE = 3;
const LEVEL = 'M';

const symbols = new Map<string, QrSymbol>();

/** The level-M symbol of a payload (the last few kept: the mask choice is the costly part). */
function symbolOf(payload: string): QrSymbol {
  const known = symbols.get(payload);
  if (known !== undefined) return known;
  if (symbols.size >= RECENT_IMAGES) symbols.delete(symbols.keys().next().value ?? '');
  const symbol = encodeQr(payload, { level: LEVEL });
  symbols.set(payload, symbol);
  return symbol;
}

export class QrDesk {
  readonly #wire: WireMode;
  readonly #ids: IdMinter;
  readonly #symbols = new Map<string, QrSymbol>();

  constructor(wire: WireMode, ids: IdMinter) {
    this.#wire = wire;
    this.#ids = ids;
  }

  /**
   * VNB_02: builds the QR documents and answers `qr.created` or `qr.tooLarge`.
   *
   * @example desk.answer(qrRequestEmitted, sim.clock.now()).event.type // 'qr.created'
   */
  answer(request: cmReqOff.QrRequestEmitted, at: number): QrAnswer {
    const documents = request.documents.map((d) => this.#template(d, at));
    const payload =
      this.#wire === 'xml'
        ? packRequests(documents.map((d) => this.#compactXml(d)))
        : JSON.stringify(documents);
    const payloadBytes = payloadByteLength(payload);
    const capacity = capacityBytes(LEVEL);
    const base = { applicationId: request.applicationId, documents: documents.length };
    if (!fits(payload, LEVEL)) {
      return {
        event: {
          type: 'qr.tooLarge',
          at,
          applicationId: request.applicationId,
          payloadBytes,
          capacityBytes: capacity,
        },
        detail: {
          type: 'qr.tooLarge',
          ...base,
          payloadBytes,
          capacityBytes: capacity,
          level: LEVEL,
          interpretation: 'OFF-QR-TOO-LARGE',
        },
        document: payload,
      };
    }
    const detail: Record<string, unknown> = { type: 'qr.created', ...base, payloadBytes };
    if (this.#wire === 'xml') {
      const symbol = this.#symbols.get(payload) ?? symbolOf(payload);
      this.#symbols.set(payload, symbol);
      Object.assign(detail, { version: symbol.version, level: LEVEL });
    }
    return {
      event: { type: 'qr.created', at, applicationId: request.applicationId, payload },
      detail: { ...detail, interpretation: 'OFF-QR-PAYLOAD' },
      document: payload,
    };
  }

  /** The image that travels on paper or screen (xml mode); rendered from the encoded symbol. */
  image(payload: string): RgbaImage {
    // A payload from a system under test that took another level (OFF-QR-TOO-LARGE, other
    // reading) is printed at level L when it does not fit M, as that system would print it.
    const level = fits(payload, LEVEL) || !fits(payload, 'L') ? LEVEL : 'L';
    const key = `${level}\u0000${payload}`;
    const known = images.get(key);
    if (known !== undefined) return known;
    const symbol = this.#symbols.get(payload) ?? encodeQr(payload, { level });
    return remember(key, renderRgba(symbol, { scale: SCALE, margin: 4 }));
  }

  /**
   * SP_02: the SP scans the image (xml mode) or reads the payload text (intents mode) and gets
   * the CMRequest documents as views. Throws when the QR code holds no usable CMRequest.
   */
  read(scanned: RgbaImage | string): { payload: string; documents: cmReqOff.ConsentRequestView[] } {
    if (typeof scanned === 'string') {
      const documents = JSON.parse(scanned) as CMRequestDocument[];
      return { payload: scanned, documents: documents.map(consentRequestView) };
    }
    // The SP reads the other readings of OFF-QR-PAYLOAD too (declarations kept, pretty print).
    const decoded = reads.get(scanned) ?? decodeCmRequestPayload(scanned, { tolerant: true });
    reads.set(scanned, decoded);
    const documents = decoded.parsed.map(({ document, issues }, index) => {
      const all = [...issues, ...validateEda(document)];
      if (all.length > 0) {
        throw new Error(
          `consent-sim: cm-req-off/qr.ts: QR document ${index + 1} is not a valid CMRequest (${describeIssues(all)}); the SP cannot use it`,
        );
      }
      return consentRequestView(document);
    });
    return { payload: decoded.payload, documents };
  }

  /** OFF-QR-PAYLOAD: Sender and Receiver are the DSO; ids minted by the DSO at VNB_02. */
  #template(document: cmReqOff.QrDocumentRequest, at: number): CMRequestDocument {
    const { consentId, meteringPoint, dsoAddress, ...request } = document;
    return consentRequestDocument(
      { sender: dsoAddress, receiver: dsoAddress, at },
      this.#ids.newRequest(dsoAddress, at),
      { consentId, meteringPoint, request },
    );
  }

  #compactXml(document: CMRequestDocument): string {
    const xml = buildEdaXml(document, { compact: true, declaration: false });
    const { issues } = validateEdaXml(xml);
    if (issues.length > 0) {
      throw new Error(
        `consent-sim: cm-req-off/qr.ts: the QR template for ConsentId ${document.processDirectory.consentId ?? '?'} (CM_REQ_OFF_VNB_02) is not a valid CMRequest: ${describeIssues(issues)}; fix parameters.request or the wiring`,
      );
    }
    return xml;
  }
}
