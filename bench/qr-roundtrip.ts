/**
 * Round trip of a 1.4 kB CMRequest on the RGBA path (issue 16): encode + render + decode, the
 * decode done by zxing-wasm (`decodeQrImage`) and by jsqr (`decodeRgba`, the synchronous reader
 * the simulated SP uses) in the same run, alternating. Target: zxing ≤ 10 ms median.
 */
import { performance } from 'node:perf_hooks';
import { decodeQrImage, decodeRgba, encodeQr, renderRgba } from '@consent-sim/qr';
import { loadNodeZxingReader } from '@consent-sim/qr/node';

const SAMPLES = 41;
const WARM_UP = 5;
/** The engine's scale (packages/sim renders the hand-over at 3 px per module) and the default 4. */
const SCALES = [3, 4];

/** A compact CMRequest of about 1.4 kB, as the reference DSO writes it (OFF-QR-PAYLOAD). */
function cmRequest(): string {
  const cp = 'http://www.ebutilities.at/schemata/customerconsent/cmrequest/01p30';
  const ct = 'http://www.ebutilities.at/schemata/customerprocesses/common/types/01p20';
  return [
    `<cp:CMRequest xmlns:cp="${cp}" xmlns:ct="${ct}">`,
    '<cp:MarketParticipantDirectory DocumentMode="PROD" Duplicate="false" SchemaVersion="01.30">',
    '<ct:RoutingHeader><ct:Sender AddressType="ECNumber"><ct:MessageAddress>AT001000</ct:MessageAddress></ct:Sender>',
    '<ct:Receiver AddressType="ECNumber"><ct:MessageAddress>AT001000</ct:MessageAddress></ct:Receiver>',
    '<ct:DocumentCreationDateTime>2026-12-04T10:30:00.000+01:00</ct:DocumentCreationDateTime></ct:RoutingHeader>',
    '<ct:Sector>01</ct:Sector><cp:MessageCode>ANFORDERUNG_CMQF</cp:MessageCode></cp:MarketParticipantDirectory>',
    '<cp:ProcessDirectory><ct:MessageId>AT001000202612041030000000000000001</ct:MessageId>',
    '<ct:ConversationId>AT001000202612041030000000000000001</ct:ConversationId><cp:ProcessDate>2026-12-04</cp:ProcessDate>',
    '<cp:MeteringPoint>AT0010000000000000000000000012345</cp:MeteringPoint><cp:CMRequestId>QKXL5ZB2</cp:CMRequestId>',
    '<cp:ConsentId>AT00100020261204103000000QKXL5ZB2</cp:ConsentId><cp:CMRequest>',
    '<cp:ReqDatType>MeteringData</cp:ReqDatType><cp:DateFrom>2026-12-05</cp:DateFrom><cp:DateTo>2027-12-04</cp:DateTo>',
    '<cp:MeteringIntervall>QH</cp:MeteringIntervall><cp:TransmissionCycle>D</cp:TransmissionCycle>',
    '<cp:EnergyDirection>CONSUMPTION</cp:EnergyDirection><cp:Purpose>Energieberatung für Haushalt Müller, Grüngasse 12, 1050 Wien</cp:Purpose>',
    '</cp:CMRequest></cp:ProcessDirectory></cp:CMRequest>',
  ].join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

type Stages = { encode: number[]; render: number[]; zxing: number[]; jsqr: number[] };

/** Median round trip per reader at one scale; each sample checks the text came back unchanged. */
async function measure(payload: string, scale: number): Promise<Stages> {
  const zxing = await loadNodeZxingReader();
  const stages: Stages = { encode: [], render: [], zxing: [], jsqr: [] };
  for (let round = 0; round < WARM_UP + SAMPLES; round++) {
    const t0 = performance.now();
    const symbol = encodeQr(payload, { level: 'M' });
    const t1 = performance.now();
    const image = renderRgba(symbol, { scale });
    const t2 = performance.now();
    // Alternate which reader goes first so neither always runs on a warmer cache.
    const order = round % 2 === 0 ? ['zxing', 'jsqr'] : ['jsqr', 'zxing'];
    const times: Record<string, number> = {};
    for (const reader of order) {
      const start = performance.now();
      const text =
        reader === 'zxing' ? (await decodeQrImage(image, { zxing })).text : decodeRgba(image);
      times[reader] = performance.now() - start;
      if (text !== payload) throw new Error(`bench/qr-roundtrip: ${reader} changed the payload`);
    }
    if (round < WARM_UP) continue;
    stages.encode.push(t1 - t0);
    stages.render.push(t2 - t1);
    stages.zxing.push(times.zxing ?? 0);
    stages.jsqr.push(times.jsqr ?? 0);
  }
  return stages;
}

/** Markdown rows and the verdict for the 10 ms target, for bench/qr.ts's section. */
export async function roundTripRows(): Promise<string> {
  const payload = cmRequest();
  const bytes = new TextEncoder().encode(payload).length;
  const rows: string[] = [];
  let engineZxing = 0;
  let engineRatio = 0;
  for (const scale of SCALES) {
    const s = await measure(payload, scale);
    const base = median(s.encode) + median(s.render);
    const zx = base + median(s.zxing);
    const js = base + median(s.jsqr);
    if (scale === SCALES[0]) [engineZxing, engineRatio] = [zx, js / zx];
    rows.push(
      `| ${scale} | ${median(s.encode).toFixed(1)} | ${median(s.render).toFixed(1)} | ${median(s.zxing).toFixed(1)} | ${median(s.jsqr).toFixed(1)} | **${zx.toFixed(1)}** | ${js.toFixed(1)} | ${(js / zx).toFixed(1)}× |`,
    );
  }
  const met = engineZxing <= 10;
  return [
    `Round trip of a ${bytes}-byte compact CMRequest (ANFORDERUNG_CMQF, level M, version ${encodeQr(payload).version}) on the RGBA path, median of ${SAMPLES} after ${WARM_UP} warm-up rounds; zxing (\`decodeQrImage\`) and jsqr (\`decodeRgba\`) decode the same image in the same round, alternating. Round trip = median encode + median render + median decode.`,
    '',
    '| px per module | encode | render RGBA | decode zxing | decode jsqr | round trip zxing | round trip jsqr | jsqr / zxing |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Target round trip ≤ 10 ms at the engine's ${SCALES[0]} px per module: **${met ? 'met' : 'missed'}** (${engineZxing.toFixed(1)} ms${met ? '' : `, ${(engineZxing - 10).toFixed(1)} ms over`}; ${engineRatio.toFixed(1)}× faster than the jsqr path).`,
  ].join('\n');
}
