/**
 * The mask choice of ISO/IEC 18004 §7.8.3, done the way qrcode 1.5.4 does it but ~4× faster.
 * qrcode spends about three quarters of `create` (~5 of 7 ms for a 1.4 kB CMRequest) scoring the
 * eight masks through per-module method calls; the engine encodes on every CM_REQ_OFF hand-over
 * (bench/qr.ts), so we ask qrcode for the symbol once with mask 0 and score the eight masks here
 * on flat arrays. Same penalty rules (N1–N4) and tie-break (the first lowest), so the symbol is
 * the one qrcode would pick; `mask-choice.test.ts` pins that on many payloads at every level.
 */
import QRCode from 'qrcode';
import type { QrLevel } from './capacity.ts';

/** A symbol as flat modules: `data[row * size + column]` is 1 for dark. */
export interface ModuleMatrix {
  version: number;
  size: number;
  data: Uint8Array;
}

const LEVEL_BITS: Record<QrLevel, number> = { L: 1, M: 0, Q: 3, H: 2 };
const MASKS: ReadonlyArray<(i: number, j: number) => boolean> = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/**
 * Encodes `bytes` in byte mode at `level` with the mask qrcode would choose. Throws what
 * `QRCode.create` throws (e.g. the payload is too big).
 *
 * @example
 * ```ts
 * const { version, size, data } = createWithBestMask(utf8Bytes, 'M');
 * ```
 */
export function createWithBestMask(bytes: Uint8Array, level: QrLevel): ModuleMatrix {
  const code = QRCode.create([{ data: bytes, mode: 'byte' }], {
    errorCorrectionLevel: level,
    maskPattern: 0,
  } as QRCode.QRCodeOptions);
  const { size } = code.modules;
  const masked = Uint8Array.from(code.modules.data);
  const reserved = (code.modules as unknown as { reservedBit: Uint8Array }).reservedBit;
  const unmasked = applyMask(masked, reserved, size, 0);
  let best: Uint8Array = masked;
  let lowest = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < MASKS.length; mask++) {
    const candidate = mask === 0 ? masked : applyMask(unmasked, reserved, size, mask);
    if (mask !== 0) writeFormatBits(candidate, size, level, mask);
    const score = penalty(candidate, size);
    if (score < lowest) {
      lowest = score;
      best = candidate;
    }
  }
  return { version: code.version, size, data: best };
}

/**
 * Every mask repeats with period 12 in both directions (its terms are i mod 2, i mod 3, ⌊i/2⌋ mod
 * 2, i·j mod 6), so one 12 × 12 tile per mask replaces a function call per module.
 */
const TILES = MASKS.map((at) => {
  const tile = new Uint8Array(144);
  for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) tile[i * 12 + j] = at(i, j) ? 1 : 0;
  return tile;
});

/** XORs mask `mask` onto every non-reserved module (a copy; XOR twice restores). */
function applyMask(
  source: Uint8Array,
  reserved: Uint8Array,
  size: number,
  mask: number,
): Uint8Array {
  const tile = TILES[mask] ?? new Uint8Array(144);
  const out = new Uint8Array(source.length);
  for (let row = 0; row < size; row++) {
    const tileRow = (row % 12) * 12;
    const offset = row * size;
    for (let column = 0; column < size; column++) {
      const index = offset + column;
      const flip = reserved[index] ? 0 : (tile[tileRow + (column % 12)] ?? 0);
      out[index] = (source[index] ?? 0) ^ flip;
    }
  }
  return out;
}

/** The 15 format bits (level and mask, BCH-protected) at both copies, as qrcode places them. */
function writeFormatBits(data: Uint8Array, size: number, level: QrLevel, mask: number): void {
  const info = (LEVEL_BITS[level] << 3) | mask;
  let remainder = info << 10;
  for (let bit = 14; bit >= 10; bit--) {
    if ((remainder >> bit) & 1) remainder ^= 0b10100110111 << (bit - 10);
  }
  const bits = ((info << 10) | remainder) ^ 0b101010000010010;
  for (let i = 0; i < 15; i++) {
    const dark = (bits >> i) & 1;
    const verticalRow = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    data[verticalRow * size + 8] = dark;
    const horizontalColumn = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    data[8 * size + horizontalColumn] = dark;
  }
  data[(size - 8) * size + 8] = 1;
}

/**
 * N1 + N2 + N3 + N4 exactly as qrcode's mask-pattern.js computes them, in one row-major pass:
 * columns keep their run, last module and bit window in arrays, so memory is read in order.
 */
function penalty(data: Uint8Array, size: number): number {
  const columnRun = new Int32Array(size);
  const columnLast = new Int8Array(size).fill(-1);
  const columnBits = new Int32Array(size);
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let dark = 0;
  for (let row = 0; row < size; row++) {
    const offset = row * size;
    let run = 0;
    let last = -1;
    let bits = 0;
    for (let column = 0; column < size; column++) {
      const module = data[offset + column] ?? 0;
      dark += module;
      // N1 and N3 along the row.
      if (module === last) run++;
      else {
        if (run >= 5) n1 += run - 2;
        last = module;
        run = 1;
      }
      bits = ((bits << 1) & 0x7ff) | module;
      if (column >= 10 && (bits === 0x5d0 || bits === 0x05d)) n3++;
      // N1 and N3 down the column, `row` modules in.
      if (module === columnLast[column]) columnRun[column] = (columnRun[column] ?? 0) + 1;
      else {
        const down = columnRun[column] ?? 0;
        if (down >= 5) n1 += down - 2;
        columnLast[column] = module;
        columnRun[column] = 1;
      }
      const downBits = (((columnBits[column] ?? 0) << 1) & 0x7ff) | module;
      columnBits[column] = downBits;
      if (row >= 10 && (downBits === 0x5d0 || downBits === 0x05d)) n3++;
      // N2: 2 × 2 blocks of one colour, anchored at (row, column).
      if (row < size - 1 && column < size - 1) {
        const below = offset + size + column;
        const block =
          module + (data[offset + column + 1] ?? 0) + (data[below] ?? 0) + (data[below + 1] ?? 0);
        if (block === 0 || block === 4) n2++;
      }
    }
    if (run >= 5) n1 += run - 2;
  }
  for (const down of columnRun) if (down >= 5) n1 += down - 2;
  const n4 = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10;
  return n1 + n2 * 3 + n3 * 40 + n4;
}
