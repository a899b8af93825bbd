/**
 * Runs a negative suite: each case drives the suite's base path against the served role, sends
 * the case's deliveries instead of the first good one matching the target and classes the
 * answer to the last. The reference served in process, driven the same way, is the oracle; its
 * answers are computed once per suite and kept (same seed, same answers).
 */

import { isoInZone } from '@consent-sim/core';
import { runScenario, type Scenario, type TraceEvent } from '@consent-sim/sim';
import { pathId } from '../paths/path-id.ts';
import { scenarioFor } from '../paths/to-scenario.ts';
import { type ProcessPlugin, tableOf } from '../process/plugin.ts';
import type { CapturedDelivery } from '../sut/bridge.ts';
import { type SutAnswer, SutClient } from '../sut/client.ts';
import { driveSut, type Observed } from '../sut/drive.ts';
import { inMemoryTransport } from '../sut/in-memory.ts';
import { LATER_TOLERANCE_MS } from '../sut/judge/findings.ts';
import { type OutboxItem, SUT_PROTOCOL_VERSION } from '../sut/protocol.ts';
import type { Check } from '../sut/verdicts.ts';
import { judgeNegative } from './judge.ts';
import type { ClassedAnswer, NegativeCase, NegativeSuite } from './types.ts';

/** The check-path id of a case: `neg-` and 12 hex digits over process, role and key. */
export function negativeCaseId(process: string, role: string, key: string): string {
  return `neg-${pathId(process, ['negative', role, key])}`;
}

/** What one case's run against a served role showed. */
export interface CaseRun {
  observed: Observed;
  answer: ClassedAnswer | null;
}

interface Prepared {
  base: Scenario;
  reference: readonly TraceEvent[];
}

const prepared = new WeakMap<NegativeSuite, Prepared>();

function prepare(suite: NegativeSuite, plugin: ProcessPlugin): Prepared {
  const known = prepared.get(suite);
  if (known !== undefined) return known;
  const base = scenarioFor(
    plugin,
    `negative-${suite.role}`,
    suite.base,
    `${suite.role}: base of the negative suite`,
  );
  const reference = runScenario(base, { processes: tableOf(plugin) }).events;
  const made = { base, reference };
  prepared.set(suite, made);
  return made;
}

/** The base path of a suite (its first good delivery is what each case replaces). */
export function negativeBase(plugin: ProcessPlugin, suite: NegativeSuite): Scenario {
  return prepare(suite, plugin).base;
}

/** Drives one case against `client`; the answer is null when the target was never reached. */
export async function runCase(
  plugin: ProcessPlugin,
  suite: NegativeSuite,
  testCase: NegativeCase,
  client: SutClient,
): Promise<CaseRun> {
  const { base, reference } = prepare(suite, plugin);
  let done = false;
  const tamper = (d: CapturedDelivery) => {
    if (done || d.messageCode !== suite.target.messageCode || d.from !== suite.target.from) {
      return null;
    }
    done = true;
    const good = {
      channel: d.channel,
      from: d.from,
      messageCode: d.messageCode,
      document: d.document,
      content: d.content,
      at: d.at,
    };
    return testCase.deliveries({ good, zone: plugin.zone });
  };
  const id = negativeCaseId(plugin.name, suite.role, testCase.key);
  const observed = await driveSut(
    { plugin, client, role: suite.role, path: { id, scenario: base }, tamper },
    reference,
  );
  const tampered = observed.tampered;
  if (tampered === undefined) return { observed, answer: null };
  const sender = tampered.deliveries.at(-1)?.from ?? suite.target.from;
  // A late system answers the case's earlier deliveries (a state rule's good request, sent the
  // same instant) first, in order, in one batch or at timers of their own (a latency that
  // varies): of what it sends late, only what goes to the last delivery's sender after its
  // answers to that sender's earlier deliveries is the answer.
  const earlier = tampered.deliveries.slice(0, -1).filter((d) => d.from === sender).length;
  const skipEarlier = tampered.answer.outbox.length === 0 && tampered.deliveries.length > 1;
  const late = await answerWithin(
    client,
    `${id}-${base.seed}`,
    tampered.answer,
    plugin.zone,
    skipEarlier ? (items) => items.filter((i) => i.to === sender).length > earlier : undefined,
  );
  const outbox = skipEarlier ? late.filter((i) => i.to === sender).slice(earlier) : late;
  return { observed, answer: suite.classify(outbox, sender) };
}

/**
 * The SUT's outbox after the case's last delivery, and what it sends at its own timers up to an
 * hour later until `enough` holds (by default: until it sends anything) when that answer was
 * empty: a server may answer a moment later than the reference
 * (up to an hour is a WARNING elsewhere, § What the harness checks), and a late refusal is a
 * refusal — not "no answer" (issue 12 build 5, variant `cm-req-off/legit-vnb-1min-later`).
 * `testId` is the one the driver reset the SUT with (drive.ts: path id and seed).
 */
async function answerWithin(
  client: SutClient,
  testId: string,
  answer: SutAnswer,
  zone: string,
  enough: (outbox: readonly OutboxItem[]) => boolean = (outbox) => outbox.length > 0,
): Promise<OutboxItem[]> {
  const outbox: OutboxItem[] = [...answer.outbox];
  const until = answer.nowMs + LATER_TOLERANCE_MS;
  let next = answer.nextTimerMs;
  while (!enough(outbox) && next !== null && next <= until) {
    const later = await client.clock({
      protocol: SUT_PROTOCOL_VERSION,
      testId,
      now: isoInZone(next, zone),
    });
    outbox.push(...later.outbox);
    next = later.nextTimerMs !== null && later.nextTimerMs > next ? later.nextTimerMs : null;
  }
  return outbox;
}

const oracles = new WeakMap<NegativeCase, ClassedAnswer>();

/** The reference's answer to a case (the oracle), computed once. */
export async function oracleAnswer(
  plugin: ProcessPlugin,
  suite: NegativeSuite,
  testCase: NegativeCase,
): Promise<ClassedAnswer> {
  const known = oracles.get(testCase);
  if (known !== undefined) return known;
  const client = new SutClient(inMemoryTransport(tableOf(plugin), suite.role));
  const { answer, observed } = await runCase(plugin, suite, testCase, client);
  if (answer === null) {
    throw new Error(
      `consent-sim: negative case ${testCase.key}: the reference ${suite.role} never received ${suite.target.messageCode} on the base path (${observed.errors.join('; ') || 'no error'}); the suite's base path is wrong`,
    );
  }
  oracles.set(testCase, answer);
  return answer;
}

/** Every case of the plug-in's suites for `role`, in order (rejections first, then boundaries). */
export function casesFor(
  plugin: ProcessPlugin,
  role: string,
): { suite: NegativeSuite; testCase: NegativeCase }[] {
  return plugin.negative
    .filter((suite) => suite.role === role)
    .flatMap((suite) => suite.cases().map((testCase) => ({ suite, testCase })));
}

/**
 * Runs every negative case for `role` against `client` and judges each answer against the
 * reference's. `onCase` sees each case's checks as they are made (progress).
 *
 * @example
 * const checks = await runNegativeSuite(PROCESSES['dh-831'], 'datahub', client);
 * checks.filter((c) => c.verdict === 'FAIL'); // [] for the reference
 */
export async function runNegativeSuite(
  plugin: ProcessPlugin,
  role: string,
  client: SutClient,
  onCase?: (id: string, checks: readonly Check[]) => void,
): Promise<Check[]> {
  const checks: Check[] = [];
  for (const { suite, testCase } of casesFor(plugin, role)) {
    const judged = await judgeCase(plugin, suite, testCase, client);
    onCase?.(judged[0]?.path ?? testCase.key, judged);
    checks.push(...judged);
  }
  return checks;
}

/** One case's checks: the run's protocol errors, then the answer judged against the oracle. */
export async function judgeCase(
  plugin: ProcessPlugin,
  suite: NegativeSuite,
  testCase: NegativeCase,
  client: SutClient,
): Promise<Check[]> {
  const expected = await oracleAnswer(plugin, suite, testCase);
  // A boundary value shows that characters are counted, not bytes, only where the reference
  // takes it; where another rule refuses it (an unregistered Sender) it is no case of its own.
  if (testCase.kind === 'boundary' && expected.class !== 'accepted') return [];
  const { observed, answer } = await runCase(plugin, suite, testCase, client);
  const id = negativeCaseId(plugin.name, suite.role, testCase.key);
  return judgeNegative({
    id,
    testCase,
    expected,
    actual: answer,
    errors: observed.errors,
    codeKey: suite.codeKey,
  });
}
