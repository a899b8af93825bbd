import { writeXml, type XmlNodeOut } from '../xml/write.ts';
import { COMMON_TYPES_NAMESPACE } from './namespaces.ts';
import {
  type DocumentRule,
  documentRule,
  type ElementRule,
  ruleNamespace,
} from './schema-model.ts';
import type { EdaDocument } from './types.ts';

/** Layout of {@link buildEdaXml}. */
export interface BuildEdaOptions {
  /** One line without indentation, e.g. for a QR payload. Default `false` (two-space indent). */
  readonly compact?: boolean;
  /** Write the XML declaration. Default `true`. */
  readonly declaration?: boolean;
}

/**
 * Serialises a typed document with the official prefixes (`cp` for the document namespace, `ct`
 * for the common types) and the elements in the XSD sequence order of the document's version.
 * Properties that the version's schema does not have are not written (`validateEda` reports
 * them as `unexpected`); missing required properties are left out (reported as `required`).
 *
 * @example
 * const xml = buildEdaXml(sampleEdaDocument('ANFORDERUNG_CMQF', { seed: 1 }));
 * const qrPayload = buildEdaXml(doc, { compact: true, declaration: false });
 */
export function buildEdaXml(doc: EdaDocument, options: BuildEdaOptions = {}): string {
  const rule = documentRule(doc.documentType, doc.version);
  return writeXml(elementNode(rule, rule.root, doc), {
    prefixes: [
      [rule.namespace, 'cp'],
      [COMMON_TYPES_NAMESPACE, 'ct'],
    ],
    declaration: options.declaration ?? true,
    compact: options.compact ?? false,
  });
}

function field(container: unknown, key: string): unknown {
  return typeof container === 'object' && container !== null
    ? (container as Record<string, unknown>)[key]
    : undefined;
}

function lexical(value: unknown): string {
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

function elementNodes(document: DocumentRule, rule: ElementRule, container: unknown): XmlNodeOut[] {
  const value = rule.flatten ? container : field(container, rule.key);
  if (value === undefined || value === null) return [];
  const items = rule.maxOccurs > 1 && Array.isArray(value) ? value : [value];
  return items.map((item: unknown) => elementNode(document, rule, item));
}

function elementNode(document: DocumentRule, rule: ElementRule, value: unknown): XmlNodeOut {
  const attributes: Array<readonly [string, string]> = [];
  for (const attribute of rule.attributes ?? []) {
    const attributeValue = field(value, attribute.key);
    if (attributeValue !== undefined) attributes.push([attribute.name, lexical(attributeValue)]);
  }
  const base = { namespace: ruleNamespace(document, rule), localName: rule.name, attributes };
  if (rule.children) {
    return {
      ...base,
      children: rule.children.flatMap((child) => elementNodes(document, child, value)),
    };
  }
  return { ...base, text: lexical(rule.textKey ? field(value, rule.textKey) : value) };
}
