/**
 * What a process tells the generic judge (sut/judge): how its documents are read, which codes
 * and keys it fixes, how its steps are named. The judge pairs, compares and renders; every
 * process rule it applies comes from here.
 */
import type { TraceEvent } from '@consent-sim/sim';
import type { Verdict } from '../sut/verdicts.ts';
import type { DerivationRule } from './derivations.ts';
import type { InstantPolicy } from './instants.ts';

/** What the harness reads off a SUT's document before it travels (docs/sut-protocol.md). */
export interface XmlReading {
  messageCode: string | null;
  /** Response codes (EDA) or error ids (Datahub ACK) in document order. */
  responseCodes: string[];
  /** Violations that make the document invalid on the wire, as `rule at path: message`. */
  issues: string[];
  /**
   * Business rules the content breaks that the receiving party judges (Datahub `EC.AUTH.*`);
   * empty where every rule is a wire rule.
   */
  businessIssues: string[];
}

/** What one delivered document says, independent of anybody's ids (sut/facts.ts). */
export interface DocumentRead {
  /** The id other documents use to answer this one. */
  ownId: string | null;
  /** A request: what its answer repeats; an answer: what it repeats or names. */
  ids?: { conversationId: string; consentIds: string[]; meteringPoints: string[] };
  /** The id of the document this one answers. */
  answers: string | null;
  /** Business content, field → value. */
  content: Record<string, string>;
  /** The document breaks its wire format (e.g. a `corrupt` fault truncated it). */
  damaged: boolean;
}

/** A code difference, judged: FAIL where the documents fix the code, else WARNING with its key. */
export interface CodeVerdict {
  verdict: Verdict;
  key: string | null;
  why: string;
}

export interface JudgingPolicy {
  /** Reads a document the SUT sends on `channel` (codes, wire violations, business rules). */
  readCodes(channel: string, xml: string): XmlReading;
  /** Reads a delivered document for what it answers and carries. */
  readFacts(delivery: TraceEvent, text: string): DocumentRead;
  /**
   * The interpretation key under which another reference or content of this delivery is a
   * WARNING, not a FAIL (the documents leave open what it names); null where they fix it.
   */
  openUnder(delivery: TraceEvent): string | null;
  /** Two deliveries of the same message with other codes (`want` the reference's). */
  codeVerdict(
    want: Pick<TraceEvent, 'messageCode' | 'responseCodes'>,
    got: Pick<TraceEvent, 'messageCode' | 'responseCodes'>,
  ): CodeVerdict;
  /**
   * The key under which an answer that leaves out a field its schema lets it leave out is a
   * WARNING; null where no answer repeats fields of its request.
   */
  omittedKey: string | null;
  /** Whether a path's `covers` entry is an interpretation key (not a step or branch label). */
  isKey(cover: string): boolean;
  /** The first step id a text (an invariant's message) names, or null. */
  stepIn(text: string): string | null;
  /**
   * A step as reported, as the canonical id; `alias` is set when it was reported under another
   * name the documents use (e.g. a diagram id), which is a WARNING under `alias.key`.
   */
  canonicalStep(step: string): { id: string; alias: { as: string; key: string } | null };
  /**
   * The lane of a step in the process catalogue (null for an id it does not hold): which party
   * performs a step a path's reference run does not show (`stepsExclude`), from the lanes of the
   * steps that party does show. A process without a catalogue leaves it out.
   */
  laneOf?(step: string): string | null;
  /**
   * Roles whose internal states the process invariants read from the role's own reports: with
   * the SUT in such a role the invariants would judge nothing, so they are not run.
   */
  stateKeepers: readonly string[];
  /**
   * Roles whose documents may break business rules on purpose (a path makes a seller send an
   * out-of-window request), with the receiver that judges those instead of the document check.
   */
  receiverJudgesBusinessRules: Readonly<Record<string, string>>;
  /**
   * Which fields of the documents a SUT sends record "now" (process/instants.ts), held against
   * the test clock in the plug-in's zone. A process whose documents record no instant (the toy
   * of tests/toy-process) leaves it out.
   */
  instants?: InstantPolicy;
  /**
   * Rules on what a letter or e-mail a SUT sends carries besides its instants, each a finding
   * with the field's path (CM_REQ_OFF: the QR payload of the DSO's letter, OFF-QR-PAYLOAD). A
   * process whose mail carries nothing to check leaves it out.
   */
  mailRules?: MailRules;
  /**
   * Which fields of the documents a SUT sends it must take from what it received (a request it
   * answers, a QR code, a stimulus's values), held field by field against that source
   * (process/derivations.ts). A process whose documents copy nothing leaves it out.
   */
  derivations?: readonly DerivationRule[];
}

/** One rule's outcome about a field of a letter or e-mail. */
export interface MailFinding {
  verdict: Verdict;
  why: string;
  keys: readonly string[];
  path: string;
  written: string;
  expected: string;
}

export interface MailRules {
  /** What the rules judge, for the check's title (e.g. `QR payload`). */
  subject: string;
  /** Every rule's finding about `mail`, PASS included; empty when the mail carries no subject. */
  read(mail: { channel: string; content: Record<string, unknown> | null }): MailFinding[];
}
