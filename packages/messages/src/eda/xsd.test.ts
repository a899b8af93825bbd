import { describe, expect, it } from 'vitest';
import { joinContinuationLines, validateAgainstXsd } from './xsd.ts';

const SCHEMA = {
  fileName: 't.xsd',
  contents: `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"
  elementFormDefault="qualified"><xs:element name="R" type="xs:int"/></xs:schema>`,
};

describe('validateAgainstXsd', () => {
  it('issue 13 item 11: a value with a line break is one issue at its element, never "line NaN"', async () => {
    const xml = '<?xml version="1.0"?>\n<t:R xmlns:t="urn:t">abc\nfoo: bar</t:R>';
    const issues = await validateAgainstXsd(xml, [SCHEMA]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('/R');
    expect(issues[0]?.message).toContain(
      "foo: bar' is not a valid value of the atomic type 'xs:int'",
    );
    expect(JSON.stringify(issues)).not.toContain('NaN');
  });

  it('reports each located error on its own', async () => {
    const xml = '<t:R xmlns:t="urn:t">12</t:R>';
    expect(await validateAgainstXsd(xml, [SCHEMA])).toEqual([]);
    const invalid = await validateAgainstXsd('<t:R xmlns:t="urn:t">x</t:R>', [SCHEMA]);
    expect(invalid.map((issue) => issue.path)).toEqual(['/R']);
  });
});

describe('joinContinuationLines', () => {
  const at = (lineNumber: number, message: string, fileName = 'document.xml') => ({
    rawMessage: `${fileName}:${lineNumber}: ${message}`,
    message,
    loc: { fileName, lineNumber },
  });

  it('appends lines without a known file and line number to the error before them', () => {
    const joined = joinContinuationLines(
      [
        at(2, "Element 'R': 'a"),
        {
          rawMessage: "b: c' is not valid.",
          message: "c' is not valid.",
          loc: { fileName: 'b', lineNumber: Number.NaN },
        },
        { rawMessage: "more'", message: "more'", loc: null },
        at(3, 'second'),
      ],
      new Set(['document.xml']),
    );
    expect(joined).toEqual([
      { line: 2, message: "Element 'R': 'a\nb: c' is not valid.\nmore'" },
      { line: 3, message: 'second' },
    ]);
  });

  it('keeps an unlocated first line as an error without a line', () => {
    const joined = joinContinuationLines(
      [{ rawMessage: 'Schemas parser error : x', message: 'Schemas parser error : x', loc: null }],
      new Set(['document.xml']),
    );
    expect(joined).toEqual([{ line: undefined, message: 'Schemas parser error : x' }]);
  });
});
