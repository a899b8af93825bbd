import { DEFAULT_XML_LIMITS, guardXml, type XmlLimits } from '../xml/guard.ts';
import { readXmlTree, type XmlElement } from '../xml/tree.ts';
import { EdaDocumentError } from './errors.ts';
import { normalizeWhitespace } from './facets.ts';
import { identifyEdaNamespace, supportedEdaNamespaces } from './namespaces.ts';
import {
  type DocumentRule,
  documentRule,
  type ElementRule,
  ruleNamespace,
} from './schema-model.ts';
import type { SimpleTypeRule } from './simple-types.ts';
import type { EdaDocument, ValidationIssue } from './types.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Result of {@link parseEdaXml}: the document and the structural issues met while reading it. */
export interface ParsedEdaDocument {
  /** May lack required properties when `issues` is not empty; run `validateEda` before use. */
  readonly document: EdaDocument;
  readonly issues: ValidationIssue[];
}

/**
 * Reads an EDA CMRequest, CMNotification or CMRevoke document. The input first passes
 * `guardXml`. Namespaces decide, never prefixes: the default namespace, `cp:`/`ct:`, `ns0:`/`ns1:`
 * or any other prefix give the same document. The version comes from the namespace URI; a
 * contradicting `SchemaVersion` attribute is reported. Reported here: elements or attributes the
 * version does not have, wrong namespaces, sequence order, repeated single elements, stray text.
 * Facets and occurrences are `validateEda`'s job (`validateEdaXml` runs both).
 *
 * @throws {XmlInputError} input refused by the guard or not well-formed.
 * @throws {EdaDocumentError} root element or namespace is not a supported EDA document.
 * @example
 * const { document, issues } = parseEdaXml(xmlFromTheWire);
 * if (document.documentType === 'CMNotification') document.processDirectory.responseData[0];
 */
export function parseEdaXml(
  xml: string | Uint8Array,
  options: { readonly limits?: Partial<XmlLimits> } = {},
): ParsedEdaDocument {
  const text = guardXml(xml, options.limits);
  const root = readXmlTree(text, options.limits?.maxDepth ?? DEFAULT_XML_LIMITS.maxDepth);
  const identified = identifyEdaNamespace(root.namespace);
  const rootLabel = `<${root.prefix ? `${root.prefix}:` : ''}${root.localName}> in namespace ${root.namespace ?? '(none)'}`;
  if (!identified?.supported || identified.documentType !== root.localName) {
    const why = !identified
      ? 'is not an EDA customer-consent document'
      : !identified.supported
        ? `is ${identified.documentType} version ${identified.version}, which is not supported`
        : `does not match the namespace, which belongs to ${identified.documentType}`;
    throw new EdaDocumentError(
      root.localName,
      root.namespace,
      `root element ${rootLabel} ${why}. Supported namespaces: ${supportedEdaNamespaces().join(', ')}.`,
    );
  }
  const rule = documentRule(identified.documentType, identified.version);
  const issues: ValidationIssue[] = [];
  const document: Record<string, unknown> = {
    documentType: rule.documentType,
    version: rule.version,
  };
  readComplex(rule, rule.root, root, `/${rule.root.name}`, document, issues);
  const schemaVersion = document.schemaVersion;
  if (typeof schemaVersion === 'string' && schemaVersion !== rule.version) {
    const path = `/${rule.root.name}/MarketParticipantDirectory/@SchemaVersion`;
    issues.push({
      path,
      rule: `enumeration ${rule.version}`,
      value: schemaVersion,
      message: `${path}: SchemaVersion "${schemaVersion}" contradicts the namespace ${rule.namespace} (version ${rule.version}); the namespace decides, write SchemaVersion="${rule.version}".`,
    });
  }
  return { document: document as unknown as EdaDocument, issues };
}

/** Reads attributes and child elements of `element` into `target` following `rule`'s sequence. */
function readComplex(
  document: DocumentRule,
  rule: ElementRule,
  element: XmlElement,
  path: string,
  target: Record<string, unknown>,
  issues: ValidationIssue[],
): void {
  readAttributes(rule, element, path, target, issues);
  if (element.text.trim() !== '') {
    issues.push({
      path,
      rule: 'unexpected',
      value: element.text.trim(),
      message: `${path}: text "${element.text.trim()}" is not allowed here; ${rule.name} contains only elements.`,
    });
  }
  const children = rule.children ?? [];
  const counts = new Map<ElementRule, number>();
  let furthest: ElementRule | undefined;
  for (const child of element.children) {
    const childRule = children.find((candidate) => candidate.name === child.localName);
    if (!childRule) {
      const childPath = `${path}/${child.localName}`;
      issues.push({
        path: childPath,
        rule: 'unexpected',
        message: `${childPath}: ${document.documentType} ${document.version} has no element ${child.localName} here; expected ${children.map((c) => c.name).join(', ')}.`,
      });
      continue;
    }
    const count = (counts.get(childRule) ?? 0) + 1;
    counts.set(childRule, count);
    const childPath = `${path}/${child.localName}${childRule.maxOccurs > 1 ? `[${count}]` : ''}`;
    const expectedNamespace = ruleNamespace(document, childRule);
    if (child.namespace !== expectedNamespace) {
      issues.push({
        path: childPath,
        rule: 'namespace',
        value: child.namespace ?? '',
        message: `${childPath}: element is in namespace ${child.namespace ?? '(none)'} but the schema puts ${childRule.name} in ${expectedNamespace}.`,
      });
    }
    if (furthest && children.indexOf(childRule) < children.indexOf(furthest)) {
      issues.push({
        path: childPath,
        rule: 'order',
        message: `${childPath}: ${childRule.name} must come before ${furthest.name} (XSD sequence: ${children.map((c) => c.name).join(', ')}).`,
      });
    } else furthest = childRule;
    if (childRule.maxOccurs === 1 && count > 1) {
      issues.push({
        path: childPath,
        rule: 'maxOccurs 1',
        message: `${childPath}: ${childRule.name} may occur once; this repetition is ignored.`,
      });
      continue;
    }
    if (childRule.flatten) {
      readComplex(document, childRule, child, childPath, target, issues);
      continue;
    }
    const value = readElement(document, childRule, child, childPath, issues);
    if (childRule.maxOccurs > 1) {
      const list = (target[childRule.key] as unknown[] | undefined) ?? [];
      list.push(value);
      target[childRule.key] = list;
    } else target[childRule.key] = value;
  }
}

function readElement(
  document: DocumentRule,
  rule: ElementRule,
  element: XmlElement,
  path: string,
  issues: ValidationIssue[],
): unknown {
  if (rule.children) {
    const target: Record<string, unknown> = {};
    readComplex(document, rule, element, path, target, issues);
    return target;
  }
  const first = element.children[0];
  if (first) {
    issues.push({
      path: `${path}/${first.localName}`,
      rule: 'unexpected',
      message: `${path}: ${rule.name} has simple content; child element ${first.localName} is not allowed.`,
    });
  }
  const text = rule.text ? simpleValue(rule.text, element.text) : element.text;
  if (!rule.textKey) return text;
  const target: Record<string, unknown> = { [rule.textKey]: text };
  readAttributes(rule, element, path, target, issues);
  return target;
}

function readAttributes(
  rule: ElementRule,
  element: XmlElement,
  path: string,
  target: Record<string, unknown>,
  issues: ValidationIssue[],
): void {
  for (const attribute of element.attributes) {
    // xsi:schemaLocation and friends are allowed on any element by XSD itself.
    if (attribute.namespace === XSI) continue;
    const attributeRule =
      attribute.namespace === null
        ? rule.attributes?.find((candidate) => candidate.name === attribute.localName)
        : undefined;
    if (!attributeRule) {
      const attributePath = `${path}/@${attribute.localName}`;
      issues.push({
        path: attributePath,
        rule: 'unexpected',
        value: attribute.value,
        message: `${attributePath}: ${rule.name} has no attribute ${attribute.localName}${attribute.namespace ? ` in namespace ${attribute.namespace}` : ''}.`,
      });
      continue;
    }
    target[attributeRule.key] = simpleValue(attributeRule.type, attribute.value);
  }
}

/** Whitespace-processed value; booleans and integers are converted when lexically valid. */
function simpleValue(type: SimpleTypeRule, raw: string): unknown {
  const value = normalizeWhitespace(type, raw);
  if (type.base === 'boolean' && /^(true|false|1|0)$/.test(value)) {
    return value === 'true' || value === '1';
  }
  if (type.base === 'integer' && /^[+-]?[0-9]{1,15}$/.test(value)) return Number(value);
  return value;
}
