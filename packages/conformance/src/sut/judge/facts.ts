/**
 * What a delivered document says beyond its code, route and response codes, in a form that
 * does not depend on anybody's ids: which earlier document it answers (a Datahub ACK's
 * OriginalMessageId, a CMNotification's CMRequestId, resolved to that document's code, route
 * and ordinal in the run) and the business content the receiver acts on (the process element an
 * ACK copies, the accounting points a DH-825 approval grants). Two runs of one path can then be
 * compared although every MessageId, ConversationId and ConsentId in them differs.
 */
import type { TraceEvent } from '@consent-sim/sim';
import type { DocumentRead, JudgingPolicy } from '../../process/policy.ts';

export interface DeliveryFacts {
  /** This delivery as others' `refers` names it: `route #ordinal`. */
  label: string;
  /** `ACK datahub→seller #2`-style label of the document this one answers; see {@link facts}. */
  refers: string | null;
  /** Business content, field → value (values joined in a canonical order). */
  content: Record<string, string>;
  /**
   * How the document relates to the one it answers (`refers`): `ConversationId`, `ConsentId`,
   * `MeteringPoint` each `the request's`, `another` or {@link ABSENT}. Empty when it answers
   * nothing that can be found; comparable only between answers to the same document.
   */
  repeats: Record<string, string>;
  /** The document itself breaks its wire format (e.g. a `corrupt` fault truncated it). */
  damaged: boolean;
  /**
   * The interpretation key under which another reference or content is a WARNING, not a FAIL:
   * set where the documents do not fix what the answer names. An ANTWORT_CCMC answers a CMRevoke,
   * which carries no CMRequestId, so which CMRequestId and ConversationId it names is open
   * (OFF-LATE-OBJECTION); the reference names its own request's.
   */
  openUnder: string | null;
}

/** `code from→to`, the route a delivery takes (letters: their channel in brackets). */
export const routeOf = (e: TraceEvent) =>
  `${e.messageCode ?? `(${e.channel ?? '?'})`} ${e.from ?? '?'}→${e.to ?? '?'}`;

/** The answer names an id that no earlier delivery of the run carries. */
export const UNRESOLVED = 'an id no earlier document carries';

type Read = DocumentRead;

/**
 * The facts of every delivery of a run, keyed by the trace event. Deliveries are taken in the
 * order they reached their receivers; an answer resolves to the latest earlier delivery whose
 * own id it names (CMRequest: CMRequestId; Datahub: Header/MessageId).
 *
 * @example
 * const f = facts(run.trace, dh831Policy); // f.get(ackEvent)?.refers === 'DH-831 seller→datahub #1'
 */
export function facts(
  trace: readonly TraceEvent[],
  policy: Pick<JudgingPolicy, 'readFacts' | 'openUnder'>,
): Map<TraceEvent, DeliveryFacts> {
  const out = new Map<TraceEvent, DeliveryFacts>();
  const ordinals = new Map<string, number>();
  const byId = new Map<string, { label: string; ids?: Read['ids'] }>();
  const delivered = deliveredTexts(trace);
  const deliveries = trace
    .filter((e) => e.kind === 'deliver')
    .sort((x, y) => x.atMs - y.atMs || x.seq - y.seq);
  for (const e of deliveries) {
    const route = routeOf(e);
    const ordinal = (ordinals.get(route) ?? 0) + 1;
    ordinals.set(route, ordinal);
    const text = delivered.get(envelopeOf(e)) ?? null;
    const read: Read =
      text === null
        ? { ownId: null, answers: null, content: {}, damaged: false }
        : policy.readFacts(e, text);
    const answered = read.answers === null ? undefined : byId.get(`${e.channel}|${read.answers}`);
    const refers = read.answers === null ? null : (answered?.label ?? UNRESOLVED);
    const label = `${route} #${ordinal}`;
    const openUnder = policy.openUnder(e);
    out.set(e, {
      label,
      refers,
      content: read.content,
      repeats: repeats(read.ids, answered?.ids),
      damaged: read.damaged,
      openUnder,
    });
    if (read.ownId !== null) byId.set(`${e.channel}|${read.ownId}`, { label, ids: read.ids });
  }
  return out;
}

/** `absent`: the answer does not name it (the schema allows that; a WARNING where it matters). */
export const ABSENT = 'absent';

/**
 * How an EDA answer relates to the request it answers: it repeats the request's ConversationId
 * and names the request's ConsentId and MeteringPoint (the real ZUSTIMMUNG_CCMO sample does; a
 * CMNotification may leave the last two out). Each field reads `the request's`, `another` or
 * {@link ABSENT}, so two runs compare although their ids differ.
 */
function repeats(answer: Read['ids'], request: Read['ids']): Record<string, string> {
  if (answer === undefined || request === undefined) return {};
  const relate = (named: readonly string[], asked: readonly string[]) =>
    named.length === 0
      ? ABSENT
      : asked.length > 0 && named.every((v) => asked.includes(v))
        ? "the request's"
        : 'another';
  return {
    ConversationId: answer.conversationId === request.conversationId ? "the request's" : 'another',
    ConsentId: relate(answer.consentIds, request.consentIds),
    MeteringPoint: relate(answer.meteringPoints, request.meteringPoints),
  };
}

const envelopeOf = (e: TraceEvent) =>
  typeof e.detail === 'object' && e.detail !== null && 'envelope' in e.detail
    ? String(e.detail.envelope)
    : '';

/**
 * The text each envelope arrived with: what its sender sent (the `send` event), or what a
 * `corrupt` fault left of it (the `fault` event's document). A `deliver` event names its
 * envelope in `detail.envelope` and carries no document of its own.
 */
function deliveredTexts(trace: readonly TraceEvent[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const e of trace) {
    const corrupted =
      e.kind === 'fault' &&
      typeof e.detail === 'object' &&
      e.detail !== null &&
      'fault' in e.detail &&
      e.detail.fault === 'corrupt';
    if ((e.kind === 'send' || corrupted) && e.document !== null)
      texts.set(envelopeOf(e), e.document);
  }
  return texts;
}
