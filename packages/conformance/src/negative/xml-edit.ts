/**
 * Edits of a well-formed document for the negative suites: read into a namespace-qualified tree
 * (prefixes never matter), change one thing, write it back with the prefixes the process uses.
 * Elements are found by local names from the root, so an edit reads like the rule it breaks.
 */
import { readXmlTree, writeXml, type XmlElement, type XmlNodeOut } from '@consent-sim/messages';

/** A mutable copy of an element: namespace, local name, unqualified attributes, text or children. */
export interface EditNode {
  namespace: string;
  localName: string;
  attributes: [string, string][];
  text?: string;
  children?: EditNode[];
}

function fromElement(element: XmlElement): EditNode {
  const node: EditNode = {
    namespace: element.namespace ?? '',
    localName: element.localName,
    attributes: element.attributes.map((a) => [a.localName, a.value]),
  };
  if (element.children.length > 0) node.children = element.children.map(fromElement);
  else node.text = element.text;
  return node;
}

/** The document as an editable tree. */
export function readTree(document: string): EditNode {
  return fromElement(readXmlTree(document));
}

function toOut(node: EditNode): XmlNodeOut {
  return {
    namespace: node.namespace,
    localName: node.localName,
    attributes: node.attributes,
    ...(node.children !== undefined
      ? { children: node.children.map(toOut) }
      : { text: node.text ?? '' }),
  };
}

function namespacesOf(node: EditNode, into: string[]): string[] {
  if (!into.includes(node.namespace)) into.push(node.namespace);
  for (const child of node.children ?? []) namespacesOf(child, into);
  return into;
}

/** Writes the tree; `prefixes` names the process's namespaces, any other gets `x1`, `x2`, …. */
export function writeTree(root: EditNode, prefixes: ReadonlyArray<[string, string]>): string {
  const known = new Map(prefixes);
  let extra = 0;
  const used = namespacesOf(root, []).map((ns): [string, string] => [
    ns,
    known.get(ns) ?? `x${++extra}`,
  ]);
  return writeXml(toOut(root), { prefixes: used, declaration: true, compact: false });
}

/** The element at `path` (local names below the root), or undefined. */
export function find(root: EditNode, path: readonly string[]): EditNode | undefined {
  let node: EditNode | undefined = root;
  for (const name of path) {
    node = node?.children?.find((child) => child.localName === name);
    if (node === undefined) return undefined;
  }
  return node;
}

/** The parent of `path` and the index of its element there. */
export function locate(
  root: EditNode,
  path: readonly string[],
): { parent: EditNode; index: number } | undefined {
  const parent = find(root, path.slice(0, -1));
  const index = parent?.children?.findIndex((c) => c.localName === path.at(-1)) ?? -1;
  return parent === undefined || index < 0 ? undefined : { parent, index };
}

/** A deep copy, so one good document serves every case. */
export function clone(node: EditNode): EditNode {
  return structuredClone(node);
}

/** Inserts a DOCTYPE (with `internal` as its internal subset) before the root element. */
export function withDoctype(document: string, rootName: string, internal: string): string {
  const at = document.indexOf('<', document.startsWith('<?xml') ? document.indexOf('?>') : 0);
  const doctype = `<!DOCTYPE ${rootName}${internal === '' ? '' : ` [${internal}]`}>\n`;
  return `${document.slice(0, at)}${doctype}${document.slice(at)}`;
}

/** The qualified name of the root as written (for a DOCTYPE). */
export function rootQName(document: string): string {
  const match = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s>/]/.exec(
    document.replace(/<\?[\s\S]*?\?>/g, ''),
  );
  return match?.[1] ?? 'root';
}
