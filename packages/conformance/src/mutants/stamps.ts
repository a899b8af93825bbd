/**
 * Wrong document writers: a role whose decisions are the reference's but whose documents record
 * the wrong "now" (a wall clock, UTC digits under a local label, a zone without DST). Each is an
 * outbox rewrite: the served reference role's outbox items, restamped before they reach the
 * harness, as a system with that writer would send them.
 */
import { isoInZone } from '@consent-sim/core';
import type { DeliverRequest, OutboxItem } from '../sut/protocol.ts';

/** What a document writer knows: the process zone and what its test delivered so far. */
export interface WriterContext {
  zone: string;
  received: readonly DeliverRequest[];
}

/** What a system's document writer does to each outbox item its role sends. */
export type OutboxRewrite = (item: OutboxItem, context: WriterContext) => OutboxItem;

/** How a wrong writer turns the instant a field should record (epoch ms) into its text. */
export type Stamp = (rightMs: number, zone: string) => string;

/** The server's wall clock instead of the test clock (in the right zone). */
export const wallClock: Stamp = (_rightMs, zone) => isoInZone(Date.now(), zone);

/** The UTC clock reading written under `label` (e.g. `+01:00`, or `''` for no offset). */
export const utcDigitsAs =
  (label: string): Stamp =>
  (rightMs) =>
    `${new Date(rightMs).toISOString().slice(0, 23)}${label}`;

/** The UTC clock reading written under the zone's offset (a UTC server clock read as local). */
export const utcDigitsUnderZoneOffset: Stamp = (rightMs, zone) =>
  `${new Date(rightMs).toISOString().slice(0, 23)}${isoInZone(rightMs, zone).slice(23)}`;

/** The zone's wall-clock reading under one fixed `label` all year (DST ignored in the label). */
export const localDigitsAs =
  (label: string): Stamp =>
  (rightMs, zone) =>
    `${isoInZone(rightMs, zone).slice(0, 23)}${label}`;

/** Rewrites the text of every element with local name `name`, whatever its prefix. */
export function restampXml(xml: string, name: string, stamp: (written: string) => string): string {
  const pattern = new RegExp(`(<(?:[\\w.-]+:)?${name}>)([^<]*)(</(?:[\\w.-]+:)?${name}>)`, 'g');
  return xml.replace(
    pattern,
    (_all, open: string, value: string, close: string) => `${open}${stamp(value)}${close}`,
  );
}

/**
 * A writer that stamps the elements `names` of every XML document and QR payload it sends with
 * `stamp` of the instant they should record.
 *
 * @example stamping(['DocumentCreationDateTime'], wallClock)
 */
export function stamping(names: readonly string[], stamp: Stamp): OutboxRewrite {
  return (item, { zone }) => {
    const restamp = (text: string) =>
      names.reduce(
        (t, name) =>
          restampXml(t, name, (value) => {
            const ms = Date.parse(value);
            return Number.isNaN(ms) ? value : stamp(ms, zone);
          }),
        text,
      );
    const xml = item.document?.trimStart().startsWith('<') === true;
    const document = xml && item.document !== null ? restamp(item.document) : item.document;
    const payload = item.content?.qrPayload;
    return {
      ...item,
      document,
      ...(typeof payload === 'string' && item.content
        ? { content: { ...item.content, qrPayload: restamp(payload) } }
        : {}),
    };
  };
}
