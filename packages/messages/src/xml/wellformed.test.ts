import { describe, expect, it } from 'vitest';
import { sampleXml } from '../documents.ts';
import { validateEdaXml } from '../eda/validate.ts';
import { DEFAULT_XML_LIMITS, guardXml, inspectXml } from './guard.ts';
import { XmlInputError } from './input-error.ts';
import { readXmlTree } from './tree.ts';

function refusal(input: string | Uint8Array, limits = {}): XmlInputError {
  try {
    readXmlTree(guardXml(input, limits));
  } catch (error) {
    if (error instanceof XmlInputError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

const request = sampleXml('ANFORDERUNG_CMQF', { seed: 3 });
/** The sample request with `markup` inserted just before its last end tag. */
const withInRoot = (markup: string) => request.replace(/<\/[^>]+>\s*$/, (end) => `${markup}${end}`);

describe('issue 13 item 8: not well-formed XML that libxml2 refuses is refused', () => {
  it('a comment containing "--" is not well-formed', () => {
    const error = refusal(withInRoot('<!-- a -- b -->'));
    expect(error).toMatchObject({ code: 'not-xml', kind: 'not-well-formed' });
    expect(error.message).toContain('"--" inside a comment');
    expect(validateEdaXml(withInRoot('<!-- a -- b -->')).issues[0]?.rule).toBe('xml not-xml');
  });

  it('"]]>" in text content is not well-formed', () => {
    const error = refusal(withInRoot('a ]]> b'));
    expect(error).toMatchObject({ code: 'not-xml', kind: 'not-well-formed' });
    expect(error.message).toContain('"]]>" in text');
  });

  it('keeps accepting their well-formed neighbours', () => {
    for (const ok of ['<!--->-->', '<!---->', '<!-- - -->', ']]&gt;', ']]', '<![CDATA[]]]]>']) {
      expect(() => readXmlTree(guardXml(`<a>${ok}</a>`))).not.toThrow();
    }
    expect(() => guardXml('<a b="]]>"/>')).not.toThrow();
  });

  it.each([
    ['a repeated attribute', '<a b="1" b="2"/>'],
    ['attributes without a space between them', '<a b="1"c="2"/>'],
    ['an unquoted attribute value', '<a b=1/>'],
    ['"<" in an attribute value', '<a b="<"/>'],
    ['an invalid element name', '<1a/>'],
    ['a space before the element name', '< a/>'],
    ['a reserved PI target', '<a><?XmL x?></a>'],
    ['a PI target without a space after it', '<a><?p"x"?></a>'],
    ['an XML declaration after the start', ' <?xml version="1.0"?><a/>'],
    ['a malformed XML declaration', '<?xml version="1.0"encoding="UTF-8"?><a/>'],
    ['a capital X in a character reference', '<a>&#X41;</a>'],
    ['CDATA after the root', '<a/><![CDATA[x]]>'],
  ])('%s is not well-formed', (_what, xml) => {
    expect(refusal(xml).kind).toBe('not-well-formed');
  });
});

describe('refusals say whether the input is not well-formed or refused by policy', () => {
  it.each([
    ['a DOCTYPE', '<!DOCTYPE a><a/>', 'doctype'],
    ['XML 1.1', '<?xml version="1.1"?><a/>', 'version'],
    ['a declared Latin-1 encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><a/>', 'encoding'],
    ['an undeclared prefix', '<x:a/>', 'namespace'],
    ['a name that is not a QName', '<a:b:c xmlns:a="urn:a"/>', 'namespace'],
    ['a name over 1000 characters', `<${'n'.repeat(1001)}/>`, 'too-large'],
    ['a NUL after the root (libxml2 stops reading there)', '<a/>\u0000', 'control-char'],
  ])('%s is well-formed for libxml2 and refused by policy', (_what, xml, code) => {
    expect(refusal(xml)).toMatchObject({ code, kind: 'refused-by-policy' });
  });

  it('Latin-1 bytes under a Latin-1 declaration are refused for the declaration, not the bytes', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'),
      0xe4,
      ...new TextEncoder().encode('</a>'),
    ]);
    expect(refusal(bytes)).toMatchObject({ code: 'encoding', kind: 'refused-by-policy' });
  });

  it('a NUL inside the root stays not well-formed', () => {
    expect(refusal('<a>\u0000</a>')).toMatchObject({
      code: 'control-char',
      kind: 'not-well-formed',
    });
  });
});

describe('issue 13 item 6: the parsing cost of pathological documents is bounded', () => {
  const attributes = (n: number) => Array.from({ length: n }, (_, k) => ` a${k}="1"`).join('');

  it('90 000 attributes under 1 MiB are refused by the scan, naming the limit, in little time', () => {
    const flood = `<a${attributes(90_000)}/>`;
    expect(flood.length).toBeLessThan(DEFAULT_XML_LIMITS.maxBytes);
    const started = performance.now();
    const error = refusal(flood);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ code: 'too-many-attributes', limit: 10_000 });
    expect(error.message).toContain('more than 10000 attributes');
    expect(error.message).toContain('limits.maxAttributes');
  });

  it('an element flood is refused at the element limit', () => {
    const error = refusal(`<r>${'<e/>'.repeat(20_001)}</r>`);
    expect(error).toMatchObject({ code: 'too-many-elements', limit: 20_000 });
  });

  it('documents at the limits pass and the limits can be set per call', () => {
    expect(inspectXml(`<a${attributes(10_000)}/>`).counts).toEqual({
      elements: 1,
      attributes: 10_000,
    });
    expect(() => guardXml(`<r>${'<e/>'.repeat(19_999)}</r>`)).not.toThrow();
    expect(refusal('<a b="1" c="2"/>', { maxAttributes: 1 }).code).toBe('too-many-attributes');
    expect(refusal('<a><b/></a>', { maxElements: 1 }).code).toBe('too-many-elements');
  });

  it('the largest CMNotification (1000 ResponseData) stays within the limits', () => {
    const one = /<cp:ResponseData>[\s\S]*?<\/cp:ResponseData>/;
    const notification = sampleXml('ANTWORT_CMQF', { seed: 1 });
    const block = one.exec(notification)?.[0] ?? '';
    expect(block).not.toBe('');
    const big = notification.replace(one, block.repeat(1000));
    expect(inspectXml(big).counts.elements).toBeLessThan(DEFAULT_XML_LIMITS.maxElements);
  });
});

describe('encoding errors point at the bad byte', () => {
  it('a CESU-8 surrogate (ED A0 80) is found where it is, not at the end of the file', () => {
    const head = new TextEncoder().encode('<a>\nok ');
    const bytes = new Uint8Array([
      ...head,
      0xed,
      0xa0,
      0x80,
      ...new TextEncoder().encode(' tail</a>'),
    ]);
    const error = refusal(bytes);
    expect(error).toMatchObject({ code: 'encoding', kind: 'not-well-formed' });
    expect(error.message).toContain(`byte ${head.length} (ED A0 80) is not valid UTF-8`);
    expect(error.position).toMatchObject({ line: 2, column: 4 });
  });

  it.each([
    ['an overlong form', [0xc0, 0x80]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a code point over U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xc3]],
  ])('%s is found at its first byte', (_what, bad) => {
    const bytes = new Uint8Array([0x3c, 0x61, 0x3e, ...bad, 0x3c, 0x2f, 0x61, 0x3e]);
    expect(refusal(bytes).message).toContain('byte 3 (');
  });
});
