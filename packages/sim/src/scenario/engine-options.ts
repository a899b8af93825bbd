import type { FaultRule } from '../faults.ts';
import { durationMs } from './at.ts';
import type { ScenarioFault } from './types.ts';

/**
 * The scenario's `faults` as the network's fault rules: `messageCode` becomes a `match`
 * predicate, `delay` milliseconds, and each rule is named `<kind>#<index>` after its place in the
 * file so the trace points back to it.
 *
 * @example faultRules([{ kind: 'drop', channel: 'eda', messageCode: 'ANFORDERUNG_CMQF', nth: 1 }])
 * // → [{ name: 'drop#0', kind: 'drop', channel: 'eda', nth: 1, match: (e) => e.messageCode === 'ANFORDERUNG_CMQF' }]
 */
export function faultRules(faults: readonly ScenarioFault[]): FaultRule[] {
  return faults.map((fault, index) => {
    const rule: FaultRule = { name: `${fault.kind}#${index}`, kind: fault.kind };
    if (fault.channel !== undefined) rule.channel = fault.channel;
    if (fault.from !== undefined) rule.from = fault.from;
    if (fault.to !== undefined) rule.to = fault.to;
    if (fault.nth !== undefined) rule.nth = fault.nth;
    if (fault.probability !== undefined) rule.probability = fault.probability;
    if (fault.delay !== undefined) rule.delayMs = durationMs(fault.delay);
    const code = fault.messageCode;
    if (code !== undefined) rule.match = (envelope) => envelope.messageCode === code;
    return rule;
  });
}

/**
 * The scenario's `channels` as the network's latencies (elapsed milliseconds per channel).
 *
 * @example channelLatencies({ eda: 'PT5S', post: 'P2D' }); // { eda: 5000, post: 172800000 }
 */
export function channelLatencies(
  channels: Readonly<Record<string, string | undefined>>,
): Record<string, number> {
  const latencies: Record<string, number> = {};
  for (const [channel, duration] of Object.entries(channels)) {
    if (duration !== undefined) latencies[channel] = durationMs(duration);
  }
  return latencies;
}
