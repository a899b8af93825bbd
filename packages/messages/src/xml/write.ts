import { XMLBuilder } from 'fast-xml-parser';

/** An element to serialise: qualified by namespace URI, never by prefix. */
export interface XmlNodeOut {
  readonly namespace: string;
  readonly localName: string;
  /** Unqualified attributes in the order they are written. */
  readonly attributes?: ReadonlyArray<readonly [name: string, value: string]>;
  /** Either text content or child elements. */
  readonly text?: string;
  readonly children?: readonly XmlNodeOut[];
}

/** How {@link writeXml} lays the document out. */
export interface XmlWriteOptions {
  /** Namespace URI → prefix; the root declares every entry, in this order. */
  readonly prefixes: ReadonlyArray<readonly [namespace: string, prefix: string]>;
  /** Write `<?xml version="1.0" encoding="UTF-8"?>` first. */
  readonly declaration: boolean;
  /** One line without indentation (QR payloads) instead of two-space indentation. */
  readonly compact: boolean;
}

type OrderedOut = Record<string, unknown>;

/**
 * Serialises an element tree with fast-xml-parser's builder; text and attribute values are
 * escaped by the builder.
 *
 * @example
 * writeXml({ namespace: 'urn:x', localName: 'X', text: 'a & b' },
 *   { prefixes: [['urn:x', 'x']], declaration: false, compact: true });
 * // '<x:X xmlns:x="urn:x">a &amp; b</x:X>'
 */
export function writeXml(root: XmlNodeOut, options: XmlWriteOptions): string {
  const prefixOf = new Map(options.prefixes);
  const qualify = (node: XmlNodeOut): string => {
    const prefix = prefixOf.get(node.namespace);
    if (prefix === undefined) {
      throw new Error(
        `consent-sim: writeXml: no prefix for namespace ${node.namespace} of <${node.localName}>; add it to options.prefixes.`,
      );
    }
    return prefix === '' ? node.localName : `${prefix}:${node.localName}`;
  };
  const toOrdered = (node: XmlNodeOut, declarations: OrderedOut): OrderedOut => {
    const attributes: Record<string, string> = { ...(declarations as Record<string, string>) };
    for (const [name, value] of node.attributes ?? []) attributes[name] = value;
    const content =
      node.children !== undefined
        ? node.children.map((child) => toOrdered(child, {}))
        : [{ '#text': node.text ?? '' }];
    const ordered: OrderedOut = { [qualify(node)]: content };
    if (Object.keys(attributes).length > 0) ordered[':@'] = attributes;
    return ordered;
  };
  const declarations: Record<string, string> = {};
  for (const [namespace, prefix] of options.prefixes) {
    declarations[prefix === '' ? 'xmlns' : `xmlns:${prefix}`] = namespace;
  }
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    format: !options.compact,
    indentBy: '  ',
    suppressEmptyNode: false,
    suppressBooleanAttributes: false,
  });
  const body = builder.build([toOrdered(root, declarations)]).trim();
  const declaration = options.declaration ? '<?xml version="1.0" encoding="UTF-8"?>' : '';
  if (options.compact) return `${declaration}${body}`;
  return `${declaration ? `${declaration}\n` : ''}${body}\n`;
}
