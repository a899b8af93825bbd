import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdaXml } from './build.ts';
import { parseEdaXml } from './parse.ts';
import { officialSchemas, SAMPLES_DIR, skipWithoutShared } from './test-support.ts';
import { validateEdaXml } from './validate.ts';
import { validateAgainstXsd } from './xsd.ts';

// Real documents from eddie-energy/eddie's test resources (read in place, never copied): they
// use ns0:/ns1: prefixes and come from the online process (CCMO) and a customer revocation.
const read = (name: string) => readFileSync(path.join(SAMPLES_DIR, name));
const noShared = skipWithoutShared('parsing and validating the real participant samples');

describe.skipIf(noShared).each([
  ['cmnotification_01p20_accepted_ccmo.xml', 'CMNotification', 'ZUSTIMMUNG_CCMO', [175]],
  ['cmnotification_01p20_answer_ccmo.xml', 'CMNotification', 'ANTWORT_CCMO', [99]],
  ['cmnotification_01p20_rejected_ccmo.xml', 'CMNotification', 'ABLEHNUNG_CCMO', [178]],
  ['cmrevoke_01p10_cmrevoke.xml', 'CMRevoke', 'AUFHEBUNG_CCMC', []],
])('%s', (file, documentType, messageCode, responseCodes) => {
  it('parses (from bytes) and validates without issues', () => {
    const result = validateEdaXml(read(file));
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ documentType, messageCode });
    const doc = result.document;
    const codes =
      doc?.documentType === 'CMNotification'
        ? doc.processDirectory.responseData.flatMap((data) => data.responseCodes)
        : [];
    expect(codes).toEqual(responseCodes);
  });

  it('re-serialised with cp:/ct: it still passes the official XSD and reads back the same', async () => {
    const { document } = parseEdaXml(read(file));
    const xml = buildEdaXml(document);
    expect(await validateAgainstXsd(xml, officialSchemas())).toEqual([]);
    expect(parseEdaXml(xml).document).toEqual(document);
  });

  it('passes the official XSD as written', async () => {
    expect(await validateAgainstXsd(read(file).toString('utf8'), officialSchemas())).toEqual([]);
  });
});

it.skipIf(noShared)('keeps what the accepted sample says, including 01.20-only elements', () => {
  const { document } = parseEdaXml(read('cmnotification_01p20_accepted_ccmo.xml'));
  expect(document).toMatchObject({
    documentType: 'CMNotification',
    version: '01.20',
    schemaVersion: '01.20',
    duplicate: false,
    routingHeader: { documentCreationDateTime: '2024-04-02T14:40:47.4699220Z' },
    processDirectory: {
      cmRequestId: 'BI2AWUO2',
      portalApprovalUrl: 'https://wienernetze.at',
      supplier: 'AT000000000',
    },
  });
});
