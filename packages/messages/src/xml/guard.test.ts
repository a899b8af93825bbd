import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEdaXml } from '../eda/parse.ts';
import { DEFAULT_XML_LIMITS, guardXml } from './guard.ts';
import { XmlInputError, type XmlInputErrorCode } from './input-error.ts';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<lolz>&lol9;</lolz>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<foo>&xxe;</foo>`;

function refusal(input: string | Uint8Array, limits = {}): XmlInputError {
  try {
    guardXml(input, limits);
  } catch (error) {
    if (error instanceof XmlInputError) return error;
    throw error;
  }
  throw new Error('expected guardXml to refuse the input');
}

/** A deterministic byte stream (xorshift32), so the "random bytes" case is reproducible. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

describe('guardXml refuses hostile input with its reason', () => {
  it('billion laughs: entity declarations inside a DOCTYPE', () => {
    const error = refusal(BILLION_LAUGHS);
    expect(error.code).toBe('entity');
    expect(error.message).toMatch(/^consent-sim: XML input refused \(rule entity\)/);
    expect(error.position?.line).toBe(3);
  });

  it('external entity (XXE)', () => {
    expect(refusal(EXTERNAL_ENTITY).code).toBe('external-entity');
  });

  it('external DTD and a bare DOCTYPE', () => {
    expect(refusal('<!DOCTYPE a SYSTEM "http://x/a.dtd"><a/>').code).toBe('external-entity');
    expect(refusal('<!DOCTYPE a><a/>').code).toBe('doctype');
  });

  it('a reference to an undeclared entity is refused, never expanded', () => {
    expect(refusal('<a>&xxe;</a>').code).toBe('entity');
    expect(refusal('<a b="&xxe;"/>').code).toBe('entity');
  });

  it('a document over the size limit: 2 MiB against the default 1 MiB', () => {
    const big = `<a>${'x'.repeat(2 * 1024 * 1024)}</a>`;
    const error = refusal(big);
    expect(error.code).toBe('too-large');
    expect(error.limit).toBe(DEFAULT_XML_LIMITS.maxBytes);
    expect(error.message).toContain('1048576 bytes');
    expect(refusal(new TextEncoder().encode(big)).code).toBe('too-large');
  });

  it('counts UTF-8 bytes, not UTF-16 units, against the limit', () => {
    const text = `<a>${'ä'.repeat(600)}</a>`; // 607 units, 1207 bytes
    expect(refusal(text, { maxBytes: 1000 }).code).toBe('too-large');
    expect(guardXml(text, { maxBytes: 1207 })).toBe(text);
  });

  it('10 000-deep nesting, refused at the first level over the limit', () => {
    const deep = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
    const error = refusal(deep);
    expect(error.code).toBe('too-deep');
    expect(error.limit).toBe(64);
    expect(error.position?.offset).toBe(64 * 3);
  });

  it('nesting exactly at the limit passes, one more level does not', () => {
    const nest = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(() => guardXml(nest(64))).not.toThrow();
    expect(refusal(nest(65)).code).toBe('too-deep');
    expect(refusal(nest(4), { maxDepth: 3 }).code).toBe('too-deep');
  });

  it('random bytes', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const code = refusal(pseudoRandomBytes(4096, seed)).code;
      expect(['encoding', 'control-char', 'not-xml']).toContain(code);
    }
  });

  it('non-UTF-8 bytes, UTF-16 and a declared foreign encoding', () => {
    expect(refusal(new Uint8Array([0x3c, 0x61, 0x3e, 0xe4, 0x3c, 0x2f, 0x61, 0x3e])).code).toBe(
      'encoding',
    );
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])).code).toBe('encoding');
    expect(refusal('<?xml version="1.0" encoding="ISO-8859-1"?><a/>').code).toBe('encoding');
    expect(refusal('<a>\ud800</a>').code).toBe('encoding');
  });

  it('NUL and other control characters, literal or as references', () => {
    expect(refusal('<a>\u0000</a>').code).toBe('control-char');
    expect(refusal('<a>\u0007</a>').code).toBe('control-char');
    expect(refusal('<a>&#0;</a>').code).toBe('control-char');
    expect(refusal('<a>&#x1B;</a>').code).toBe('control-char');
  });

  it.each<[string, XmlInputErrorCode]>([
    ['', 'not-xml'],
    ['hello', 'not-xml'],
    ['{"json": true}', 'not-xml'],
    ['<a></b>', 'not-xml'],
    ['<a>', 'not-xml'],
    ['<a/><b/>', 'not-xml'],
    ['<a>1 & 2</a>', 'not-xml'],
    ['<a b="<"/>', 'not-xml'],
    ['<a><!-- open', 'not-xml'],
  ])('not XML: %j', (input, code) => {
    expect(refusal(input).code).toBe(code);
  });

  it('accepts ordinary documents and strips a byte-order mark', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><a x="1 &amp; 2"><!-- <b> --><![CDATA[<c>]]>&#228;</a>';
    expect(guardXml(xml)).toBe(xml);
    expect(guardXml(`\ufeff${xml}`)).toBe(xml);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    expect(guardXml(bytes)).toBe(xml);
  });
});

describe('the guard runs before any parser', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['billion laughs', BILLION_LAUGHS, 'entity'],
    ['external entity', EXTERNAL_ENTITY, 'external-entity'],
    ['2 MiB document', `<a>${'x'.repeat(2 * 1024 * 1024)}</a>`, 'too-large'],
    ['10 000-deep nesting', `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`, 'too-deep'],
  ])('%s never reaches fast-xml-parser', (_name, input, code) => {
    const parse = vi.spyOn(XMLParser.prototype, 'parse');
    const validate = vi.spyOn(XMLValidator, 'validate');
    expect(() => parseEdaXml(input)).toThrow(expect.objectContaining({ code }));
    expect(parse).not.toHaveBeenCalled();
    expect(validate).not.toHaveBeenCalled();
  });

  it('an acceptable document does reach the parser (the spies can see it)', () => {
    const parse = vi.spyOn(XMLParser.prototype, 'parse');
    expect(() => parseEdaXml('<a/>')).toThrow(/not an EDA customer-consent document/);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
