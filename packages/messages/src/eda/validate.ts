import { takeHandedReading, XmlInputError, type XmlLimits } from '../xml/index.ts';
import { EdaDocumentError } from './errors.ts';
import { checkSimpleValue } from './facets.ts';
import { EDA_VERSIONS } from './namespaces.ts';
import { parseEdaXml } from './parse.ts';
import { documentRule, type ElementRule } from './schema-model.ts';
import type { SimpleTypeRule } from './simple-types.ts';
import type { EdaDocument, EdaDocumentType, EdaVersion, ValidationIssue } from './types.ts';

/**
 * Checks a typed document against the rules of the official schema of its version, implemented
 * in code: required elements and attributes, occurrence limits (ResponseData 1..1000, …), lengths,
 * patterns, enumerations, xsd:date / xsd:dateTime / xsd:decimal / xsd:integer / xsd:boolean
 * lexical forms, decimal facets and ranges (ResponseCode 1..999), the SchemaVersion attribute and
 * properties the version does not have. Element order cannot be wrong in a typed document; it is
 * checked when reading XML (`parseEdaXml`, `validateEdaXml`).
 *
 * @example
 * validateEda(doc); // [{ path: '/CMRequest/ProcessDirectory/MessageId', rule: 'maxLength 35', … }]
 */
export function validateEda(doc: EdaDocument): ValidationIssue[] {
  const versions = EDA_VERSIONS[doc.documentType] as readonly string[] | undefined;
  if (!versions?.includes(doc.version)) {
    return [
      {
        path: '/',
        rule: 'version',
        value: `${doc.documentType} ${doc.version}`,
        message: `/: ${doc.documentType} version ${doc.version} is not supported; use one of ${versions?.join(', ') ?? 'CMRequest, CMNotification, CMRevoke'}.`,
      },
    ];
  }
  const rule = documentRule(doc.documentType, doc.version);
  const issues: ValidationIssue[] = [];
  checkComplex(rule.root, doc, `/${rule.root.name}`, issues, new Set(['documentType', 'version']));
  return issues;
}

/** What `sim validate` prints: the document (when readable), its identity and every issue. */
export interface EdaXmlValidation {
  readonly document?: EdaDocument;
  readonly documentType?: EdaDocumentType;
  readonly version?: EdaVersion;
  readonly messageCode?: string;
  readonly issues: ValidationIssue[];
}

/**
 * Guard, parse and validate in one go; never throws for bad input. Refused or unreadable input
 * yields a single issue at `/` with rule `xml <code>` (see `XmlInputError`) or `namespace`.
 *
 * @example
 * const { messageCode, issues } = validateEdaXml(readFileSync(path));
 */
export function validateEdaXml(
  xml: string | Uint8Array,
  options: { readonly limits?: Partial<XmlLimits> } = {},
): EdaXmlValidation {
  // A reading made by this function on another thread (sim serve's worker, xml/handed.ts).
  const handed = options.limits ? undefined : takeHandedReading<EdaXmlValidation>('eda', xml);
  if (handed !== undefined) return handed;
  let parsed: ReturnType<typeof parseEdaXml>;
  try {
    parsed = parseEdaXml(xml, options);
  } catch (error) {
    if (error instanceof XmlInputError) {
      return { issues: [{ path: '/', rule: `xml ${error.code}`, message: error.message }] };
    }
    if (error instanceof EdaDocumentError) {
      const path = `/${error.rootName}`;
      const issue = { path, rule: 'namespace', message: error.message };
      return { issues: [error.rootNamespace ? { ...issue, value: error.rootNamespace } : issue] };
    }
    throw error;
  }
  const { document } = parsed;
  const seen = new Set<string>();
  const issues = [...parsed.issues, ...validateEda(document)].filter((issue) => {
    const key = `${issue.path}\u0000${issue.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const result = { document, documentType: document.documentType, version: document.version };
  return typeof document.messageCode === 'string'
    ? { ...result, messageCode: document.messageCode, issues }
    : { ...result, issues };
}

const ELEMENT_NAME_BY_KEY = new Map<string, string>();
function rememberNames(rule: ElementRule): void {
  for (const child of rule.children ?? []) {
    ELEMENT_NAME_BY_KEY.set(child.key, child.name);
    rememberNames(child);
  }
  for (const attribute of rule.attributes ?? []) {
    ELEMENT_NAME_BY_KEY.set(attribute.key, `@${attribute.name}`);
  }
}
for (const [documentType, versions] of Object.entries(EDA_VERSIONS)) {
  for (const version of versions)
    rememberNames(documentRule(documentType as EdaDocumentType, version).root);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function checkComplex(
  rule: ElementRule,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  ignoredKeys: ReadonlySet<string> = new Set(),
  reportUnknownKeys = true,
): void {
  const object = asRecord(value);
  if (!object) {
    issues.push({ path, rule: 'type', message: `${path}: ${rule.name} must be an object.` });
    return;
  }
  const known = new Set(ignoredKeys);
  checkAttributes(rule, object, path, issues, known);
  for (const child of rule.children ?? []) {
    if (child.flatten) {
      checkComplex(child, object, `${path}/${child.name}`, issues, known, false);
      for (const attribute of child.attributes ?? []) known.add(attribute.key);
      for (const grandChild of child.children ?? []) known.add(grandChild.key);
      continue;
    }
    known.add(child.key);
    const childValue = object[child.key];
    const childPath = `${path}/${child.name}`;
    if (child.maxOccurs > 1) {
      const items =
        childValue === undefined ? [] : Array.isArray(childValue) ? childValue : [childValue];
      if (items.length < child.minOccurs) {
        issues.push(required(childPath, child.name));
      }
      if (items.length > child.maxOccurs) {
        issues.push({
          path: childPath,
          rule: `maxOccurs ${child.maxOccurs}`,
          value: String(items.length),
          message: `${childPath}: ${items.length} occurrences, at most ${child.maxOccurs} allowed.`,
        });
      }
      items.forEach((item: unknown, index) => {
        checkElement(child, item, `${childPath}[${index + 1}]`, issues);
      });
    } else if (childValue === undefined) {
      if (child.minOccurs > 0) issues.push(required(childPath, child.name));
    } else checkElement(child, childValue, childPath, issues);
  }
  if (!reportUnknownKeys) return;
  for (const key of Object.keys(object)) {
    if (known.has(key) || object[key] === undefined) continue;
    const name = ELEMENT_NAME_BY_KEY.get(key) ?? key;
    const keyPath = `${path}/${name}`;
    issues.push({
      path: keyPath,
      rule: 'unexpected',
      message: `${keyPath}: this version's schema has no ${name} in ${rule.name}; remove it or use a version that has it.`,
    });
  }
}

function checkElement(rule: ElementRule, value: unknown, path: string, issues: ValidationIssue[]) {
  if (rule.children) return checkComplex(rule, value, path, issues);
  if (!rule.text) return;
  if (!rule.textKey) return checkSimple(rule.text, value, path, issues);
  const object = asRecord(value);
  if (!object) {
    issues.push({ path, rule: 'type', message: `${path}: ${rule.name} must be an object.` });
    return;
  }
  checkAttributes(rule, object, path, issues, new Set());
  const text = object[rule.textKey];
  if (text === undefined) issues.push(required(path, rule.name));
  else checkSimple(rule.text, text, path, issues);
}

function checkAttributes(
  rule: ElementRule,
  object: Record<string, unknown>,
  path: string,
  issues: ValidationIssue[],
  known: Set<string>,
): void {
  for (const attribute of rule.attributes ?? []) {
    known.add(attribute.key);
    const attributePath = `${path}/@${attribute.name}`;
    const value = object[attribute.key];
    if (value === undefined) {
      if (attribute.required) issues.push(required(attributePath, `attribute ${attribute.name}`));
    } else checkSimple(attribute.type, value, attributePath, issues);
  }
}

function checkSimple(
  type: SimpleTypeRule,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
) {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    issues.push({
      path,
      rule: `type ${type.name}`,
      message: `${path}: expected a value of ${type.name}, got ${value === null ? 'null' : typeof value}.`,
    });
    return;
  }
  const written = String(value);
  for (const violation of checkSimpleValue(type, written)) {
    issues.push({
      path,
      rule: violation.rule,
      value: written,
      message: `${path}: "${written}" ${violation.detail} (${type.name}).`,
    });
  }
}

function required(path: string, what: string): ValidationIssue {
  return {
    path,
    rule: 'required',
    message: `${path}: ${what} is required by the schema and missing.`,
  };
}
