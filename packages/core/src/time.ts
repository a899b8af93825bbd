import { DateTime, IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/** The zones the two processes live in. */
export const VIENNA = 'Europe/Vienna';
export const HELSINKI = 'Europe/Helsinki';

/** 15 minutes: every transition of the tz database since 1970 falls on such a UTC boundary. */
const BUCKET_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 200_000;

/**
 * Luxon's own IANA zone with a memo of its offsets per 15-minute UTC bucket. The arithmetic stays
 * Luxon's; only the `Intl` lookup behind each offset (a fifth of the 100 000-consent load run) is
 * remembered. Exact because zone transitions happen on quarter-hour UTC boundaries.
 */
class MemoizedZone extends Zone {
  readonly #zone: IANAZone;
  readonly #offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.#zone = IANAZone.create(name);
  }
  override get type(): string {
    return this.#zone.type;
  }
  override get name(): string {
    return this.#zone.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.#zone.isValid;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.#zone.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.#zone.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    const bucket = Math.floor(ts / BUCKET_MS);
    let offset = this.#offsets.get(bucket);
    if (offset === undefined) {
      if (this.#offsets.size >= MAX_CACHED_OFFSETS) this.#offsets.clear();
      offset = this.#zone.offset(ts);
      this.#offsets.set(bucket, offset);
    }
    return offset;
  }
  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();

/**
 * The Luxon zone for an IANA name, with memoized offsets; pass it wherever Luxon takes a zone.
 *
 * @example DateTime.fromMillis(ms, { zone: zoneFor(VIENNA) })
 */
export function zoneFor(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    const created = new MemoizedZone(name);
    zone = created.isValid ? created : IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/**
 * Adds calendar days in a zone: the same local wall-clock time `days` days later, so a span that
 * crosses a DST change is 23 or 25 hours per changed day (interpretation key `OFF-DAYS`).
 *
 * @example addCalendarDays(Date.parse('2026-03-28T10:00:00+01:00'), 1, VIENNA)
 *   // → epoch ms of 2026-03-29T10:00:00+02:00 (23 h later)
 */
export function addCalendarDays(epochMs: number, days: number, zone: string): number {
  const start = DateTime.fromMillis(epochMs, { zone: zoneFor(zone) });
  if (!start.isValid) throw new Error(`consent-sim: unknown time zone "${zone}"`);
  return start.plus({ days }).toMillis();
}

/** ISO 8601 with the zone's offset and milliseconds, e.g. `2026-03-29T10:00:00.000+02:00`. */
export function isoInZone(epochMs: number, zone: string): string {
  const iso = DateTime.fromMillis(epochMs, { zone: zoneFor(zone) }).toISO({ includeOffset: true });
  if (iso === null) throw new Error(`consent-sim: cannot format ${epochMs} in zone "${zone}"`);
  return iso;
}

/** The local calendar date (`yyyy-MM-dd`) of an instant in a zone. */
export function localDate(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone: zoneFor(zone) }).toISODate() ?? '';
}

/** Whole calendar days from the local date of `fromMs` to the local date of `toMs` in a zone. */
export function calendarDaysBetween(fromMs: number, toMs: number, zone: string): number {
  const a = DateTime.fromMillis(fromMs, { zone: zoneFor(zone) }).startOf('day');
  const b = DateTime.fromMillis(toMs, { zone: zoneFor(zone) }).startOf('day');
  return Math.round(b.diff(a, 'days').days);
}
