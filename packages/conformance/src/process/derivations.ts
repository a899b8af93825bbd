/**
 * Derived fields: what a process declares (which field of a document a SUT sends it must take
 * from which field of something it received — a request it answers, a QR code, a stimulus) and
 * the readers its table uses. The judge (sut/judge/derived.ts) compares every such field with
 * its source, field by field; it knows no field names.
 *
 * A field is named by a path: in XML by the local names of its element path (the patterns of
 * process/instants.ts: `*` one element, `**` any number, a leading `/` from the root), in the
 * structured content of a letter, a decision or a stimulus's parameters by `$.a.b` (an array
 * gives one value per element); `$stimulus` is a stimulus's name.
 */
import { matchesPath, xmlLeaves } from './instants.ts';

/** What a received item or a sent item is read as: its XML, each document of its QR payload, or its structured content. */
export type DerivedPart = 'xml' | 'qr' | 'content';

/** Which received items (deliveries to the SUT) a source is taken from. */
export interface SourceSpec {
  /** What the source is, in a report (`the ANFORDERUNG_CMQF it answers`). */
  label: string;
  channels: readonly string[];
  /** Message codes (null: an item without one, a letter or a hand-over); absent: any. */
  messageCodes?: readonly (string | null)[];
  /** Stimulus names, for `channel: 'stimulus'`. */
  stimuli?: readonly string[];
  part: DerivedPart;
  /** Only records that hold this field (e.g. the letter that carries a QR payload). */
  having?: string;
  /** Only items received after this source's item (e.g. a stimulus after the last hand-over). */
  after?: string;
  /**
   * How the right record is found among those received before the output, tried in order: the
   * latest record whose field `in` holds a value of the output's field `out`, or of another
   * (earlier declared) source's `field`. Absent: the latest record. None matches: no source.
   */
  links?: readonly SourceLink[];
}

export type SourceLink =
  | { in: string; out: string }
  | { in: string; source: string; field: string }
  | { latest: true };

/**
 * How the written values compare with the source's: `text` the same values in the same order;
 * `set` the same values in any order; `instant` the same instants (a date-time under another
 * offset that names the same instant is the same value); `subset` every written value is one of
 * the source's; `disjoint` none is; `each` every written value (a repeated element) is the
 * source's one value.
 */
export type DerivedCompare = 'text' | 'set' | 'instant' | 'subset' | 'disjoint' | 'each';

export interface FieldRule {
  /** The field of the output. */
  out: string;
  /** Where its value comes from, in order: the first source found that holds a value wins. */
  from: readonly { source: string; path: string }[];
  compare?: DerivedCompare;
  /**
   * Compare every leaf below `out` with the leaf at the same relative path below the source's
   * `path` (a copied element, e.g. the process element an ACK copies); both root-anchored.
   */
  subtree?: boolean;
  /** The step id or interpretation key that says the field is taken from there. */
  cite: string;
  /** The key under which the output leaving the field out is a WARNING (the schema lets it). */
  omitted?: string;
  /** The key under which any difference is a WARNING (the documents leave the value open). */
  open?: string;
}

/** One row of a process's table: an output, where its fields come from, which ones. */
export interface DerivationRule {
  /** The SUT's role this rule judges. */
  role: string;
  output: {
    channels: readonly string[];
    messageCodes: readonly (string | null)[];
    part: DerivedPart;
    /** Only outputs that hold this field (a customer's call that is an application, not an objection). */
    having?: string;
  };
  /** The step that writes the output (the output's own step is cited where it names one). */
  step: string;
  sources: Readonly<Record<string, SourceSpec>>;
  fields: readonly FieldRule[];
}

/** One field of a record: its path as written (prefixes kept), its local names, its value. */
export interface RecordField {
  path: string;
  names: readonly string[];
  value: string;
}

/** What one document, QR template or content holds, field by field, in document order. */
export interface DerivedRecord {
  /** Where the record is, for a report (`$.content.qrPayload document 1`). */
  where: string;
  fields: RecordField[];
}

/** The item a record is read from: a delivery to the SUT, or an item of its outbox. */
export interface DerivedItem {
  channel: string;
  messageCode: string | null;
  document: string | null;
  content?: Record<string, unknown> | null;
  stimulus?: string;
}

function xmlRecords(text: string, where: string): DerivedRecord[] {
  const docs: DerivedRecord[] = [];
  for (const leaf of xmlLeaves(text)) {
    const doc = docs[leaf.doc] ?? { where: `${where}document ${leaf.doc + 1}`, fields: [] };
    docs[leaf.doc] = doc;
    doc.fields.push({
      path: `/${leaf.qnames.join('/')}`,
      names: leaf.qnames.map((q) => q.slice(q.indexOf(':') + 1)),
      value: leaf.text,
    });
  }
  return docs.filter((d) => d !== undefined);
}

function contentFields(value: unknown, names: string[], out: RecordField[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const v of value) contentFields(v, names, out);
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) contentFields(v, [...names, k], out);
    return;
  }
  out.push({ path: names.join('.'), names, value: String(value) });
}

/**
 * The records an item holds as `part` says: its XML document (one record), each document of its
 * QR payload, or its structured content with the stimulus's name.
 *
 * @example derivedRecords({ channel: 'stimulus', messageCode: null, document: null, stimulus: 'cancel', content: { requestId: 'R1' } }, 'content')
 * // [{ where: 'stimulus cancel', fields: [{ path: '$stimulus', … }, { path: '$.requestId', value: 'R1', … }] }]
 */
export function derivedRecords(item: DerivedItem, part: DerivedPart): DerivedRecord[] {
  switch (part) {
    case 'xml':
      return item.document === null
        ? []
        : xmlRecords(item.document, '').map((r) => ({ ...r, where: '' }));
    case 'qr': {
      const payload = item.content?.qrPayload;
      return typeof payload === 'string' ? xmlRecords(payload, '$.content.qrPayload ') : [];
    }
    case 'content': {
      const fields: RecordField[] = [];
      if (item.stimulus !== undefined)
        fields.push({ path: '$stimulus', names: ['$stimulus'], value: item.stimulus });
      contentFields(item.content ?? null, ['$'], fields);
      return [{ where: item.stimulus === undefined ? '' : `stimulus ${item.stimulus}`, fields }];
    }
  }
}

/** Whether a field's names match a path: `$…` exactly, else an element-path pattern. */
export const fieldMatches = (names: readonly string[], path: string): boolean =>
  path.startsWith('$') ? names.join('.') === path : matchesPath(names, path);

/** The fields of a record a path names, in document order. */
export const fieldsAt = (record: DerivedRecord, path: string): RecordField[] =>
  record.fields.filter((f) => fieldMatches(f.names, path));
