import { describe, expect, it } from 'vitest';
import { buildEdaXml } from './build.ts';
import { EdaDocumentError } from './errors.ts';
import { parseEdaXml } from './parse.ts';
import { sampleEdaDocument } from './samples.ts';
import { officialSchemas, skipWithoutShared } from './test-support.ts';
import type {
  CMNotificationDocument,
  CMRequestDetails,
  CMRequestDocument,
  CMRequestProcessDirectory,
  ResponseData,
} from './types.ts';
import { validateEda, validateEdaXml } from './validate.ts';
import { validateAgainstXsd } from './xsd.ts';

const request = (version: CMRequestDocument['version'] = '01.30') =>
  sampleEdaDocument('ANFORDERUNG_CMQF', { seed: 11, version });
const answer = () => sampleEdaDocument('ANTWORT_CMQF', { seed: 11 });

function withDirectory(
  doc: CMRequestDocument,
  change: Partial<CMRequestProcessDirectory>,
): CMRequestDocument {
  return { ...doc, processDirectory: { ...doc.processDirectory, ...change } };
}
function withDetails(doc: CMRequestDocument, change: Partial<CMRequestDetails>) {
  const details = doc.processDirectory.cmRequest;
  if (!details) throw new Error('sample without CMRequest details');
  return withDirectory(doc, { cmRequest: { ...details, ...change } });
}
function withResponses(responseData: ResponseData[]): CMNotificationDocument {
  const doc = answer();
  return { ...doc, processDirectory: { ...doc.processDirectory, responseData } };
}
const responses = (count: number, codes: number[] = [175]): ResponseData[] =>
  Array.from({ length: count }, () => ({ responseCodes: codes }));

const PD = '/CMRequest/ProcessDirectory';
const noShared = skipWithoutShared('validateAgainstXsd against the official XSDs');

describe('validateEda: each kind of rule, just inside and just outside', () => {
  it('maxLength: MessageId of 35 and 36 characters', () => {
    expect(validateEda(withDirectory(request(), { messageId: 'A'.repeat(35) }))).toEqual([]);
    expect(validateEda(withDirectory(request(), { messageId: 'A'.repeat(36) }))).toEqual([
      {
        path: `${PD}/MessageId`,
        rule: 'maxLength 35',
        value: 'A'.repeat(36),
        message: `${PD}/MessageId: "${'A'.repeat(36)}" 36 characters, at most 35 allowed (ct:GroupingId).`,
      },
    ]);
  });

  it('minLength and pattern: empty and non-alphanumeric metering points', () => {
    expect(validateEda(withDirectory(request(), { meteringPoint: '' }))).toMatchObject([
      { path: `${PD}/MeteringPoint`, rule: 'minLength 1', value: '' },
    ]);
    expect(
      validateEda(withDirectory(request(), { meteringPoint: 'AT001000-0000000000000000000001' })),
    ).toMatchObject([{ path: `${PD}/MeteringPoint`, rule: 'pattern [0-9A-Za-z]*' }]);
    expect(validateEda(withDirectory(request(), { meteringPoint: 'A'.repeat(34) }))).toMatchObject([
      { path: `${PD}/MeteringPoint`, rule: 'maxLength 33' },
    ]);
  });

  it('maxInclusive / minInclusive: ResponseCode 999 and 1000, 1 and 0', () => {
    const path = '/CMNotification/ProcessDirectory/ResponseData[1]/ResponseCode[2]';
    expect(validateEda(withResponses(responses(1, [1, 999])))).toEqual([]);
    expect(validateEda(withResponses(responses(1, [1, 1000])))).toMatchObject([
      { path, rule: 'maxInclusive 999', value: '1000' },
    ]);
    expect(validateEda(withResponses(responses(1, [1, 0])))).toMatchObject([
      { path, rule: 'minInclusive 1', value: '0' },
    ]);
    expect(validateEda(withResponses(responses(1, [1, 17.5])))).toMatchObject([
      { path, rule: 'type xsd:integer', value: '17.5' },
    ]);
  });

  it('occurrences: ResponseData 1..1000', () => {
    const path = '/CMNotification/ProcessDirectory/ResponseData';
    expect(validateEda(withResponses(responses(1000)))).toEqual([]);
    expect(validateEda(withResponses(responses(1001)))).toMatchObject([
      { path, rule: 'maxOccurs 1000', value: '1001' },
    ]);
    expect(validateEda(withResponses([]))).toMatchObject([{ path, rule: 'required' }]);
    expect(validateEda(withResponses(responses(1, [])))).toMatchObject([
      { path: `${path}[1]/ResponseCode`, rule: 'required' },
    ]);
  });

  it('enumeration: MeteringIntervall, AddressType, Sector', () => {
    expect(validateEda(withDetails(request(), { meteringIntervall: 'QH' }))).toEqual([]);
    const wrong = { ...withDetails(request(), {}), sector: '10' };
    expect(validateEda(wrong)).toMatchObject([
      {
        path: '/CMRequest/MarketParticipantDirectory/Sector',
        rule: 'enumeration 01|02|03|04|05|06|07|08|09|99',
      },
    ]);
    const interval = JSON.parse(JSON.stringify(request())) as CMRequestDocument;
    const bad = JSON.parse(
      JSON.stringify(interval)
        .replace(/"meteringIntervall":"[A-Z]+"/, '"meteringIntervall":"W"')
        .replace('"addressType":"ECNumber"', '"addressType":"ecnumber"'),
    ) as CMRequestDocument;
    expect(validateEda(bad)).toMatchObject([
      {
        path: '/CMRequest/MarketParticipantDirectory/RoutingHeader/Sender/@AddressType',
        rule: 'enumeration ECNumber|Other',
        value: 'ecnumber',
      },
      { path: `${PD}/CMRequest/MeteringIntervall`, rule: 'enumeration QH|H|D|V', value: 'W' },
    ]);
  });

  it('xsd:date and xsd:dateTime lexical forms', () => {
    expect(validateEda(withDetails(request(), { dateFrom: '2024-02-29' }))).toEqual([]);
    expect(validateEda(withDetails(request(), { dateFrom: '2023-02-29' }))).toMatchObject([
      { path: `${PD}/CMRequest/DateFrom`, rule: 'type xsd:date', value: '2023-02-29' },
    ]);
    const doc = request();
    const stamped = {
      ...doc,
      routingHeader: { ...doc.routingHeader, documentCreationDateTime: '2024-04-02 14:40' },
    };
    expect(validateEda(stamped)).toMatchObject([
      {
        path: '/CMRequest/MarketParticipantDirectory/RoutingHeader/DocumentCreationDateTime',
        rule: 'type xsd:dateTime',
      },
    ]);
  });

  it('decimal facets: ECShare fraction digits and range', () => {
    expect(validateEda(withDetails(request(), { ecShare: '99.9999' }))).toEqual([]);
    expect(validateEda(withDetails(request(), { ecShare: '99.99999' }))).toMatchObject([
      { path: `${PD}/CMRequest/ECShare`, rule: 'fractionDigits 4' },
    ]);
    expect(validateEda(withDetails(request(), { ecPartFact: '101' }))).toMatchObject([
      { path: `${PD}/CMRequest/ECPartFact`, rule: 'maxInclusive 100' },
    ]);
  });

  it('required: the CMRequest node is required up to 01.20 and optional from 01.21', () => {
    expect(validateEda(withDirectory(request('01.20'), { cmRequest: undefined }))).toMatchObject([
      { path: `${PD}/CMRequest`, rule: 'required' },
    ]);
    expect(validateEda(withDirectory(request('01.21'), { cmRequest: undefined }))).toEqual([]);
    const { cmRequestId: _dropped, ...rest } = request().processDirectory;
    const missing = { ...request(), processDirectory: rest } as unknown as CMRequestDocument;
    expect(validateEda(missing)).toMatchObject([{ path: `${PD}/CMRequestId`, rule: 'required' }]);
  });

  it('per version: Purpose exists from 01.30, ECPartFact from 01.20', () => {
    expect(validateEda(withDetails(request('01.20'), { purpose: 'Beratung' }))).toMatchObject([
      { path: `${PD}/CMRequest/Purpose`, rule: 'unexpected' },
    ]);
    expect(validateEda(withDetails(request('01.10'), { ecPartFact: '5' }))).toMatchObject([
      { path: `${PD}/CMRequest/ECPartFact`, rule: 'unexpected' },
    ]);
  });

  it('SchemaVersion must be the version of the namespace', () => {
    expect(validateEda({ ...request(), schemaVersion: '01.21' })).toMatchObject([
      {
        path: '/CMRequest/MarketParticipantDirectory/@SchemaVersion',
        rule: 'enumeration 01.30',
        value: '01.21',
      },
    ]);
  });

  it('CMRevoke 01.00 restricts MessageCode, 01.10 does not; Reason up to 50 characters', () => {
    const revoke = (version: '01.00' | '01.10') =>
      sampleEdaDocument('AUFHEBUNG_CCMS', { seed: 2, version });
    expect(validateEda({ ...revoke('01.00'), messageCode: 'AUFHEBUNG_CCMX' })).toMatchObject([
      {
        path: '/CMRevoke/MarketParticipantDirectory/MessageCode',
        rule: 'enumeration AUFHEBUNG_CCMC|AUFHEBUNG_CCMI|AUFHEBUNG_CCMS',
      },
    ]);
    expect(validateEda({ ...revoke('01.10'), messageCode: 'AUFHEBUNG_CCMX' })).toEqual([]);
    const reason = (text: string) => {
      const doc = revoke('01.10');
      return validateEda({ ...doc, processDirectory: { ...doc.processDirectory, reason: text } });
    };
    expect(reason('x'.repeat(50))).toEqual([]);
    expect(reason('x'.repeat(51))).toMatchObject([
      { path: '/CMRevoke/ProcessDirectory/Reason', rule: 'maxLength 50' },
    ]);
  });
});

describe('validateEdaXml: structure as written', () => {
  const xml = buildEdaXml(request());

  it('elements out of order', () => {
    const swapped = xml.replace(
      /(\s*<cp:ReqDatType>[^<]*<\/cp:ReqDatType>)(\s*<cp:DateFrom>[^<]*<\/cp:DateFrom>)/,
      '$2$1',
    );
    expect(swapped).not.toBe(xml);
    expect(validateEdaXml(swapped).issues).toMatchObject([
      { path: `${PD}/CMRequest/ReqDatType`, rule: 'order' },
    ]);
  });

  it('a missing required element, an unknown element, a wrong namespace, a repetition', () => {
    const missing = xml.replace(/\s*<ct:MessageId>[^<]*<\/ct:MessageId>/, '');
    expect(validateEdaXml(missing).issues).toMatchObject([
      { path: `${PD}/MessageId`, rule: 'required' },
    ]);
    const unknown = xml.replace(
      '</cp:ProcessDirectory>',
      '<cp:Extra>1</cp:Extra></cp:ProcessDirectory>',
    );
    expect(validateEdaXml(unknown).issues).toMatchObject([
      { path: `${PD}/Extra`, rule: 'unexpected' },
    ]);
    const wrongNamespace = xml.replace(/ct:MessageId/g, 'cp:MessageId');
    expect(validateEdaXml(wrongNamespace).issues).toMatchObject([
      { path: `${PD}/MessageId`, rule: 'namespace' },
    ]);
    const twice = xml.replace(/(<cp:ProcessDate>[^<]*<\/cp:ProcessDate>)/, '$1$1');
    expect(validateEdaXml(twice).issues).toMatchObject([
      { path: `${PD}/ProcessDate`, rule: 'maxOccurs 1' },
    ]);
  });

  it('reports a SchemaVersion that contradicts the namespace, once', () => {
    const contradicting = buildEdaXml(answer()).replace(
      'SchemaVersion="01.20"',
      'SchemaVersion="01.12"',
    );
    const parsed = parseEdaXml(contradicting);
    expect(parsed.document.version).toBe('01.20');
    expect(parsed.document.schemaVersion).toBe('01.12');
    const expected = {
      path: '/CMNotification/MarketParticipantDirectory/@SchemaVersion',
      rule: 'enumeration 01.20',
      value: '01.12',
    };
    expect(parsed.issues).toMatchObject([expected]);
    expect(parsed.issues[0]?.message).toContain('contradicts the namespace');
    expect(validateEdaXml(contradicting).issues).toMatchObject([expected]);
  });

  it('names document type, version and message code for the CLI', () => {
    const result = validateEdaXml(xml);
    expect(result).toMatchObject({
      documentType: 'CMRequest',
      version: '01.30',
      messageCode: 'ANFORDERUNG_CMQF',
      issues: [],
    });
  });

  it('turns refused input and unknown documents into issues instead of throwing', () => {
    expect(validateEdaXml('<!DOCTYPE x><x/>').issues).toMatchObject([
      { path: '/', rule: 'xml doctype' },
    ]);
    expect(validateEdaXml('not xml').issues).toMatchObject([{ path: '/', rule: 'xml not-xml' }]);
    const foreign = validateEdaXml('<Invoice xmlns="urn:example:invoice"/>');
    expect(foreign.document).toBeUndefined();
    expect(foreign.issues).toMatchObject([
      { path: '/Invoice', rule: 'namespace', value: 'urn:example:invoice' },
    ]);
  });
});

describe('parseEdaXml: unknown roots and namespaces', () => {
  it('names the root and the supported namespaces', () => {
    expect(() => parseEdaXml('<ns9:Foo xmlns:ns9="urn:x"/>')).toThrow(EdaDocumentError);
    expect(() => parseEdaXml('<ns9:Foo xmlns:ns9="urn:x"/>')).toThrow(
      /root element <ns9:Foo> in namespace urn:x is not an EDA customer-consent document\. Supported namespaces: http:\/\/www\.ebutilities\.at\/schemata\/customerconsent\/cmrequest\/01p10, /,
    );
  });

  it('an unsupported version and a root that does not match its namespace', () => {
    const base = 'http://www.ebutilities.at/schemata/customerconsent';
    expect(() => parseEdaXml(`<CMRequest xmlns="${base}/cmrequest/01p00"/>`)).toThrow(
      /is CMRequest version 01.00, which is not supported/,
    );
    expect(() => parseEdaXml(`<CMRevoke xmlns="${base}/cmrequest/01p30"/>`)).toThrow(
      /does not match the namespace, which belongs to CMRequest/,
    );
  });
});

describe.skipIf(noShared)('validateAgainstXsd', () => {
  it('agrees with validateEda on a too-long MessageId and places it at the element path', async () => {
    const xml = buildEdaXml(withDirectory(request(), { messageId: 'A'.repeat(36) }));
    const issues = await validateAgainstXsd(xml, officialSchemas());
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ path: `${PD}/MessageId`, rule: 'xsd' });
    expect(issues[0]?.message).toContain('maxLength');
  });

  it('finds elements out of order, like the code rules', async () => {
    const xml = buildEdaXml(request()).replace(
      /(\s*<cp:ReqDatType>[^<]*<\/cp:ReqDatType>)(\s*<cp:DateFrom>[^<]*<\/cp:DateFrom>)/,
      '$2$1',
    );
    const issues = await validateAgainstXsd(xml, officialSchemas());
    expect(issues[0]).toMatchObject({ path: `${PD}/CMRequest/DateFrom`, rule: 'xsd' });
  });

  it('says so when no schema has the document namespace', async () => {
    const xml = buildEdaXml(request());
    const issues = await validateAgainstXsd(
      xml,
      officialSchemas().filter((s) => !s.fileName.startsWith('CMRequest_01p30')),
    );
    expect(issues).toMatchObject([{ path: '/CMRequest', rule: 'xsd' }]);
    expect(issues[0]?.message).toContain('none of the 9 schema files');
  });
});
