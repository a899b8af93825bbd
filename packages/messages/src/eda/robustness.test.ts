import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlInputError } from '../xml/input-error.ts';
import { buildEdaXml } from './build.ts';
import { EdaDocumentError } from './errors.ts';
import { parseEdaXml } from './parse.ts';
import { sampleEdaDocument } from './samples.ts';
import { validateEdaXml } from './validate.ts';

const documents = [
  buildEdaXml(sampleEdaDocument('ANFORDERUNG_CMQF', { seed: 1 })),
  buildEdaXml(sampleEdaDocument('ANTWORT_CMQF', { seed: 1, version: '01.11' })),
  buildEdaXml(sampleEdaDocument('AUFHEBUNG_CCMS', { seed: 1, version: '01.00' })),
];

const XML_TOKENS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '/>',
  '</cp:X>',
  '<cp:X>',
  '<X>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?',
  '?>',
  ' xmlns:cp="urn:x"',
  ' xmlns=""',
  ' a="1" a="2"',
  '&#0;',
  '&#xD800;',
  '&amp;',
  '&lt;',
  '<!DOCTYPE x>',
  'ns0:',
  ':',
  '\u0000',
  '\ufeff',
  '\ud800',
];

/** A document with one span replaced by arbitrary text: truncations, deletions, insertions. */
const mutated = fc
  .tuple(
    fc.constantFrom(...documents),
    fc.nat(),
    fc.nat({ max: 40 }),
    fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...XML_TOKENS)),
  )
  .map(([xml, start, length, insert]) => {
    const at = start % xml.length;
    return xml.slice(0, at) + insert + xml.slice(at + length);
  });

describe('damaged documents', () => {
  it('validateEdaXml never throws: every damage becomes an issue or passes', () => {
    fc.assert(
      fc.property(mutated, (xml) => {
        const result = validateEdaXml(xml);
        expect(Array.isArray(result.issues)).toBe(true);
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  });

  it('parseEdaXml throws only its documented errors', () => {
    fc.assert(
      fc.property(mutated, (xml) => {
        try {
          parseEdaXml(xml);
        } catch (error) {
          expect(error instanceof XmlInputError || error instanceof EdaDocumentError).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20261126 },
    );
  });
});
