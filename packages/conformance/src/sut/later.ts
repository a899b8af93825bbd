/**
 * A role that answers later (issue 12, build 3): every outbox item of the wrapped transport
 * leaves `delayMs` after it would have, with the "now" instants of its documents (and an
 * e-mail's Date header) written at that later instant — a correct system that is slower. The
 * answers announce the held items as a timer (`nextTimerAt`), so the harness moves the clock to
 * them as for any SUT timer. Used twice: as the legitimate "later" variants of the mutant
 * catalogue, and by the harness to ask whether the reference, answering as late as the SUT did,
 * runs the path as the SUT's run did (remote-party.ts).
 */
import { isoInZone } from '@consent-sim/core';
import { restampXml } from '../mutants/stamps.ts';
import type { SutTransport } from './client.ts';
import { type OutboxItem, SUT_ENDPOINTS, type SutResponse } from './protocol.ts';

/** The xs:dateTime "now" fields of both processes (processes/<name>/instants.ts). */
const NOW_DATE_TIMES = ['DocumentCreationDateTime', 'Created', 'ApprovedAt'];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** An RFC 5322 Date header moved by `delayMs`, keeping its offset (`+0200`). */
function laterDateHeader(text: string, delayMs: number): string {
  return text.replace(/^Date: (.+?)(\r?)$/m, (all, value: string, cr: string) => {
    const ms = Date.parse(value);
    const offset = /([+-])(\d{2})(\d{2})\s*$/.exec(value);
    if (Number.isNaN(ms) || offset === null) return all;
    const sign = offset[1] === '-' ? -1 : 1;
    const offsetMs = sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
    const d = new Date(ms + delayMs + offsetMs);
    const when = `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    return `Date: ${when} ${offset[0].trim()}${cr}`;
  });
}

/**
 * `item` as it leaves at `dueMs`, its "now" fields `delayMs` later. `written` maps each text
 * already sent to what was sent: a document sent again (a retry) is the one written the first
 * time, as a system that re-sends keeps its document; with a delay that varies, restamping it
 * anew would date it before its first sending.
 */
function later(
  item: OutboxItem,
  dueMs: number,
  delayMs: number,
  zone: string,
  written: Map<string, string>,
): OutboxItem {
  const shift = (value: string) => {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : isoInZone(ms + delayMs, zone);
  };
  const once = (text: string, write: (text: string) => string) => {
    const sent = written.get(text) ?? write(text);
    written.set(text, sent);
    return sent;
  };
  const restamp = (text: string) =>
    once(text, (t) => NOW_DATE_TIMES.reduce((u, name) => restampXml(u, name, shift), t));
  const payload = item.content?.qrPayload;
  return {
    ...item,
    at: isoInZone(dueMs, zone),
    document:
      item.document === null
        ? null
        : item.channel === 'email'
          ? once(item.document, (t) => laterDateHeader(t, delayMs))
          : restamp(item.document),
    // A hand-over passes on the DSO's QR code, which the customer did not write (BP_04): it
    // keeps the instants the DSO wrote; a DSO's letter holds templates it writes now.
    ...(typeof payload === 'string' && item.content && item.channel !== 'handover'
      ? { content: { ...item.content, qrPayload: restamp(payload) } }
      : {}),
  };
}

/**
 * @example new SutClient(delaying(inMemoryTransport(processes, 'sp'), 60_000, 'Europe/Vienna'))
 */
export function delaying(
  transport: SutTransport,
  delay: number | ((item: OutboxItem, nth: number) => number),
  zone: string,
): SutTransport {
  let held: { dueMs: number; delayMs: number; item: OutboxItem }[] = [];
  let sent = 0;
  const written = new Map<string, string>();
  let lastDueMs = Number.NEGATIVE_INFINITY;
  const delayOf = typeof delay === 'number' ? () => delay : delay;
  return async (path, body) => {
    if (path === SUT_ENDPOINTS.reset) {
      held = [];
      sent = 0;
      written.clear();
      lastDueMs = Number.NEGATIVE_INFINITY;
    }
    const answer = await transport(path, body);
    const response = answer.body as SutResponse | null;
    if (answer.status !== 200 || response === null || !Array.isArray(response.outbox))
      return answer;
    const nowMs = Date.parse(response.now);
    for (const item of response.outbox) {
      // First in, first out: a message never overtakes one the role sent before it.
      const atMs = Date.parse(item.at);
      const dueMs = Math.max(atMs + delayOf(item, sent), lastDueMs);
      sent += 1;
      lastDueMs = dueMs;
      held.push({ dueMs, delayMs: dueMs - atMs, item });
    }
    // Held in the order sent, with due instants that never decrease (FIFO): already in order.
    const due = held.filter((h) => h.dueMs <= nowMs);
    held = held.filter((h) => h.dueMs > nowMs);
    const timers = [
      ...(response.nextTimerAt === null ? [] : [Date.parse(response.nextTimerAt)]),
      ...held.map((h) => h.dueMs),
    ];
    const next = timers.length === 0 ? null : Math.min(...timers);
    return {
      ...answer,
      body: {
        ...response,
        outbox: due.map((h) => later(h.item, h.dueMs, h.delayMs, zone, written)),
        nextTimerAt: next === null ? null : isoInZone(next, zone),
      },
    };
  };
}
