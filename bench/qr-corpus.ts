/**
 * QR codes as customers hand them over (issue 16, step CM_REQ_OFF_SP_02): decode success per
 * degradation class of our reader (zxing-wasm, `decodeQrImage`) against `zbarimg` (Debian
 * zbar-tools) and jsqr on the same image files of the seeded corpus, and the median decode time of
 * zxing against jsqr on the same pixels. Targets: ours ≥ zbar on every class, 100 % undistorted,
 * zxing ≥ 3× faster than jsqr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeQrImage, type QrReaderChoice } from '@consent-sim/qr';
import {
  type CorpusImage,
  corpusCases,
  DEGRADATION_CLASSES,
  type DegradationClass,
  renderCorpusCase,
} from '@consent-sim/qr/corpus';
import { loadNodeZxingReader } from '@consent-sim/qr/node';
import type { BenchSection } from './run.ts';

const SEED = 2026;
/** Cases per class: 220 images, about two minutes on 2 cores (zbarimg and jsqr dominate). */
const PER_CLASS = 20;

interface Outcome {
  degradation: DegradationClass;
  ours: boolean;
  jsqr: boolean;
  zbar: boolean;
  zxingMs: number;
  jsqrMs: number;
}

type Zxing = Awaited<ReturnType<typeof loadNodeZxingReader>>;

/** Reads the file with `reader`; true when the exact payload came back. */
async function readsPayload(
  image: CorpusImage,
  input: Uint8Array | CorpusImage['pixels'],
  reader: QrReaderChoice,
  zxing: Zxing,
): Promise<{ ok: boolean; ms: number }> {
  const start = performance.now();
  try {
    const { text } = await decodeQrImage(input, { reader, zxing });
    return { ok: text === image.payload, ms: performance.now() - start };
  } catch {
    return { ok: false, ms: performance.now() - start };
  }
}

/** zbarimg on the same file; -Sbinary returns the stored bytes without charset guessing. */
function zbarReads(image: CorpusImage, dir: string): boolean {
  const file = join(dir, `${image.corpusCase.id}.${image.format === 'png' ? 'png' : 'jpg'}`);
  writeFileSync(file, image.file);
  const run = spawnSync('zbarimg', ['--raw', '-q', '-Sbinary', file]);
  if (run.error) throw new Error(`bench/qr-corpus: zbarimg is missing (${run.error.message})`);
  return run.status === 0 && run.stdout.toString('utf8').replace(/\n$/, '') === image.payload;
}

async function measure(zxing: Zxing, dir: string, perClass: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const corpusCase of corpusCases({ seed: SEED, perClass })) {
    const image = renderCorpusCase(corpusCase);
    const ours = await readsPayload(image, image.file, 'zxing', zxing);
    // Timing on the decoded pixels, so file decoding (pngjs, jpeg-js) is not counted twice.
    const zxingTime = await readsPayload(image, image.pixels, 'zxing', zxing);
    const jsqr = await readsPayload(image, image.pixels, 'jsqr', zxing);
    outcomes.push({
      degradation: corpusCase.degradation,
      ours: ours.ok,
      jsqr: jsqr.ok,
      zbar: zbarReads(image, dir),
      zxingMs: zxingTime.ms,
      jsqrMs: jsqr.ms,
    });
  }
  return outcomes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const rate = (hits: number, total: number) => `${Math.round((100 * hits) / total)} %`;

function table(outcomes: Outcome[]): { rows: string[]; misses: string[] } {
  const rows: string[] = [];
  const misses: string[] = [];
  for (const degradation of DEGRADATION_CLASSES) {
    const group = outcomes.filter((outcome) => outcome.degradation === degradation);
    const count = (key: 'ours' | 'jsqr' | 'zbar') => group.filter((o) => o[key]).length;
    const [ours, zbar, jsqr] = [count('ours'), count('zbar'), count('jsqr')];
    const zx = median(group.map((o) => o.zxingMs));
    const js = median(group.map((o) => o.jsqrMs));
    const met = ours >= zbar && (degradation !== 'undistorted' || ours === group.length);
    if (!met)
      misses.push(`${degradation}: ours ${ours}/${group.length}, zbar ${zbar}/${group.length}`);
    rows.push(
      `| ${degradation} | ${group.length} | **${rate(ours, group.length)}** | ${rate(zbar, group.length)} | ${rate(jsqr, group.length)} | ${met ? 'met' : '**missed**'} | ${zx.toFixed(1)} | ${js.toFixed(1)} | ${(js / zx).toFixed(1)}× |`,
    );
  }
  return { rows, misses };
}

export default async function qrCorpusBench(perClass = PER_CLASS): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'consent-sim-qr-corpus-'));
  try {
    const zxing = await loadNodeZxingReader();
    const outcomes = await measure(zxing, dir, perClass);
    const { rows, misses } = table(outcomes);
    const zx = median(outcomes.map((o) => o.zxingMs));
    const js = median(outcomes.map((o) => o.jsqrMs));
    const hits = (key: 'ours' | 'jsqr' | 'zbar') => outcomes.filter((o) => o[key]).length;
    const markdown = [
      `Seeded corpus (\`corpusCases({ seed: ${SEED}, perClass: ${perClass} })\` from \`@consent-sim/qr/corpus\`, generated in the run, nothing downloaded): CMRequest-like payloads of 300–2 300 bytes at L/M/Q, 2–5 px per module, one degradation class per row. Every reader gets the same file (PNG, or JPEG for jpeg and photo); a read counts only when the exact payload comes back. "ours" is \`decodeQrImage\` (zxing-wasm ${'3.1.4'}, wasm from the installed package) on the file; zbar is \`zbarimg --raw -q -Sbinary\`; jsqr is the previous reader. Times are medians per image on the decoded pixels (misses included: a miss is when a reader tries hardest).`,
      '',
      '| class | images | ours (zxing) | zbarimg | jsqr | ours ≥ zbar | zxing ms | jsqr ms | jsqr / zxing |',
      '|---|---:|---:|---:|---:|---|---:|---:|---:|',
      ...rows,
      `| **all** | ${outcomes.length} | **${rate(hits('ours'), outcomes.length)}** | ${rate(hits('zbar'), outcomes.length)} | ${rate(hits('jsqr'), outcomes.length)} | ${misses.length === 0 ? 'met' : `missed on ${misses.length}`} | ${zx.toFixed(1)} | ${js.toFixed(1)} | **${(js / zx).toFixed(1)}×** |`,
      '',
      misses.length === 0
        ? 'Target ours ≥ zbar on every class and 100 % on the undistorted images: **met**.'
        : `Target ours ≥ zbar missed on: ${misses.join('; ')}.`,
      `Target zxing ≥ 3× faster than jsqr (median over all images): **${js / zx >= 3 ? 'met' : 'missed'}** (${(js / zx).toFixed(1)}×).`,
    ].join('\n');
    return { title: 'QR decoding of degraded images: ours vs zbarimg, zxing vs jsqr', markdown };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
