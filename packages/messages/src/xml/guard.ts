import { decodeXmlInput } from './decode.ts';
import { positionAt, XmlInputError } from './input-error.ts';
import type { Fail } from './markup.ts';
import { type ScanCounts, scanDocument } from './wellformed.ts';

/** Limits applied by {@link guardXml}; all are checked before any parser sees the input. */
export interface XmlLimits {
  /** Largest accepted document in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest accepted element nesting (the root element is depth 1). */
  readonly maxDepth: number;
  /** Most elements in one document; bounds the parser's work on a flood of small elements. */
  readonly maxElements: number;
  /** Most attributes (namespace declarations included) in one document, over all elements. */
  readonly maxAttributes: number;
}

/**
 * 1 MiB, 64 levels, 20 000 elements and 10 000 attributes: an EDA document is a few kB, 6 levels
 * deep; a CMNotification with its 1000 ResponseData stays under 12 000 elements. Parsing at these
 * limits costs well under 100 ms, where 90 000 attributes under 1 MiB cost seconds.
 */
export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 1_048_576,
  maxDepth: 64,
  maxElements: 20_000,
  maxAttributes: 10_000,
};

/**
 * Refuses hostile or broken XML before it reaches a parser, in one linear scan: input that is not
 * well-formed XML 1.0 (as libxml2 judges it: `]]>` in text, `--` in a comment, a `<` in an
 * attribute value, repeated attributes, bad names, references, …), and by policy DOCTYPE and
 * ENTITY declarations (nothing is ever expanded), documents over the limits of {@link XmlLimits},
 * encodings other than UTF-8 and XML versions other than 1.0. Returns the text (without a
 * byte-order mark) for the parser.
 *
 * @throws {XmlInputError} with a `code` naming the rule and a `kind` saying whether the input is
 * not well-formed or well-formed but refused by policy.
 * @example
 * const text = guardXml(bytesFromTheWire); // throws XmlInputError { code: 'doctype' } for a DTD
 */
export function guardXml(input: string | Uint8Array, limits: Partial<XmlLimits> = {}): string {
  return inspectXml(input, limits).text;
}

/**
 * {@link guardXml} returning the counts it met as well, for callers that size their work.
 *
 * @example
 * inspectXml('<a b="1"/>').counts; // { elements: 1, attributes: 1 }
 */
export function inspectXml(
  input: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): { text: string; counts: ScanCounts } {
  const resolved = { ...DEFAULT_XML_LIMITS, ...limits };
  const known = typeof input === 'string' ? recentlyGuarded.get(input) : undefined;
  if (known !== undefined && sameLimits(known.limits, resolved)) {
    return { text: known.result.text, counts: { ...known.result.counts } };
  }
  const result = inspectUncached(input, resolved);
  if (typeof input === 'string' && input.length >= REMEMBERED_FROM_CHARS) {
    recentlyGuarded.delete(input);
    if (recentlyGuarded.size >= RECENTLY_GUARDED) {
      recentlyGuarded.delete(recentlyGuarded.keys().next().value ?? '');
    }
    recentlyGuarded.set(input, { limits: resolved, result });
  }
  return result;
}

/**
 * The verdicts on the last few large documents that passed: one delivered document is guarded by
 * the validator, the codec and the judge in turn (at 1 MiB ~10 ms each). Keyed by the text
 * itself, so a lookup of the same string costs no rehash; only inputs that passed are kept (a
 * refusal is recomputed, with its position, every time).
 */
const RECENTLY_GUARDED = 4;
const REMEMBERED_FROM_CHARS = 16 * 1024;
const recentlyGuarded = new Map<
  string,
  { limits: XmlLimits; result: { text: string; counts: ScanCounts } }
>();
const sameLimits = (a: XmlLimits, b: XmlLimits) =>
  a.maxBytes === b.maxBytes &&
  a.maxDepth === b.maxDepth &&
  a.maxElements === b.maxElements &&
  a.maxAttributes === b.maxAttributes;

function inspectUncached(
  input: string | Uint8Array,
  resolved: XmlLimits,
): { text: string; counts: ScanCounts } {
  let text: string;
  try {
    text = decodeXmlInput(input, resolved.maxBytes);
  } catch (error) {
    throw nulAfterRoot(input, error, resolved) ?? error;
  }
  return { text, counts: scanDocument(text, resolved, failIn(text)) };
}

function failIn(text: string): Fail {
  return (code, detail, at, extra = {}) => {
    throw new XmlInputError(code, detail, { position: positionAt(text, at), ...extra });
  };
}

/**
 * libxml2 reads a NUL after the root element as the end of the input and calls the document
 * well-formed; XML 1.0 does not. Such input is refused all the same, as a policy (binary data).
 */
function nulAfterRoot(input: string | Uint8Array, error: unknown, limits: XmlLimits) {
  if (!(error instanceof XmlInputError) || error.code !== 'control-char') return undefined;
  const text =
    typeof input === 'string' ? input.replace(/^\ufeff/, '') : new TextDecoder().decode(input);
  const at = error.position?.offset ?? -1;
  if (text.charCodeAt(at) !== 0) return undefined;
  try {
    scanDocument(text.slice(0, at), limits, failIn(text));
  } catch {
    return undefined;
  }
  return new XmlInputError('control-char', 'a NUL character after the root element', {
    position: error.position,
    kind: 'refused-by-policy',
    hint: 'The input ends in binary data: remove it.',
  });
}
