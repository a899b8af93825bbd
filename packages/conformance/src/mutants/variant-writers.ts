/**
 * What a legitimate variant (types.ts `Variant`) is made of: document writers that choose
 * differently where the formats leave the choice open — namespace prefixes, instants in UTC, ids
 * of the system's own scheme — each as a wrapper in front of the served reference role.
 */
import type { SutTransport } from '../sut/client.ts';
import { delaying } from '../sut/later.ts';
import { SUT_ENDPOINTS } from '../sut/protocol.ts';
import { type OutboxRewrite, stamping, utcDigitsAs } from './stamps.ts';
import { rewriting } from './transports.ts';
import type { Variant } from './types.ts';

/** A variant's transport: the served role's transport behind `rewrite`. */
export const writing =
  (rewrite: OutboxRewrite) =>
  (served: SutTransport, zone: string): SutTransport =>
    rewriting(served, rewrite, zone);

/** A variant's transport: every outbox item `delayMs` later, its "now" fields written then. */
export const answeringLater =
  (delayMs: number) =>
  (served: SutTransport, zone: string): SutTransport =>
    delaying(served, delayMs, zone);

/**
 * The delay of a system's `n`-th message (from 0, counted per test) whose latency varies:
 * 1 s … 60 s, spread by an integer hash of `n` (no randomness: the same run every time).
 */
export const varyingDelayMs = (n: number): number => {
  let x = Math.imul(n + 1, 0x9e3779b1) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = (x ^ (x >>> 13)) >>> 0;
  return 1_000 + (x % 60) * 1_000;
};

/**
 * A legitimate variant whose every message leaves 1 s … 1 min later than the reference's, the
 * delay varying from message to message (`varyingDelayMs`), in the order the role sent them —
 * a real system's latency is not constant. Found by trying it (2026-12-05): the harness used to
 * compare such a system with a reference held by its first delay throughout (false FAILs for
 * the SP and the customer), restamped a re-sent document anew, and took a late server's first
 * held answer for its answer to a negative case.
 */
export const varyingLater = (process: string, role: string, focus: readonly string[]): Variant => ({
  id: `${process}/legit-${role}-varying-later`,
  process,
  role,
  differs:
    "every message leaves 1 s to 1 min later than the reference's, the delay varying from " +
    'message to message (in the order sent), its "now" fields written then — correct: the ' +
    'documents fix deadlines, not how fast a system answers, nor that it answers equally fast ' +
    'each time; where the lateness moves an event across the deadline a path probes, the path is ' +
    'INCONCLUSIVE, not FAIL (issue 12 build 3)',
  transport: (served, zone) => delaying(served, (_item, n) => varyingDelayMs(n), zone),
  focus,
});

/** The elements `names` (local names) written in UTC (`Z`), the same instant. */
export const inUtc = (names: readonly string[]): OutboxRewrite => stamping(names, utcDigitsAs('Z'));

/** Every XML document written with namespace prefix `to` where the reference writes `from`. */
export const prefixed =
  (from: string, to: string): OutboxRewrite =>
  (item) =>
    item.document === null
      ? item
      : {
          ...item,
          document: item.document
            .replaceAll(`xmlns:${from}=`, `xmlns:${to}=`)
            .replace(new RegExp(`(</?)${from}:`, 'g'), `$1${to}:`),
        };

/** Writers applied one after the other. */
export const both =
  (...rewrites: readonly OutboxRewrite[]): OutboxRewrite =>
  (item, context) =>
    rewrites.reduce((written, rewrite) => rewrite(written, context), item);

/** How a system mints the ids it makes itself (the reference's are replaced by these). */
export interface OwnIdScheme {
  /** Local names of the elements that carry ids the role makes. */
  elements: readonly string[];
  /** The system's own id for the reference's `value` of `element`; `n` counts per test from 1. */
  mint: (element: string, value: string, n: number) => string;
  /**
   * Ids computed from another id of the same document (a CMRequestId from its MessageId,
   * digest "Identifier facts"): when `element` holds `compute(<from>)`, it is recomputed from
   * the renamed `from`.
   */
  derived?: readonly { element: string; from: string; compute: (from: string) => string }[];
}

const valuesOf = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}>([^<]*)</(?:[\\w.-]+:)?${name}>`, 'g'))].map(
    (m) => m[1] ?? '',
  );

/** Replaces each key of `map` by its value in `text`, longest first (an id inside another). */
function replaceAll(text: string, map: ReadonlyMap<string, string>): string {
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  return keys.reduce((t, key) => t.replaceAll(key, map.get(key) ?? key), text);
}

/**
 * A variant's transport: a system that makes its ids by its own scheme. Every id the served
 * reference role makes (an `elements` value no delivery of the test carried) is replaced, in
 * everything it sends, by the scheme's; what the harness sends back naming those ids is mapped
 * back before the reference role reads it — as a system that keeps its own ids would read it.
 * Ids the role takes from an input (an answered request's ConversationId) stay as they came.
 *
 * @example ownIds({ elements: ['MessageId'], mint: (_e, _v, n) => `M${n}` })
 */
export const ownIds =
  (scheme: OwnIdScheme) =>
  (served: SutTransport): SutTransport => {
    let received: string[] = [];
    let ours = new Map<string, string>();
    let theirs = new Map<string, string>();
    let count = 0;
    const rename = (value: string, element: string) => {
      const known = ours.get(value);
      if (known !== undefined || value === '' || received.some((r) => r.includes(value)))
        return known;
      count += 1;
      const own = scheme.mint(element, value, count);
      ours.set(value, own);
      theirs.set(own, value);
      return own;
    };
    const learn = (xml: string) => {
      for (const element of scheme.elements) {
        for (const value of valuesOf(xml, element)) rename(value, element);
      }
      for (const { element, from, compute } of scheme.derived ?? []) {
        const source = valuesOf(xml, from)[0];
        const renamed = source === undefined ? undefined : ours.get(source);
        if (source === undefined || renamed === undefined) continue;
        for (const value of valuesOf(xml, element)) {
          if (value !== compute(source) || ours.has(value)) continue;
          ours.set(value, compute(renamed));
          theirs.set(compute(renamed), value);
        }
      }
    };
    return async (path, body) => {
      if (path === SUT_ENDPOINTS.reset) {
        received = [];
        ours = new Map();
        theirs = new Map();
        count = 0;
      }
      const inbound = JSON.stringify(body);
      if (path === SUT_ENDPOINTS.deliver) received.push(inbound);
      const answer = await served(path, JSON.parse(replaceAll(inbound, theirs)));
      const outbox = (answer.body as { outbox?: unknown } | null)?.outbox;
      if (answer.status !== 200 || !Array.isArray(outbox)) return answer;
      const texts = outbox.flatMap((item: { document?: unknown; content?: unknown }) => [
        typeof item.document === 'string' ? item.document : '',
        ...(typeof item.content === 'object' && item.content !== null
          ? Object.values(item.content).filter((v): v is string => typeof v === 'string')
          : []),
      ]);
      for (const text of texts) {
        // A QR payload holds several documents: each one's derived ids from its own MessageId.
        for (const document of text.split(/(?=<\?xml|<(?:[\w.-]+:)?CMRequest\s)/)) learn(document);
      }
      // An id a delivery carried names what was delivered, even where the role's own id
      // generator happened to mint the same value (same seed on both sides): it stays.
      const own = new Map([...ours].filter(([id]) => !received.some((r) => r.includes(id))));
      return { ...answer, body: JSON.parse(replaceAll(JSON.stringify(answer.body), own)) };
    };
  };
