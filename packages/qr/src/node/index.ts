/**
 * `@consent-sim/qr/node`: the Node-only layer over the environment-free package (the core does no
 * I/O). It reads zxing-wasm's `zxing_reader.wasm` from the installed package, so a scan never
 * fetches code from a CDN and works offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadZxingReader, type QrImageReader } from '../zxing-reader.ts';

/** Absolute path of the installed zxing-wasm reader binary (resolved through its `exports`). */
export function zxingWasmPath(): string {
  return createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
}

let loading: Promise<QrImageReader> | undefined;

/**
 * Loads the zxing reader from the installed package's wasm file, once per process.
 *
 * @example
 * ```ts
 * import { decodeQrImage } from '@consent-sim/qr';
 * import { loadNodeZxingReader } from '@consent-sim/qr/node';
 * const { text } = await decodeQrImage(pngBytes, { zxing: await loadNodeZxingReader() });
 * ```
 */
export function loadNodeZxingReader(): Promise<QrImageReader> {
  loading ??= loadZxingReader(readFileSync(zxingWasmPath()));
  return loading;
}
