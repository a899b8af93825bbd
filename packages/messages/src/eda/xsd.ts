import { validateXML } from 'xmllint-wasm';
import { guardXml } from '../xml/guard.ts';
import { readXmlTree, type XmlElement } from '../xml/tree.ts';
import type { ValidationIssue } from './types.ts';

/** A schema file handed in by the caller (this package never reads files). */
export interface SchemaFile {
  readonly fileName: string;
  readonly contents: string;
}

/**
 * Validates a document against real XSD files with xmllint (libxml2 compiled to WebAssembly).
 * The schema whose `targetNamespace` is the document's root namespace is the entry point; every
 * other file (notably `CPCommonTypes_01p20.xsd`) is preloaded so that `xsd:import` resolves.
 * Each xmllint error becomes an issue with rule `xsd`, placed at the element path when the line
 * and element name identify it, else at `line N`.
 *
 * @example
 * const schemas = readdirSync(dir).map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') }));
 * const issues = await validateAgainstXsd(xml, schemas);
 */
export async function validateAgainstXsd(
  xml: string,
  schemas: readonly SchemaFile[],
): Promise<ValidationIssue[]> {
  const root = readXmlTree(guardXml(xml));
  const entry = schemas.find(
    (schema) => targetNamespace(schema.contents) === root.namespace && root.namespace !== null,
  );
  if (!entry) {
    const path = `/${root.localName}`;
    return [
      {
        path,
        rule: 'xsd',
        value: root.namespace ?? '',
        message: `${path}: none of the ${schemas.length} schema files has targetNamespace ${root.namespace ?? '(none)'}; pass the directory that holds the official XSD for it.`,
      },
    ];
  }
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: entry.fileName, contents: entry.contents }],
    preload: schemas
      .filter((schema) => schema !== entry)
      .map((schema) => ({ fileName: schema.fileName, contents: schema.contents })),
  });
  if (result.valid) return [];
  const elements = elementPaths(root);
  const files = new Set(['document.xml', ...schemas.map((schema) => schema.fileName)]);
  return joinContinuationLines(result.errors, files).map(({ line, message }) => {
    const name = /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
    const match =
      elements.find((element) => element.line === line && element.localName === name) ??
      elements.find((element) => element.line === line);
    const path = match?.path ?? (line !== undefined ? `line ${line}` : '/');
    return { path, rule: 'xsd', message: `${path}: ${message}` };
  });
}

interface XmllintError {
  readonly rawMessage: string;
  readonly message: string;
  readonly loc?: { readonly fileName: string; readonly lineNumber: number } | null;
}

/**
 * xmllint prints one error per line, but a value with a line break in it continues the message
 * on the next lines, which xmllint-wasm then reads as errors of their own (at "line NaN" when the
 * continuation holds a colon). A line that does not start with a known file and a line number
 * belongs to the error before it.
 */
export function joinContinuationLines(
  errors: readonly XmllintError[],
  files: ReadonlySet<string>,
): Array<{ line: number | undefined; message: string }> {
  const out: Array<{ line: number | undefined; message: string }> = [];
  for (const error of errors) {
    const line = error.loc?.lineNumber;
    const located = error.loc && files.has(error.loc.fileName) && Number.isInteger(line);
    const previous = out.at(-1);
    if (located) out.push({ line, message: error.message.trim() });
    else if (previous) previous.message += `\n${error.rawMessage}`;
    else out.push({ line: undefined, message: error.rawMessage.trim() });
  }
  return out;
}

function targetNamespace(schema: string): string | undefined {
  return /\btargetNamespace\s*=\s*["']([^"']*)["']/.exec(schema)?.[1];
}

/** Every element with its line and an indexed path, in document order. */
function elementPaths(root: XmlElement): Array<{ line: number; localName: string; path: string }> {
  const out: Array<{ line: number; localName: string; path: string }> = [];
  const visit = (element: XmlElement, path: string) => {
    out.push({ line: element.line, localName: element.localName, path });
    const seen = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const child of element.children) {
      totals.set(child.localName, (totals.get(child.localName) ?? 0) + 1);
    }
    for (const child of element.children) {
      const index = (seen.get(child.localName) ?? 0) + 1;
      seen.set(child.localName, index);
      const repeated = (totals.get(child.localName) ?? 0) > 1;
      visit(child, `${path}/${child.localName}${repeated ? `[${index}]` : ''}`);
    }
  };
  visit(root, `/${root.localName}`);
  return out;
}
