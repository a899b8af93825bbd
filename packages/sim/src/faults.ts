import type { Envelope } from './envelope.ts';
import type { Rng } from './rng.ts';

/** What can go wrong with a message on a channel. */
export type FaultKind = 'drop' | 'duplicate' | 'delay' | 'reorder' | 'corrupt';

/**
 * A fault-injection rule. The filters (`channel`, `from`, `to`, `match`) select envelopes;
 * `nth` (1-based, counted over the selected envelopes) and `probability` (drawn from the
 * network's fault stream) decide whether it fires; with neither it fires on every selected one.
 */
export interface FaultRule {
  /** Shown in the trace; defaults to `<kind>#<index>`. */
  name?: string;
  channel?: string;
  from?: string;
  to?: string;
  match?: (envelope: Envelope) => boolean;
  kind: FaultKind;
  probability?: number;
  nth?: number;
  /** `delay`: extra transit time (required). `reorder`: longest hold when no successor comes. */
  delayMs?: number;
}

/** A rule with its resolved name and match counter. */
export interface ArmedRule {
  rule: FaultRule;
  name: string;
  matched: number;
}

function invalid(index: number, field: string, rule: string, value: unknown): never {
  throw new Error(
    `consent-sim: faults.ts faults[${index}].${field}: ${rule}, got ${JSON.stringify(value)}; fix the fault rule`,
  );
}

/** Validates rules up front so a typo fails before the run, not in the middle of it. */
export function armRules(rules: readonly FaultRule[]): ArmedRule[] {
  return rules.map((rule, index) => {
    const p = rule.probability;
    if (p !== undefined && !(p >= 0 && p <= 1)) {
      invalid(index, 'probability', 'must be within [0, 1]', p);
    }
    if (rule.nth !== undefined && !(Number.isInteger(rule.nth) && rule.nth >= 1)) {
      invalid(index, 'nth', 'must be an integer ≥ 1', rule.nth);
    }
    if (rule.kind === 'delay' && !(rule.delayMs !== undefined && rule.delayMs > 0)) {
      invalid(index, 'delayMs', 'a delay fault needs delayMs > 0', rule.delayMs);
    }
    if (rule.delayMs !== undefined && !(rule.delayMs >= 0)) {
      invalid(index, 'delayMs', 'must be ≥ 0', rule.delayMs);
    }
    return { rule, name: rule.name ?? `${rule.kind}#${index}`, matched: 0 };
  });
}

/** Whether an armed rule fires for this envelope (advances its counter, may draw from `rng`). */
export function fires(armed: ArmedRule, envelope: Envelope, rng: Rng): boolean {
  const { rule } = armed;
  if (rule.channel !== undefined && rule.channel !== envelope.channel) return false;
  if (rule.from !== undefined && rule.from !== envelope.from) return false;
  if (rule.to !== undefined && rule.to !== envelope.to) return false;
  if (rule.match !== undefined && !rule.match(envelope)) return false;
  armed.matched++;
  if (rule.nth !== undefined && armed.matched !== rule.nth) return false;
  // A draw only for rules that are actually probabilistic keeps other rules' streams stable.
  if (rule.probability !== undefined && rule.probability < 1) return rng.chance(rule.probability);
  return true;
}

/** Replaces a payload with a damaged copy; must be deterministic given `rng`. */
export type PayloadCorrupter = (payload: unknown, rng: Rng) => unknown;

function cut<T extends string | Uint8Array>(value: T, rng: Rng): T {
  // Truncate somewhere in the second half: an XML document loses its closing tags (never
  // well-formed afterwards) and a PNG its trailer, so the receiver's validation must notice.
  if (value.length < 2) return value.slice(0, 0) as T;
  const keep = rng.int(Math.floor(value.length / 2), value.length - 1);
  return value.slice(0, keep) as T;
}

/**
 * The default corrupter: truncates a string or byte payload; for a plain object (an e-mail or
 * letter) truncates every top-level string field of a shallow copy.
 *
 * @example defaultCorrupt('<a><b/></a>', createRng(1)); // e.g. '<a><b/></'
 */
export const defaultCorrupt: PayloadCorrupter = (payload, rng) => {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return cut(payload, rng);
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    const copy: Record<string, unknown> = { ...payload };
    for (const key of Object.keys(copy)) {
      const value = copy[key];
      if (typeof value === 'string') copy[key] = cut(value, rng);
    }
    return copy;
  }
  throw new Error(
    `consent-sim: faults.ts corrupt: cannot damage a payload of type ${typeof payload}; pass a \`corrupt\` function to the Network options`,
  );
};
