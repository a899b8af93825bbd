/**
 * Derived fields: every field a SUT must take from something it received (a request it answers,
 * a QR code, a stimulus's values) is compared with that source, field by field; a difference is
 * a FAIL naming both paths and both values, a WARNING where the process's table says the
 * documents leave it open. Which fields come from where is the process's table
 * (process/derivations.ts); this file knows no field names.
 */
import {
  type DerivationRule,
  type DerivedItem,
  type DerivedRecord,
  derivedRecords,
  type FieldRule,
  fieldsAt,
  type SourceSpec,
} from '../../process/derivations.ts';
import { xmlLeafText } from '../../process/instants.ts';
import type { Verdict } from '../verdicts.ts';
import type { AddCheck } from './checks.ts';
import { type Finding, worstOf } from './findings.ts';

/** A delivery to the SUT or an item of its outbox, with the instant it happened. */
export interface TimedItem extends DerivedItem {
  atMs: number;
}

/** One field compared: where and what was written, where and what the source holds. */
export interface DerivedFinding extends Finding {
  path: string;
  written: string;
  expected: string;
}

interface Resolved {
  spec: SourceSpec;
  item: TimedItem;
  index: number;
  record: DerivedRecord;
}

const values = (record: DerivedRecord, path: string) => fieldsAt(record, path).map((f) => f.value);

const matches = (item: TimedItem, spec: SourceSpec) =>
  spec.channels.includes(item.channel) &&
  (spec.messageCodes === undefined || spec.messageCodes.includes(item.messageCode)) &&
  (spec.stimuli === undefined ||
    (item.stimulus !== undefined && spec.stimuli.includes(item.stimulus)));

/** The record of each source of `rule` for an output written from `inputs` (received before it). */
function resolveSources(
  rule: DerivationRule,
  output: DerivedRecord,
  inputs: readonly TimedItem[],
): Map<string, Resolved> {
  const found = new Map<string, Resolved>();
  for (const [name, spec] of Object.entries(rule.sources)) {
    const after = spec.after === undefined ? -1 : (found.get(spec.after)?.index ?? -1);
    const candidates = inputs
      .map((item, index) => ({ item, index }))
      .filter(({ item, index }) => index > after && matches(item, spec))
      .flatMap(({ item, index }) =>
        derivedRecords(item, spec.part)
          .filter((record) => spec.having === undefined || values(record, spec.having).length > 0)
          .map((record) => ({ spec, item, index, record })),
      )
      .reverse();
    const wanted = (link: NonNullable<SourceSpec['links']>[number]): string[] | null => {
      if ('latest' in link) return null;
      if ('out' in link) return values(output, link.out);
      const other = found.get(link.source);
      return other === undefined ? [] : values(other.record, link.field);
    };
    const pick = (spec.links ?? [{ latest: true }])
      .map((link) => {
        const want = wanted(link);
        if (want === null) return candidates[0];
        if (want.length === 0 || 'latest' in link) return undefined;
        return candidates.find((c) => values(c.record, link.in).some((v) => want.includes(v)));
      })
      .find((c) => c !== undefined);
    if (pick !== undefined) found.set(name, pick);
  }
  return found;
}

const instantOf = (v: string) =>
  /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(v) ? Date.parse(v) : Number.NaN;

const sameValue = (a: string, b: string, compare: FieldRule['compare']) => {
  if (a === b) return true;
  if (compare !== 'instant' && compare !== undefined && compare !== 'text') return false;
  const x = instantOf(a);
  return !Number.isNaN(x) && x === instantOf(b);
};

/** Whether the written values agree with the source's under `compare`. */
function agrees(written: string[], source: string[], compare: FieldRule['compare']): boolean {
  switch (compare ?? 'text') {
    case 'text':
    case 'instant':
      return (
        written.length === source.length &&
        written.every((w, i) => sameValue(w, source[i] ?? '', compare))
      );
    case 'set':
      return [...written].sort().join('\n') === [...source].sort().join('\n');
    case 'subset':
      return written.every((w) => source.includes(w));
    case 'disjoint':
      return written.every((w) => !source.includes(w));
    case 'each':
      return source.length === 1 && written.every((w) => w === source[0]);
  }
}

const shown = (v: readonly string[]) =>
  v.length === 0
    ? 'absent'
    : v.length <= 4
      ? v.join(', ')
      : `${v.slice(0, 3).join(', ')}, … (${v.length} values)`;

/** The source values of a field: the first source found that holds one (else the first found, empty). */
function sourceOf(field: FieldRule, found: Map<string, Resolved>) {
  const held = field.from
    .map((f) => ({ f, r: found.get(f.source) }))
    .filter((x): x is { f: (typeof field.from)[number]; r: Resolved } => x.r !== undefined);
  return held.find(({ f, r }) => values(r.record, f.path).length > 0) ?? held[0];
}

/** The findings of one plain field, or of each leaf of a copied element (`subtree`). */
function fieldFindings(
  field: FieldRule,
  output: DerivedRecord,
  src: { path: string; r: Resolved },
) {
  const where = `${src.r.spec.label}${src.r.record.where === '' ? '' : ` (${src.r.record.where})`}`;
  const pairs: { out: string; from: string }[] = [];
  if (field.subtree === true) {
    // A copied element: each leaf below `out` against the leaf at the same relative path.
    const sep = field.out.startsWith('$') ? '.' : '/';
    const relative = (r: DerivedRecord, path: string) => {
      const prefix = path.split(sep).filter((p) => p !== '');
      return r.fields
        .filter((f) => prefix.every((name, i) => f.names[i] === name))
        .map((f) => f.names.slice(prefix.length).join(sep));
    };
    const written = relative(output, field.out);
    if (written.length === 0) return [];
    for (const rel of new Set([...written, ...relative(src.r.record, src.path)]))
      pairs.push({ out: `${field.out}${sep}${rel}`, from: `${src.path}${sep}${rel}` });
  } else pairs.push({ out: field.out, from: src.path });
  const findings: DerivedFinding[] = [];
  for (const pair of pairs) {
    const written = values(output, pair.out);
    const source = values(src.r.record, pair.from);
    if (agrees(written, source, field.compare)) continue;
    const omitted = written.length === 0 && source.length > 0 && field.omitted !== undefined;
    const key = field.open ?? (omitted ? field.omitted : undefined);
    const verdict: Verdict = key === undefined ? 'FAIL' : 'WARNING';
    const writtenPath = fieldsAt(output, pair.out)[0]?.path ?? pair.out;
    const sourcePath = fieldsAt(src.r.record, pair.from)[0]?.path ?? pair.from;
    findings.push({
      verdict,
      keys: key === undefined ? [field.cite] : [key],
      why: `${writtenPath
        .split('/')
        .at(-1)
        ?.replace(/^[^:]*:/, '')} ${shown(written)}, not ${shown(source)} of ${src.r.spec.label}`,
      path: writtenPath,
      written: shown(written),
      expected: `${shown(source)} (${field.compare ?? 'text'} of ${where} ${sourcePath}; ${field.cite})`,
    });
  }
  return findings;
}

/**
 * The findings of `rule` about one record of an output, PASS ones left out; `fields` counts
 * the fields compared (0: no source found, nothing judged).
 *
 * @example derivedFindings(rule, outputRecord, inputsBefore) // { fields: 7, findings: [] }
 */
export function derivedFindings(
  rule: DerivationRule,
  output: DerivedRecord,
  inputs: readonly TimedItem[],
): {
  fields: number;
  findings: DerivedFinding[];
  sources: (TimedItem & { label: string })[];
} {
  const found = resolveSources(rule, output, inputs);
  let fields = 0;
  const findings: DerivedFinding[] = [];
  const used = new Set<Resolved>();
  for (const field of rule.fields) {
    const src = sourceOf(field, found);
    if (src === undefined) continue;
    fields += 1;
    used.add(src.r);
    findings.push(...fieldFindings(field, output, { path: src.f.path, r: src.r }));
  }
  const sources = [...used].map((r) => ({ ...r.item, label: r.spec.label }));
  return { fields, findings, sources };
}

/** What the derived checks read: the SUT's role, what it received and what it sent, in order. */
export interface DerivedInput {
  role: string;
  rules: readonly DerivationRule[];
  /** Deliveries to the SUT (documents, letters, stimuli) in the order it received them. */
  inputs: readonly TimedItem[];
  /** The SUT's outbox items in the order it sent them, with their step. */
  outputs: readonly (TimedItem & { step: string | null; at: string })[];
  /** Where a document names itself (a retransmission repeats it and is not judged again). */
  identity: readonly string[];
  /** A received document its receiver cannot fully read: what it still makes of it is its own judgement. */
  damaged: (item: TimedItem) => boolean;
  /** Whether a rule's citation is an interpretation key (the others are step ids). */
  isKey: (cite: string) => boolean;
}

/**
 * One `derived` check per output a rule of the process applies to and finds a source for; the
 * check takes the worst of its fields' findings.
 */
export function judgeDerived(input: DerivedInput, add: AddCheck): void {
  const seen = new Set<string>();
  let index = 0;
  for (const out of input.outputs) {
    const name = out.document === null ? null : xmlLeafText(out.document, input.identity);
    if (name !== null && name !== '' && seen.has(name)) continue;
    if (name !== null && name !== '') seen.add(name);
    const before = input.inputs.filter((i) => i.atMs <= out.atMs);
    for (const rule of input.rules) {
      if (rule.role !== input.role || !appliesTo(rule, out)) continue;
      for (const record of derivedRecords(out, rule.output.part)) {
        const having = rule.output.having;
        if (having !== undefined && values(record, having).length === 0) continue;
        const { fields, findings, sources } = derivedFindings(rule, record, before);
        if (fields === 0) continue;
        const damaged = sources.some((s) => input.damaged(s));
        const judged = damaged
          ? findings.map((f) => ({ ...f, verdict: 'WARNING' as const }))
          : findings;
        const worst = worstOf(judged);
        const what = `${out.messageCode ?? `(${out.channel})`}${record.where === '' ? '' : ` ${record.where}`}`;
        const title = `the ${input.role}'s ${what} carries what it takes from ${[...new Set(sources.map((s) => s.label))].join(' and ')}`;
        add('derived', index++, worst?.verdict ?? 'PASS', {
          title: judged.length === 0 ? title : `${title} (${judged.map((f) => f.why).join('; ')})`,
          step: out.step ?? rule.step,
          interpretations: [
            ...new Set((worst === undefined ? [] : judged).flatMap((f) => f.keys)),
          ].filter(input.isKey),
          expected:
            judged.length === 0
              ? `${fields} field(s) as their sources`
              : judged.map((f) => `${f.path} ${f.expected}`).join('; '),
          actual:
            judged.length === 0
              ? `${fields} field(s) as their sources`
              : judged.map((f) => `${f.path} ${f.written}`).join('; '),
          at: out.at,
        });
      }
    }
  }
}

const appliesTo = (rule: DerivationRule, out: TimedItem) =>
  rule.output.channels.includes(out.channel) && rule.output.messageCodes.includes(out.messageCode);
