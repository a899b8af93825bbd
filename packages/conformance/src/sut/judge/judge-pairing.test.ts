// The judge pairs messages by route and steps by party and id, tolerates an instant within one
// hour as a WARNING, and compares what a document answers and carries independent of ids.
// Each case takes a real reference run and changes one thing in a copy of its trace, the way a
// system under test would differ.
import { runScenario, type Scenario, type TraceEvent } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { PROCESSES, type ProcessName } from '../../processes/index.ts';
import { collectPaths } from '../../vectors/index.ts';
import { judge } from './judge.ts';
import { pairByKey } from './pairing.ts';

const SECOND = 1_000;

/** The first model path of `process` whose reference run has a delivery `pick` accepts. */
function referenceWith(process: ProcessName, pick: (e: TraceEvent) => boolean) {
  for (const path of collectPaths(PROCESSES[process], { sources: ['model'] }).paths) {
    const trace = runScenario(path.scenario, { processes: PROCESSES }).events;
    if (trace.some((e) => e.kind === 'deliver' && pick(e)))
      return { scenario: path.scenario, trace };
  }
  throw new Error(`no ${process} model path delivers what the test needs`);
}

const judgeAs = (
  role: string,
  scenario: Scenario,
  reference: readonly TraceEvent[],
  trace: readonly TraceEvent[],
  exact = false,
) =>
  judge({
    exact,
    pathId: 'p',
    role,
    scenario,
    policy: PROCESSES[scenario.process as ProcessName].policy,
    covers: [],
    trace,
    reference,
    sutDocuments: [],
    errors: [],
  });

/** A copy of `trace` where the events `pick` accepts are replaced by `change(event)`. */
const changed = (
  trace: readonly TraceEvent[],
  pick: (e: TraceEvent) => boolean,
  change: (e: TraceEvent) => TraceEvent,
) => trace.map((e) => (pick(e) ? change(e) : e));

const isAck = (e: TraceEvent) => e.kind === 'deliver' && e.messageCode === 'ACK';
const isNotification = (e: TraceEvent) =>
  e.kind === 'deliver' && e.messageCode === 'ANTWORT_CMQF' && e.from === 'vnb';
/** The document a party sends travels on its `send` event; deliveries name the envelope. */
const sent = (is: (e: TraceEvent) => boolean) => (e: TraceEvent) =>
  e.kind === 'send' && is({ ...e, kind: 'deliver' });

describe('pairByKey', () => {
  const item = (key: string, atMs: number) => ({ key, atMs });
  it('pairs same-instant items first, then the rest in time order; leftovers come last', () => {
    const want = [item('a', 1), item('b', 1), item('a', 5)];
    const got = [item('b', 1), item('a', 2), item('a', 1), item('c', 9)];
    const pairs = pairByKey(want, got, (i) => i.key);
    expect(pairs).toEqual([
      { w: want[0], g: got[2] },
      { w: want[1], g: got[0] },
      { w: want[2], g: got[1] },
      { g: got[3] },
    ]);
  });

  it('pairs a key in time order when same-instant pairs would cross (a run a minute late)', () => {
    // Two requests a minute apart, each sent a minute late: the first lands at the second's instant.
    const want = [item('r', 0), item('r', 60)];
    const got = [item('r', 60), item('r', 120)];
    expect(pairByKey(want, got, (i) => i.key)).toEqual([
      { w: want[0], g: got[0] },
      { w: want[1], g: got[1] },
    ]);
    // Without a crossing the same-instant pair stays: a missing first item is missing.
    const alone = [item('r', 60)];
    expect(pairByKey(want, alone, (i) => i.key)).toEqual([
      { w: want[0] },
      { w: want[1], g: alone[0] },
    ]);
  });
});

describe('judge: the same run judges clean', () => {
  it('a reference run against itself has nothing but PASS (CM_REQ_OFF and DH-831)', () => {
    for (const process of ['cm-req-off', 'dh-831'] as const) {
      const { scenario, trace } = referenceWith(process, () => true);
      const verdicts = new Set(judgeAs('vnb', scenario, trace, trace).map((c) => c.verdict));
      expect([...verdicts]).toEqual(['PASS']);
    }
  });
});

describe('judge: instants', () => {
  const { scenario, trace } = referenceWith('dh-831', isAck);
  const later = (ms: number) =>
    changed(
      trace,
      (e) => e.atMs >= (trace.find(isAck)?.atMs ?? 0),
      (e) => ({ ...e, atMs: e.atMs + ms }),
    );

  it('a message and the steps after it a second late are WARNINGs of their own kind, citing no reading', () => {
    const checks = judgeAs('datahub', scenario, trace, later(SECOND));
    expect(checks.filter((c) => c.verdict === 'FAIL')).toEqual([]);
    const ack = checks.find((c) => c.id.includes(':message#') && c.title.includes('ACK'));
    // A 1 s delay is no reading of DH-START-WINDOW (issue 11 item 4): no key, its own title.
    expect(ack).toMatchObject({ verdict: 'WARNING', interpretations: [] });
    expect(ack?.title).toContain('instant: 1 s later than the reference');
    expect(checks.some((c) => c.id.includes(':step#') && c.verdict === 'WARNING')).toBe(true);
  });

  it('a second early is a FAIL: only a reading matched exactly makes an earlier instant a WARNING', () => {
    const checks = judgeAs('datahub', scenario, trace, later(-SECOND));
    const ack = checks.find((c) => c.id.includes(':message#') && c.title.includes('ACK'));
    expect(ack?.verdict).toBe('FAIL');
    expect(ack?.title).toContain('instant: 1 s earlier');
  });

  it("held against a reading's run (exact), a second late is a FAIL: no tolerance", () => {
    const checks = judgeAs('datahub', scenario, trace, later(SECOND), true);
    const ack = checks.find((c) => c.id.includes(':message#') && c.title.includes('ACK'));
    expect(ack?.verdict).toBe('FAIL');
  });

  it('more than an hour late is a FAIL', () => {
    const checks = judgeAs('datahub', scenario, trace, later(2 * 3_600 * SECOND));
    expect(checks.some((c) => c.id.includes(':message#') && c.verdict === 'FAIL')).toBe(true);
  });
});

describe('judge: what a document answers and carries', () => {
  it('an ACK naming a MessageId no earlier document carries is a FAIL', () => {
    const { scenario, trace } = referenceWith('dh-831', isAck);
    const wrong = changed(trace, sent(isAck), (e) => ({
      ...e,
      document: (e.document ?? '').replace(
        /(<(?:\w+:)?OriginalMessageId>)[^<]*/,
        '$1not-a-message-of-this-run',
      ),
    }));
    const fail = judgeAs('datahub', scenario, trace, wrong).find((c) => c.verdict === 'FAIL');
    expect(fail?.title).toMatch(
      /answers an id no earlier document carries, not DH-8\d1 seller→datahub #1/,
    );
  });

  it('an EDA answer with a fresh CMRequestId or another ConversationId is a FAIL; no ConsentId a WARNING', () => {
    const { scenario, trace } = referenceWith('cm-req-off', isNotification);
    const edit = (pattern: RegExp, replacement: string) =>
      judgeAs(
        'vnb',
        scenario,
        trace,
        changed(trace, sent(isNotification), (e) => ({
          ...e,
          document: (e.document ?? '').replace(pattern, replacement),
        })),
      );
    const byCmRequestId = edit(/(<(?:\w+:)?CMRequestId>)[^<]*/, '$1ZZZZZZZZ');
    expect(byCmRequestId.find((c) => c.verdict === 'FAIL')?.title).toContain(
      'answers an id no earlier document carries',
    );
    const byConversation = edit(/(<(?:\w+:)?ConversationId>)[^<]*/, '$1AT001000T1');
    expect(byConversation.find((c) => c.verdict === 'FAIL')?.title).toContain(
      'ConversationId: another',
    );
    const withoutConsentId = edit(/<(\w+:)?ConsentId>[^<]*<\/(\w+:)?ConsentId>/, '');
    expect(withoutConsentId.filter((c) => c.verdict === 'FAIL')).toEqual([]);
    expect(withoutConsentId.find((c) => c.verdict === 'WARNING')).toMatchObject({
      interpretations: ['OFF-ANSWER-CODES'],
    });
  });

  it('an ANTWORT_CCMC naming another CMRequestId is a WARNING: a CMRevoke carries none (OFF-LATE-OBJECTION)', () => {
    const isRevocationAnswer = (e: TraceEvent) =>
      e.kind === 'deliver' && e.messageCode === 'ANTWORT_CCMC';
    const { scenario, trace } = referenceWith('cm-req-off', isRevocationAnswer);
    const fresh = changed(trace, sent(isRevocationAnswer), (e) => ({
      ...e,
      document: (e.document ?? '').replace(/(<(?:\w+:)?CMRequestId>)[^<]*/, '$1ZZZZZZZZ'),
    }));
    const checks = judgeAs('sp', scenario, trace, fresh);
    expect(checks.filter((c) => c.verdict === 'FAIL')).toEqual([]);
    expect(checks.find((c) => c.verdict === 'WARNING')).toMatchObject({
      interpretations: ['OFF-LATE-OBJECTION'],
    });
  });
});
