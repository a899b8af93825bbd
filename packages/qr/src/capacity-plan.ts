/**
 * Capacity planning for a CM_REQ_OFF request (OFF-QR-TOO-LARGE): which levels hold a payload, at
 * which version, and how many metering points fit at most when each gets its own CMRequest
 * document shaped like a template (the process page's example: 100 metering points do not fit).
 */
import { capacityBytes, payloadByteLength, QR_LEVELS, type QrLevel } from './capacity.ts';
import { encodeQr } from './encode.ts';
import { packRequests, unpackRequests } from './payload.ts';

/** One level's verdict for a payload. */
export interface LevelCapacity {
  fits: boolean;
  capacityBytes: number;
  /** Smallest symbol version that holds the payload; absent when it does not fit. */
  version?: number;
}

/** What `planCapacity` reports. */
export interface CapacityPlan {
  payloadBytes: number;
  perLevel: Record<QrLevel, LevelCapacity>;
  /** Most metering points (one document each, like the first document) one symbol holds. */
  maxMeteringPointsAt: Record<QrLevel, number>;
}

const METERING_POINT = /<((?:[A-Za-z_][\w.-]*:)?MeteringPoint)>([^<]*)<\/\1>/;

/**
 * Plans a payload given as documents or as packed payload text. With `level`, only that level is
 * encoded to find its version (encoding takes milliseconds); the others still report `fits`.
 *
 * @example
 * ```ts
 * const plan = planCapacity([cmRequestXml]);
 * plan.perLevel.M.fits; // true
 * plan.maxMeteringPointsAt.M; // e.g. 2 for a 1.1 kB document
 * ```
 */
export function planCapacity(
  documentsOrPayload: readonly string[] | string,
  level?: QrLevel,
): CapacityPlan {
  const payload =
    typeof documentsOrPayload === 'string' ? documentsOrPayload : packRequests(documentsOrPayload);
  const documents = unpackRequests(payload);
  const payloadBytes = payloadByteLength(payload);
  const template = documents[0] ?? '';
  const perLevel = {} as Record<QrLevel, LevelCapacity>;
  const maxMeteringPointsAt = {} as Record<QrLevel, number>;
  for (const each of QR_LEVELS) {
    const capacity = capacityBytes(each);
    const fits = payloadBytes <= capacity;
    const verdict: LevelCapacity = { fits, capacityBytes: capacity };
    if (fits && (level === undefined || level === each))
      verdict.version = encodeQr(payload, { level: each }).version;
    perLevel[each] = verdict;
    maxMeteringPointsAt[each] = countMeteringPointsThatFit(template, capacity);
  }
  return { payloadBytes, perLevel, maxMeteringPointsAt };
}

/** Packs 1, 2, 3 … copies of `template` with distinct metering points until the next one overflows. */
function countMeteringPointsThatFit(template: string, capacity: number): number {
  const copies: string[] = [];
  while (true) {
    copies.push(withMeteringPoint(template, copies.length));
    if (payloadByteLength(copies.join('\n')) > capacity) return copies.length - 1;
  }
}

/**
 * The template with its MeteringPoint's trailing characters replaced by a counter of the same
 * width, so each copy names a distinct metering point of the same byte length. A template
 * without a MeteringPoint element is repeated unchanged (its size is what counts).
 */
function withMeteringPoint(template: string, index: number): string {
  if (index === 0) return template;
  return template.replace(METERING_POINT, (_element, name: string, id: string) => {
    const counter = String(index);
    const distinct =
      id.length >= counter.length ? id.slice(0, id.length - counter.length) + counter : counter;
    return `<${name}>${distinct}</${name}>`;
  });
}
