import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdaXml } from './build.ts';
import { edaSchemaFileName } from './namespaces.ts';
import { parseEdaXml } from './parse.ts';
import { listEdaSamples, sampleEdaDocument } from './samples.ts';
import { maximalDocuments, officialSchemas, skipWithoutShared, XSD_DIR } from './test-support.ts';
import type { EdaDocument } from './types.ts';
import { validateEda } from './validate.ts';
import { validateAgainstXsd } from './xsd.ts';

const noShared = skipWithoutShared('the official-XSD checks of the generated samples');
const schemas = noShared ? [] : officialSchemas();
const cases = listEdaSamples().flatMap((info) =>
  info.versions.map((version) => {
    const doc: EdaDocument = sampleEdaDocument(info.messageCode, { seed: 20261125, version });
    return [`${info.messageCode} ${version}`, doc] as const;
  }),
);
const maximal = maximalDocuments().map(
  (doc) => [`every element of ${doc.documentType} ${doc.version}`, doc] as const,
);

function hasXmllintBinary(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('listEdaSamples', () => {
  it('names every CM_REQ_OFF and revocation code with its document type and versions', () => {
    expect(listEdaSamples().map((s) => [s.messageCode, s.documentType, s.defaultVersion])).toEqual([
      ['ANFORDERUNG_CMQF', 'CMRequest', '01.30'],
      ['ANTWORT_CMQF', 'CMNotification', '01.20'],
      ['ABLEHNUNG_CMQF', 'CMNotification', '01.20'],
      ['AUFHEBUNG_CCMC', 'CMRevoke', '01.10'],
      ['AUFHEBUNG_CCMS', 'CMRevoke', '01.10'],
      ['AUFHEBUNG_CCMI', 'CMRevoke', '01.10'],
      ['ANTWORT_CCMC', 'CMNotification', '01.20'],
    ]);
    expect(cases).toHaveLength(4 + 3 * 3 + 2 * 3);
  });
});

describe('sampleEdaDocument', () => {
  it('is deterministic: same seed, same bytes; another seed, other bytes', () => {
    for (const info of listEdaSamples()) {
      const a = buildEdaXml(sampleEdaDocument(info.messageCode, { seed: 5 }));
      const b = buildEdaXml(sampleEdaDocument(info.messageCode, { seed: 5 }));
      const c = buildEdaXml(sampleEdaDocument(info.messageCode, { seed: 6 }));
      expect(a).toBe(b);
      expect(a).not.toBe(c);
    }
  });

  it('carries the message code and the response code of each answer', () => {
    const codes = (code: 'ANTWORT_CMQF' | 'ABLEHNUNG_CMQF' | 'ANTWORT_CCMC') =>
      sampleEdaDocument(code, { seed: 1 }).processDirectory.responseData.flatMap(
        (data) => data.responseCodes,
      );
    expect(codes('ANTWORT_CMQF')).toEqual([175]);
    expect(codes('ABLEHNUNG_CMQF')).toEqual([172]);
    expect(codes('ANTWORT_CCMC')).toEqual([176]);
    expect(sampleEdaDocument('AUFHEBUNG_CCMI', { seed: 1 }).messageCode).toBe('AUFHEBUNG_CCMI');
  });

  it('tells one story per seed: the answer refers to the request', () => {
    const request = sampleEdaDocument('ANFORDERUNG_CMQF', { seed: 9 });
    const answer = sampleEdaDocument('ANTWORT_CMQF', { seed: 9 });
    expect(answer.processDirectory.conversationId).toBe(request.processDirectory.conversationId);
    expect(answer.processDirectory.cmRequestId).toBe(request.processDirectory.cmRequestId);
    expect(answer.routingHeader.sender).toEqual(request.routingHeader.receiver);
    expect(request.processDirectory.consentId?.endsWith(request.processDirectory.cmRequestId)).toBe(
      true,
    );
  });

  it('refuses a version the document type does not have', () => {
    expect(() => sampleEdaDocument('AUFHEBUNG_CCMC', { seed: 1, version: '01.30' })).toThrow(
      /CMRevoke, which has no version 01.30; use one of 01.00, 01.10/,
    );
  });
});

describe.each([...cases, ...maximal])('%s', (_name, doc) => {
  const xml = buildEdaXml(doc);

  it('passes validateEda and parses back without issues', () => {
    expect(validateEda(doc)).toEqual([]);
    expect(parseEdaXml(xml).issues).toEqual([]);
  });

  it.skipIf(noShared)('passes the official XSD (xmllint-wasm)', async () => {
    expect(await validateAgainstXsd(xml, schemas)).toEqual([]);
  });

  it.runIf(!noShared && hasXmllintBinary())('passes the official XSD (xmllint binary)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'consent-sim-eda-'));
    const file = path.join(dir, 'document.xml');
    writeFileSync(file, xml);
    const schema = path.join(XSD_DIR, edaSchemaFileName(doc.documentType, doc.version));
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
