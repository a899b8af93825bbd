import { describe, expect, it } from 'vitest';
import { buildEdaXml } from './build.ts';
import { EDA_VERSIONS } from './namespaces.ts';
import { parseEdaXml } from './parse.ts';
import { maximalDocuments } from './test-support.ts';
import { validateEda } from './validate.ts';

const documents = maximalDocuments();

describe('build → parse → build is lossless for every type and version', () => {
  it('covers every supported version', () => {
    const covered = documents.map((doc) => `${doc.documentType} ${doc.version}`);
    const expected = Object.entries(EDA_VERSIONS).flatMap(([type, versions]) =>
      versions.map((version) => `${type} ${version}`),
    );
    expect(covered).toEqual(expected);
  });

  it.each(documents.map((doc) => [`${doc.documentType} ${doc.version}`, doc] as const))(
    '%s with every element of its schema',
    (_name, doc) => {
      expect(validateEda(doc)).toEqual([]);
      const xml = buildEdaXml(doc);
      const parsed = parseEdaXml(xml);
      expect(parsed.issues).toEqual([]);
      expect(parsed.document).toEqual(doc);
      expect(buildEdaXml(parsed.document)).toBe(xml);

      const compact = buildEdaXml(doc, { compact: true, declaration: false });
      expect(compact).not.toContain('\n');
      expect(compact.startsWith('<cp:')).toBe(true);
      expect(parseEdaXml(compact).document).toEqual(doc);
    },
  );

  it('escapes markup characters in text and attributes', () => {
    const withPurpose = documents.find(
      (doc) => doc.documentType === 'CMRequest' && doc.version === '01.30',
    );
    if (!withPurpose) throw new Error('no CMRequest 01.30 among the maximal documents');
    const xml = buildEdaXml(withPurpose);
    expect(xml).toContain('Müller &amp; Söhne &lt;GmbH&gt;');
    expect(xml).not.toContain('<GmbH>');
  });
});
