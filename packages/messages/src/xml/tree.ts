import { XMLParser } from 'fast-xml-parser';
import { XmlInputError } from './input-error.ts';

/** An attribute with its namespace resolved (unprefixed attributes have no namespace). */
export interface XmlAttribute {
  readonly namespace: string | null;
  readonly localName: string;
  readonly value: string;
}

/** An element with its namespace resolved from the xmlns declarations in scope. */
export interface XmlElement {
  readonly namespace: string | null;
  readonly localName: string;
  /** Prefix as written, only for messages; never used for matching. */
  readonly prefix: string | null;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Character data directly inside this element (text and CDATA, references decoded). */
  readonly text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Parses XML that already passed `guardXml` into a namespace-resolved element tree.
 * Prefixes are resolved through the xmlns declarations in scope, so `ns0:`, `cp:` and a default
 * namespace give the same tree apart from `prefix`.
 *
 * @throws {XmlInputError} `not-xml` for malformed input, `namespace` for an undeclared prefix.
 * @example
 * readXmlTree('<a:X xmlns:a="urn:x"/>').namespace; // 'urn:x'
 */
export function readXmlTree(text: string, maxDepth = 64): XmlElement {
  const known = recentTrees.get(text);
  if (known !== undefined && known.maxDepth === maxDepth) return known.tree;
  const tree = parseTree(text, maxDepth);
  remember(text, maxDepth, tree);
  return tree;
}

/**
 * The trees of the last few documents read. One delivered document is read by the validator,
 * the codec and the judge in turn; at the guard's limits each parse costs 100 ms or more, so
 * reading it once keeps a served role responsive. The tree is read-only, so sharing it is safe;
 * the cache holds at most {@link RECENT_TREES} documents (a few MiB at the limits).
 */
const RECENT_TREES = 4;
// Keyed by the text itself, never a string built from it: V8 keeps a string's hash, so looking
// up the same 1 MiB document again costs no rehash (a `${maxDepth}:${text}` key cost ~10 ms).
const recentTrees = new Map<string, { maxDepth: number; tree: XmlElement }>();

function remember(text: string, maxDepth: number, tree: XmlElement): void {
  recentTrees.delete(text);
  if (recentTrees.size >= RECENT_TREES) recentTrees.delete(recentTrees.keys().next().value ?? '');
  recentTrees.set(text, { maxDepth, tree });
}

function parseTree(text: string, maxDepth: number): XmlElement {
  // Well-formedness was checked by the guard (one scan, libxml2's rules); no second validator pass.
  const normalized = blankProcessingInstructions(text.replace(/\r\n?/g, '\n'));
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // References are decoded here, after parsing, so that `&amp;#65;` stays literal text.
    processEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    maxNestedTags: maxDepth + 1,
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(normalized) as OrderedNode[];
  } catch (error) {
    // A backstop: the guard accepts only well-formed input, which the parser reads.
    const detail = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    throw new XmlInputError('not-xml', `the XML parser rejected the input: ${detail}`);
  }
  const lineStarts = [0];
  for (let i = 0; i < normalized.length; i++) {
    if (normalized.charCodeAt(i) === 10) lineStarts.push(i + 1);
  }
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const root = nodes.find((node) => elementName(node) !== undefined);
  if (!root) throw new XmlInputError('not-xml', 'the input contains no element');
  return toElement(root, new NamespaceScope(new Map([['xml', XML_NAMESPACE]])), lineOf);
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
}

function toElement(
  node: OrderedNode,
  inherited: NamespaceScope,
  lineOf: (offset: number) => number,
): XmlElement {
  const qualifiedName = elementName(node) ?? '';
  const rawAttributes = node[':@'] ?? {};
  let declared: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(rawAttributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    declared ??= new Map();
    declared.set(name === 'xmlns' ? '' : name.slice(6), decodeReferences(value));
  }
  // A link to the parent's scope, not a copy: copying cost declarations × elements.
  const scope = declared ? new NamespaceScope(declared, inherited) : inherited;
  const [prefix, localName] = splitName(qualifiedName);
  const namespace = scope.get(prefix ?? '') || null;
  if (prefix !== null && namespace === null) {
    throw new XmlInputError(
      'namespace',
      `prefix "${prefix}" of <${qualifiedName}> is not declared`,
    );
  }
  const attributes: XmlAttribute[] = [];
  for (const [name, value] of Object.entries(rawAttributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const [attributePrefix, attributeLocal] = splitName(name);
    const attributeNamespace = attributePrefix === null ? null : scope.get(attributePrefix);
    if (attributeNamespace === undefined || attributeNamespace === XMLNS) {
      throw new XmlInputError('namespace', `prefix of attribute ${name} is not declared`);
    }
    // Attribute-value normalisation (XML 1.0 §3.3.3): literal whitespace becomes a space.
    const normalizedValue = decodeReferences(value.replace(/[\t\n]/g, ' '));
    attributes.push({
      namespace: attributeNamespace,
      localName: attributeLocal,
      value: normalizedValue,
    });
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qualifiedName] ?? []) as OrderedNode[]) {
    if (typeof child['#text'] === 'string') text += decodeReferences(child['#text']);
    else if (Array.isArray(child['#cdata'])) {
      for (const part of child['#cdata'] as OrderedNode[]) text += String(part['#text'] ?? '');
    } else if (elementName(child) !== undefined) children.push(toElement(child, scope, lineOf));
  }
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  return {
    namespace,
    localName,
    prefix,
    attributes,
    children,
    text,
    line: lineOf(meta?.startIndex ?? 0),
  };
}

const MARKUP_WITH_TEXT = /<!--|<!\[CDATA\[|<\?/g;

/**
 * Turns every processing instruction (the XML declaration too) into a comment with the same line
 * breaks: PIs carry nothing this reader uses, and fast-xml-parser refuses some well-formed ones
 * (quotes in a PI's data). Comments and CDATA sections are skipped, so their text stays as is.
 */
function blankProcessingInstructions(text: string): string {
  if (!text.includes('<?')) return text;
  let out = '';
  let copied = 0;
  MARKUP_WITH_TEXT.lastIndex = 0;
  for (let match = MARKUP_WITH_TEXT.exec(text); match; match = MARKUP_WITH_TEXT.exec(text)) {
    const [opening] = match;
    const terminator = opening === '<?' ? '?>' : opening === '<!--' ? '-->' : ']]>';
    const end = text.indexOf(terminator, match.index + opening.length);
    if (end < 0) break;
    MARKUP_WITH_TEXT.lastIndex = end + terminator.length;
    if (opening !== '<?') continue;
    const lineBreaks = text.slice(match.index, end).replace(/[^\n]/g, '');
    out += `${text.slice(copied, match.index)}<!--${lineBreaks}-->`;
    copied = end + terminator.length;
  }
  return out + text.slice(copied);
}

/** The xmlns declarations in scope: this element's, then its ancestors' (at most maxDepth links). */
class NamespaceScope {
  constructor(
    private readonly declared: ReadonlyMap<string, string>,
    private readonly parent?: NamespaceScope,
  ) {}

  get(prefix: string): string | undefined {
    for (let scope: NamespaceScope | undefined = this; scope; scope = scope.parent) {
      const uri = scope.declared.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }
}

function splitName(name: string): [string | null, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? [null, name] : [name.slice(0, colon), name.slice(colon + 1)];
}

const ENTITY_TEXT: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references (the guard refused all others). */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return ENTITY_TEXT[body] ?? whole;
  });
}
