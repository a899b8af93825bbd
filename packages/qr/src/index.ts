// Public entry of @consent-sim/qr: re-exports by name.
export {
  capacityBytes,
  DEFAULT_QR_LEVEL,
  fits,
  payloadByteLength,
  QR_LEVELS,
  type QrLevel,
} from './capacity.ts';
export { type CapacityPlan, type LevelCapacity, planCapacity } from './capacity-plan.ts';
export {
  type CmRequestPayload,
  decodeCmRequestPayload,
  type ParsedCmRequest,
} from './cmrequest-payload.ts';
export { type CmRequestShape, inspectCmRequest, type RootElement } from './cmrequest-shape.ts';
export { decodePng, decodeRgba } from './decode.ts';
export {
  type DecodedQrImage,
  type DecodeQrImageOptions,
  decodeQrImage,
  type QrReaderChoice,
  type ReaderDisagreement,
} from './decode-image.ts';
export { type EncodeOptions, encodeQr, type QrSymbol } from './encode.ts';
export {
  QrDecodeError,
  type QrDecodeErrorCode,
  QrPayloadError,
  QrTooLargeError,
} from './errors.ts';
export {
  DEFAULT_MAX_PIXELS,
  type ImageFormat,
  type ImageHeader,
  readImage,
  readImageHeader,
} from './image-input.ts';
export { packRequests, unpackRequests } from './payload.ts';
export {
  type CheckQrPayloadOptions,
  checkQrPayload,
  type QrPayloadCheck,
  type QrPayloadReport,
  type QrPayloadRule,
  type QrVerdict,
} from './payload-check.ts';
export { renderPng } from './render-png.ts';
export { type RenderOptions, type RgbaImage, renderRgba } from './render-rgba.ts';
export { renderSvg } from './render-svg.ts';
export { renderTerminal, type TerminalOptions } from './render-terminal.ts';
export { loadZxingReader, type QrImageReader, type QrReading } from './zxing-reader.ts';
