/**
 * Negative-input suites for server roles (issue 11 item 2): one case per rejection rule of the
 * reference, derived from the rule's own representation (the schema model, the Datahub element
 * sequences, the error table, the gateway branches), each sent to the served role in place of
 * one good delivery of a base path. The reference served the same way is the oracle.
 */
import type { OutboxItem } from '../sut/protocol.ts';

/** A delivery of the case, relative to the good one it replaces. */
export interface CaseDelivery {
  channel: string;
  from: string;
  messageCode: string | null;
  document: string | null;
  content: Record<string, unknown> | null;
  /** When it reaches the served role (epoch ms); the good delivery's instant or later. */
  at: number;
}

/** What the case is given: the good delivery it replaces, as the harness would have made it. */
export interface CaseInput {
  good: CaseDelivery;
  /** The process zone (calendar-day rules). */
  zone: string;
}

/**
 * One rule broken once. `deliveries` returns what goes to the served role instead of the good
 * delivery; the answer to the last one is judged.
 */
export interface NegativeCase {
  /** Stable, readable: `<rule>@<where>`; the check id is derived from it. */
  key: string;
  /** The rule id the case cites: an error id (EC.AUTH.015), a gateway branch (VNB_06.no.schema). */
  rule: string;
  /** What is sent, for people. */
  title: string;
  /** The step that answers (DH-831.DH.VALIDATE, CM_REQ_OFF_VNB_06). */
  step: string;
  /** Interpretation keys the rule comes from. */
  interpretations: readonly string[];
  /**
   * `rejection`: a rule broken (counted against the rules). `boundary`: the value just inside a
   * length facet in a non-ASCII script, so a system counting bytes is caught too.
   */
  kind: 'rejection' | 'boundary';
  deliveries(input: CaseInput): CaseDelivery[];
}

/** How an answer is classed: the documents fix the class; the exact code may be open. */
export type AnswerClass = 'accepted' | 'business' | 'technical' | 'none';

export interface ClassedAnswer {
  class: AnswerClass;
  /** Response codes or error ids, sorted. */
  codes: readonly string[];
  /** For people: `ABLEHNUNG_CMQF 76`, `negative ACK EC.AUTH.015 (copies the process)`. */
  label: string;
}

/** A process's negative suite for one server role. */
export interface NegativeSuite {
  role: string;
  /** Abstract events of the base path (the process's test model); its first delivery matching `target` is replaced by each case. */
  base: readonly string[];
  target: { messageCode: string; from: string };
  cases: () => readonly NegativeCase[];
  /** The rule ids the reference can answer with a rejection; each must have a case. */
  rules: () => readonly string[];
  /** The answer to `to` (the sender of the last delivery), classed. */
  classify(items: readonly OutboxItem[], sender: string): ClassedAnswer;
  /** The key under which a different code of the same class is only a WARNING. */
  codeKey: string;
}
