/**
 * QR encode + decode round trip (step CM_REQ_OFF_VNB_02 → CM_REQ_OFF_SP_02): the engine renders a
 * QR image for every hand-over and decodes it on the service provider's behalf, so this is on the
 * hot path of every CM_REQ_OFF scenario. Compares drawing the modules straight into RGBA pixels
 * with going through a PNG file (render → deflate → inflate), both measured in this run.
 */
import { performance } from 'node:perf_hooks';
import {
  capacityBytes,
  decodePng,
  decodeRgba,
  encodeQr,
  renderPng,
  renderRgba,
} from '@consent-sim/qr';
import { roundTripRows } from './qr-roundtrip.ts';
import type { BenchSection } from './run.ts';

/** A payload of exactly `bytes` UTF-8 bytes mixing ASCII, umlauts and "€" (byte mode keeps them). */
function textOfBytes(bytes: number): string {
  const pieces = ['<CMRequest/>', 'ä', 'Ö', 'ß', '€', ' '];
  const encoder = new TextEncoder();
  let text = '';
  let length = 0;
  for (let index = 0; ; index++) {
    const piece = pieces[index % pieces.length] ?? ' ';
    const size = encoder.encode(piece).length;
    if (length + size > bytes) break;
    text += piece;
    length += size;
  }
  return text + 'x'.repeat(bytes - length);
}

const LEVEL = 'M';
const SIZES = [500, 1000, 1500, 2000, capacityBytes(LEVEL)];
const SCALE = 4; // the renderers' default: 4 pixels per module, 4-module quiet zone
const SAMPLES = 15;
const WARM_UP = 2;

type Stage = 'encode' | 'renderRgba' | 'decodeRgba' | 'renderPng' | 'decodePng';
type Path = 'rgba' | 'png';

/** One round trip along `path`, timed per stage; checks that the bytes came back unchanged. */
function roundTrip(path: Path, payload: string): Partial<Record<Stage, number>> {
  const t0 = performance.now();
  const symbol = encodeQr(payload, { level: LEVEL });
  const t1 = performance.now();
  let decoded: string;
  let times: Partial<Record<Stage, number>>;
  switch (path) {
    case 'rgba': {
      const image = renderRgba(symbol, { scale: SCALE });
      const t2 = performance.now();
      decoded = decodeRgba(image);
      times = { encode: t1 - t0, renderRgba: t2 - t1, decodeRgba: performance.now() - t2 };
      break;
    }
    case 'png': {
      const file = renderPng(symbol, { scale: SCALE });
      const t2 = performance.now();
      decoded = decodePng(file);
      times = { encode: t1 - t0, renderPng: t2 - t1, decodePng: performance.now() - t2 };
      break;
    }
  }
  if (decoded !== payload) {
    throw new Error(
      `bench/qr: the ${path} round trip changed a ${payload.length}-character payload`,
    );
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export default async function qrBench(): Promise<BenchSection> {
  const rows: string[] = [];
  const ratios: number[] = [];
  for (const bytes of SIZES) {
    const payload = textOfBytes(bytes);
    const symbol = encodeQr(payload, { level: LEVEL });
    const totals: Record<Path, number[]> = { rgba: [], png: [] };
    const stages: Record<Stage, number[]> = {
      encode: [],
      renderRgba: [],
      decodeRgba: [],
      renderPng: [],
      decodePng: [],
    };
    for (let round = 0; round < WARM_UP + SAMPLES; round++) {
      // Alternate the order so neither path always runs on a warmer cache.
      const order: Path[] = round % 2 === 0 ? ['rgba', 'png'] : ['png', 'rgba'];
      for (const path of order) {
        const times = roundTrip(path, payload);
        if (round < WARM_UP) continue;
        let total = 0;
        for (const [stage, ms] of Object.entries(times) as Array<[Stage, number]>) {
          stages[stage].push(ms);
          total += ms;
        }
        totals[path].push(total);
      }
    }
    const rgba = median(totals.rgba);
    const png = median(totals.png);
    ratios.push(png / rgba);
    const ms = (values: number[]) => median(values).toFixed(1);
    rows.push(
      `| ${bytes} | ${symbol.version} | ${ms(stages.encode)} | ${ms(stages.renderRgba)} | ${ms(stages.decodeRgba)} | ${ms(stages.renderPng)} | ${ms(stages.decodePng)} | **${rgba.toFixed(1)}** | **${png.toFixed(1)}** | ${(png / rgba).toFixed(2)}× |`,
    );
  }
  const markdown = [
    `Median milliseconds over ${SAMPLES} round trips per payload size (after ${WARM_UP} warm-up rounds; the two paths alternate), byte mode, level ${LEVEL}, ${SCALE} px per module plus a 4-module quiet zone. Payloads are UTF-8 text with umlauts; every round trip checks that the decoded text equals the payload. A round trip is encode + render + decode; "PNG" renders to a grayscale PNG file and decodes it with pngjs before jsqr.`,
    '',
    '| payload bytes | version | encode | render RGBA | decode RGBA | render PNG | decode PNG | round trip RGBA | round trip PNG | PNG / RGBA |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `In this run the RGBA round trip is ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× faster than the PNG round trip (both decoded by jsqr).`,
    '',
    '### A 1.4 kB CMRequest: zxing against jsqr',
    '',
    await roundTripRows(),
  ].join('\n');
  return { title: 'QR encode + decode', markdown };
}
