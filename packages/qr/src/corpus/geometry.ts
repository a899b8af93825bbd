/**
 * Geometric degradations of a grayscale image: what a phone camera or a scanner does to the
 * position of the modules (rescaled, rotated, seen at an angle). Pixels outside the source are
 * paper-white, as around a printed code.
 */

/** One byte per pixel, rows top to bottom: the corpus works in gray and converts at the end. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

const PAPER = 255;

/** Bilinear sample at (x, y) in pixel-centre coordinates; paper outside the image. */
export function sampleBilinear(image: GrayImage, x: number, y: number): number {
  const { data, width, height } = image;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (px: number, py: number): number =>
    px < 0 || py < 0 || px >= width || py >= height ? PAPER : (data[py * width + px] ?? PAPER);
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * Rescales by `factor` (0.4 = 40 %), sampling at pixel centres. 'bilinear' blends neighbours as
 * image viewers and mail clients do; 'nearest' repeats or drops whole pixels.
 */
export function rescale(
  image: GrayImage,
  factor: number,
  method: 'bilinear' | 'nearest',
): GrayImage {
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const data = new Uint8Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const srcY = (y + 0.5) * sy - 0.5;
    for (let x = 0; x < width; x++) {
      const srcX = (x + 0.5) * sx - 0.5;
      data[y * width + x] =
        method === 'nearest'
          ? (image.data[
              Math.min(image.height - 1, Math.round(srcY)) * image.width +
                Math.min(image.width - 1, Math.round(srcX))
            ] ?? PAPER)
          : sampleBilinear(image, srcX, srcY);
    }
  }
  return { data, width, height };
}

/** Rotates by `degrees` about the centre onto a canvas that holds the whole rotated image. */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const width = Math.ceil(Math.abs(image.width * cos) + Math.abs(image.height * sin));
  const height = Math.ceil(Math.abs(image.width * sin) + Math.abs(image.height * cos));
  const data = new Uint8Array(width * height);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const sourceCx = (image.width - 1) / 2;
  const sourceCy = (image.height - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse rotation: where in the source this output pixel comes from.
      const dx = x - cx;
      const dy = y - cy;
      data[y * width + x] = sampleBilinear(
        image,
        cos * dx + sin * dy + sourceCx,
        -sin * dx + cos * dy + sourceCy,
      );
    }
  }
  return { data, width, height };
}

/** Corners as [x, y]: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [[number, number], [number, number], [number, number], [number, number]];

/**
 * Warps the image so its corners land on `corners` (a code photographed at an angle): each output
 * pixel is mapped back through the homography from the quad to the source rectangle.
 */
export function perspective(image: GrayImage, corners: Quad): GrayImage {
  const { width, height } = image;
  const rectangle: Quad = [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ];
  const h = homography(corners, rectangle);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + 1;
      const u = ((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w;
      const v = ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w;
      data[y * width + x] = sampleBilinear(image, u, v);
    }
  }
  return { data, width, height };
}

/** The 8 coefficients of the projective map taking `from[i]` to `to[i]` (Gaussian elimination). */
function homography(from: Quad, to: Quad): number[] {
  const rows: number[][] = [];
  from.forEach(([x, y], index) => {
    const [u, v] = to[index] ?? [0, 0];
    rows.push([x, y, 1, 0, 0, 0, -x * u, -y * u, u]);
    rows.push([0, 0, 0, x, y, 1, -x * v, -y * v, v]);
  });
  for (let column = 0; column < 8; column++) {
    let pivot = column;
    for (let row = column + 1; row < 8; row++) {
      if (Math.abs(rows[row]?.[column] ?? 0) > Math.abs(rows[pivot]?.[column] ?? 0)) pivot = row;
    }
    const swap = rows[column] as number[];
    rows[column] = rows[pivot] as number[];
    rows[pivot] = swap;
    const lead = rows[column] as number[];
    for (let row = 0; row < 8; row++) {
      const current = rows[row] as number[];
      if (row === column) continue;
      const factor = (current[column] ?? 0) / (lead[column] ?? 1);
      for (let k = column; k < 9; k++) current[k] = (current[k] ?? 0) - factor * (lead[k] ?? 0);
    }
  }
  return rows.map((row, index) => (row[8] ?? 0) / (row[index] ?? 1));
}
