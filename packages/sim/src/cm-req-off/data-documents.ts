/**
 * The simulation-only data messages of `OFF-DATA-DELIVERY`: ANFORDERUNG_DATEN (root
 * `DataRequest`) and DATEN_CRMSG (root `ConsumptionRecord`). The process page names no message
 * for data delivery and no official schema is at hand, so these are the reference's own XML in
 * the namespace {@link DATA_NAMESPACE}, documented in README.md next to this file. They are NOT
 * EDA documents and say so by their namespace.
 *
 * Reading is guard-first (`guardXml` of @consent-sim/messages: size, depth, DOCTYPE, entities,
 * encoding, balanced markup) and then strict: the root in this namespace as default namespace,
 * and a flat, fixed sequence of child elements holding text only. Anything else is an issue.
 */
import { guardXml, takeHandedReading, XmlInputError } from '@consent-sim/messages';

export const DATA_NAMESPACE = 'urn:consent-sim:eda-sim:data:1';

export type DataDocumentKind = 'DataRequest' | 'ConsumptionRecord';

/** One element of a data document, in document order. */
interface FieldRule {
  readonly name: string;
  readonly required: boolean;
  readonly pattern: RegExp;
  readonly hint: string;
}

const ADDRESS: FieldRule['pattern'] = /^[A-Z]{2}[0-9A-Z]{6}$/;
const GROUPING_ID = /^[0-9A-Za-z]{1,35}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

const field = (name: string, pattern: RegExp, hint: string, required = true): FieldRule => ({
  name,
  required,
  pattern,
  hint,
});

const HEADER: readonly FieldRule[] = [
  field('Sender', ADDRESS, 'an 8-character EDA address'),
  field('Receiver', ADDRESS, 'an 8-character EDA address'),
  field('DocumentCreationDateTime', DATE_TIME, 'an ISO 8601 instant with offset'),
  field('MessageCode', /^(?:ANFORDERUNG_DATEN|DATEN_CRMSG)$/, 'ANFORDERUNG_DATEN or DATEN_CRMSG'),
  field('MessageId', GROUPING_ID, '1-35 letters or digits'),
  field('ConversationId', GROUPING_ID, '1-35 letters or digits'),
  field('ConsentId', GROUPING_ID, '1-35 letters or digits'),
  field('MeteringPoint', /^[0-9A-Za-z]{1,33}$/, '1-33 letters or digits'),
];

/** The element sequence of each root (README.md, "Simulation-only data messages"). */
export const DATA_DOCUMENT_FIELDS: Readonly<Record<DataDocumentKind, readonly FieldRule[]>> = {
  DataRequest: [
    ...HEADER,
    field('DateFrom', DATE, 'a date yyyy-MM-dd'),
    field('DateTo', DATE, 'a date yyyy-MM-dd'),
  ],
  ConsumptionRecord: [
    ...HEADER,
    field('PeriodFrom', DATE_TIME, 'an ISO 8601 instant with offset'),
    field('PeriodTo', DATE_TIME, 'an ISO 8601 instant with offset'),
    field('MeteringIntervall', /^(?:QH|H|D|V)$/, 'QH, H, D or V', false),
    field('Trigger', /^(?:on-request|periodic)$/, 'on-request or periodic'),
  ],
};

/** A data document: its root and its fields by element name. */
export interface DataDocument {
  readonly kind: DataDocumentKind;
  readonly fields: Readonly<Record<string, string>>;
}

/** One finding, shaped like the EDA validator's issues. */
export interface DataIssue {
  readonly path: string;
  readonly rule: string;
  readonly value?: string;
  readonly message: string;
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * Serialises a data document with an XML declaration and two-space indentation; fields absent
 * from `doc.fields` are left out.
 *
 * @example buildDataXml({ kind: 'DataRequest', fields: { Sender: 'EP100200', … } })
 */
export function buildDataXml(doc: DataDocument): string {
  const lines = DATA_DOCUMENT_FIELDS[doc.kind].flatMap((rule) => {
    const value = doc.fields[rule.name];
    return value === undefined ? [] : [`  <${rule.name}>${escapeText(value)}</${rule.name}>`];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${doc.kind} xmlns="${DATA_NAMESPACE}">`,
    ...lines,
    `</${doc.kind}>`,
  ].join('\n');
}

/** The rules of the document's root, checked on a document we built or read. */
export function validateDataDocument(doc: DataDocument): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const rule of DATA_DOCUMENT_FIELDS[doc.kind]) {
    const path = `/${doc.kind}/${rule.name}`;
    const value = doc.fields[rule.name];
    if (value === undefined) {
      if (rule.required)
        issues.push({ path, rule: 'required', message: `${path}: missing (${rule.hint})` });
    } else if (!rule.pattern.test(value)) {
      issues.push({
        path,
        rule: `pattern ${rule.pattern.source}`,
        value,
        message: `${path}: "${value}" is not ${rule.hint}`,
      });
    }
  }
  return issues;
}

const ROOT = /^\s*(?:<\?xml[^?]*\?>\s*)?<([A-Za-z]+) xmlns="([^"]*)">([\s\S]*)<\/\1>\s*$/;
const CHILD = /^\s*<([A-Za-z]+)>([^<]*)<\/\1>/;

/**
 * Guard, then read strictly; never throws for bad input.
 *
 * @example readDataXml(buildDataXml(doc)) // { document: doc, issues: [] }
 */
export function readDataXml(xml: string | Uint8Array): {
  document?: DataDocument;
  issues: DataIssue[];
} {
  // A reading made by this function on another thread (sim serve's worker).
  const handed = takeHandedReading<ReturnType<typeof readDataXml>>('data', xml);
  if (handed !== undefined) return handed;
  let text: string;
  try {
    text = guardXml(xml);
  } catch (error) {
    if (!(error instanceof XmlInputError)) throw error;
    return { issues: [{ path: '/', rule: `xml ${error.code}`, message: error.message }] };
  }
  const root = ROOT.exec(text);
  if (root === null) {
    return {
      issues: [
        {
          path: '/',
          rule: 'unexpected',
          message: `/: not a simulation data document (root DataRequest or ConsumptionRecord with xmlns="${DATA_NAMESPACE}" and nothing else)`,
        },
      ],
    };
  }
  const [, name = '', namespace = '', body = ''] = root;
  if (name !== 'DataRequest' && name !== 'ConsumptionRecord') {
    return {
      issues: [{ path: `/${name}`, rule: 'unexpected', message: `/${name}: unknown root` }],
    };
  }
  if (namespace !== DATA_NAMESPACE) {
    return {
      issues: [
        {
          path: `/${name}`,
          rule: 'namespace',
          value: namespace,
          message: `/${name}: namespace "${namespace}", expected "${DATA_NAMESPACE}"`,
        },
      ],
    };
  }
  return readFields(name, body);
}

function readFields(kind: DataDocumentKind, body: string) {
  const issues: DataIssue[] = [];
  const fields: Record<string, string> = {};
  const rules = DATA_DOCUMENT_FIELDS[kind];
  let rest = body;
  let position = 0;
  for (let child = CHILD.exec(rest); child !== null; child = CHILD.exec(rest)) {
    const [whole, element = '', raw = ''] = child;
    rest = rest.slice(whole.length);
    const index = rules.findIndex((rule) => rule.name === element);
    const path = `/${kind}/${element}`;
    if (index < 0) {
      issues.push({ path, rule: 'unexpected', message: `${path}: unknown element` });
    } else if (index < position || fields[element] !== undefined) {
      issues.push({ path, rule: 'order', message: `${path}: out of order or repeated` });
    } else {
      position = index + 1;
      fields[element] = raw.replace(
        /&(amp|lt|gt|quot|apos);/g,
        (_, e: string) => ENTITIES[e] ?? '',
      );
    }
  }
  if (rest.trim() !== '') {
    issues.push({
      path: `/${kind}`,
      rule: 'unexpected',
      message: `/${kind}: content other than simple elements: "${rest.trim().slice(0, 40)}"`,
    });
  }
  const document: DataDocument = { kind, fields };
  return { document, issues: [...issues, ...validateDataDocument(document)] };
}
