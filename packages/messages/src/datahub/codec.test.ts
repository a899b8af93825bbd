import { describe, expect, it } from 'vitest';
import { gsrnCheckDigit } from '../ids/index.ts';
import { XmlInputError } from '../xml/index.ts';
import { buildDatahubXml } from './build.ts';
import { DatahubDocumentError, parseDatahubXml } from './parse.ts';
import { listDatahubSamples, sampleDatahubDocument } from './samples.ts';
import { DATAHUB_NAMESPACE, type Dh831Process } from './types.ts';
import { validateDatahubXml } from './validate.ts';

const request = sampleDatahubDocument('DH-831', { seed: 3 });
const rulesOf = (xml: string) => validateDatahubXml(xml).issues.map((i) => i.rule);
const requestXml = (overrides: Partial<Dh831Process>) =>
  buildDatahubXml({ ...request, process: { ...request.process, ...overrides } });

describe('round trip', () => {
  it.each(listDatahubSamples().map((s) => s.kind))(
    '%s: build → parse gives the same document, no issues',
    (kind) => {
      for (const seed of [1, 2, 3]) {
        const doc = sampleDatahubDocument(kind, { seed });
        const xml = buildDatahubXml(doc);
        const parsed = parseDatahubXml(xml);
        expect(parsed.document).toEqual(doc);
        expect(validateDatahubXml(xml).issues).toEqual([]);
        expect(buildDatahubXml(parsed.document)).toBe(xml);
      }
    },
  );

  it('keeps characters that need escaping and non-ASCII text', () => {
    const doc = {
      ...request,
      process: { ...request.process, description: 'Sähkö & <kaasu> "ä" ö' },
    };
    expect(parseDatahubXml(buildDatahubXml(doc)).document).toEqual(doc);
  });
});

describe('namespaces decide, prefixes do not', () => {
  const xml = buildDatahubXml(request);
  it.each([
    ['default namespace', buildDatahubXml(request, { prefix: '' })],
    ['prefix ns0', buildDatahubXml(request, { prefix: 'ns0' })],
    [
      'prefix redeclared on a child',
      xml
        .replace(
          '<dh:AuthorizationRequestProcess>',
          `<x:AuthorizationRequestProcess xmlns:x="${DATAHUB_NAMESPACE}">`,
        )
        .replace('</dh:AuthorizationRequestProcess>', '</x:AuthorizationRequestProcess>')
        .replace(/<dh:(RequestId|CustomerId)>([^<]*)<\/dh:\1>/g, '<x:$1>$2</x:$1>'),
    ],
  ])('%s reads the same document', (_, variant) => {
    expect(variant).not.toBe(xml);
    expect(parseDatahubXml(variant).document).toEqual(parseDatahubXml(xml).document);
    expect(validateDatahubXml(variant).issues).toEqual([]);
  });

  it('refuses the right local names in another namespace (EC.MSG.002)', () => {
    const foreign = xml.replace(DATAHUB_NAMESPACE, 'urn:example:other');
    expect(() => parseDatahubXml(foreign)).toThrow(DatahubDocumentError);
    expect(rulesOf(foreign)).toEqual(['EC.MSG.002']);
  });
});

describe('field rules, just inside and just outside', () => {
  const gsrn17 = request.process.accountingPoints[0]?.slice(0, 17) ?? '';
  const rightDigit = gsrnCheckDigit(gsrn17);
  it.each([
    ['description 150 characters', { description: 'ö'.repeat(150) }, []],
    ['description 151 characters', { description: 'ö'.repeat(151) }, ['EC.AUTH.012']],
    ['GSRN with right check digit', { accountingPoints: [`${gsrn17}${rightDigit}`] }, []],
    [
      'GSRN with wrong check digit',
      { accountingPoints: [`${gsrn17}${(rightDigit + 1) % 10}`] },
      ['EC.AUTH.011'],
    ],
    ['henkilötunnus with right check character', { customerId: '131052-308T' }, []],
    ['henkilötunnus with wrong check character', { customerId: '131052-308U' }, ['EC.AUTH.010']],
    ['Y-tunnus with right check digit', { customerId: '0112038-9' }, []],
    ['Y-tunnus with wrong check digit', { customerId: '0112038-8' }, ['EC.AUTH.010']],
    [
      'recipient with name and e-mail',
      { recipient: { name: 'Aino', email: 'aino@example.fi' } },
      [],
    ],
    [
      'recipient name without e-mail',
      { recipient: { name: 'Aino' }, reminderTime: undefined },
      ['EC.AUTH.013'],
    ],
    // The sample has a reminder, which then lacks a complete recipient too (DH-REMINDER).
    [
      'recipient e-mail without name, with reminder',
      { recipient: { email: 'aino@example.fi' } },
      ['EC.AUTH.013', 'EC.AUTH.014'],
    ],
    ['reminder without recipient', { recipient: undefined }, ['EC.AUTH.014']],
    ['start without offset', { periodStart: '2026-04-01T00:00:00' }, ['EC.MSG.003']],
    ['end date not a date', { requestEndDate: '2026-02-30' }, ['EC.MSG.003']],
    ['unknown reason', { reason: 'curiosity' as Dh831Process['reason'] }, ['EC.AUTH.015']],
  ])('%s', (_, overrides, expected) => {
    expect(rulesOf(requestXml(overrides))).toEqual(expected);
  });

  it('names path, rule, value and what to do', () => {
    const [issue] = validateDatahubXml(requestXml({ description: 'ö'.repeat(151) })).issues;
    expect(issue).toMatchObject({
      path: '/AuthorizationRequest/AuthorizationRequestProcess/Description',
      rule: 'EC.AUTH.012',
      value: 'ö'.repeat(151),
    });
    expect(issue?.message).toMatch(/^consent-sim: .*It has 151; shorten it to 150\.$/);
  });
});

describe('structure', () => {
  const xml = buildDatahubXml(request);
  it('reports a missing required element as EC.AUTH.020 and reads it as empty', () => {
    const without = xml.replace(/<dh:CustomerId>[^<]*<\/dh:CustomerId>\s*/, '');
    const { document, issues } = parseDatahubXml(without);
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ['/AuthorizationRequest/AuthorizationRequestProcess/CustomerId', 'EC.AUTH.020'],
    ]);
    expect(document.kind === 'DH-831' && document.process.customerId).toBe('');
  });

  it('reports unknown, out-of-order and repeated elements (EC.MSG.004)', () => {
    expect(rulesOf(xml.replace('<dh:Reason>', '<dh:Colour>x</dh:Colour><dh:Reason>'))).toEqual([
      'EC.MSG.004',
    ]);
    const reordered = xml.replace(
      /(<dh:RequestId>[^<]*<\/dh:RequestId>)(\s*)(<dh:CustomerId>[^<]*<\/dh:CustomerId>)/,
      '$3$2$1',
    );
    expect(rulesOf(reordered)).toEqual(['EC.MSG.004']);
    expect(rulesOf(xml.replace(/(<dh:Reason>[^<]*<\/dh:Reason>)/, '$1$1'))).toEqual(['EC.MSG.004']);
  });

  it('reports a header MessageType that contradicts the root (EC.MSG.002)', () => {
    expect(rulesOf(xml.replace('<dh:MessageType>DH-831<', '<dh:MessageType>DH-851<'))).toEqual([
      'EC.MSG.002',
    ]);
  });

  it('requires errors on a negative ACK and none on a positive one', () => {
    const positive = buildDatahubXml(sampleDatahubDocument('DH-831-ACK-POSITIVE', { seed: 1 }));
    expect(rulesOf(positive.replace('>positive<', '>negative<'))).toEqual(['EC.MSG.004']);
    expect(rulesOf(positive.replace('>positive<', '>maybe<'))).toEqual(['EC.MSG.003']);
  });
});

describe('hostile input is refused by the guard before parsing', () => {
  const xml = buildDatahubXml(request);
  it.each([
    [
      'DOCTYPE with an entity',
      xml.replace(
        '<dh:AuthorizationRequest ',
        '<!DOCTYPE x [<!ENTITY e "boom">]><dh:AuthorizationRequest ',
      ),
    ],
    [
      'external entity',
      xml.replace(
        '<dh:AuthorizationRequest ',
        '<!DOCTYPE x SYSTEM "file:///etc/passwd"><dh:AuthorizationRequest ',
      ),
    ],
    ['undeclared entity reference', xml.replace('<dh:Reason>', '<dh:Reason>&boom;')],
    [
      'too deep',
      `<dh:AuthorizationRequest xmlns:dh="${DATAHUB_NAMESPACE}">${'<a>'.repeat(80)}${'</a>'.repeat(80)}</dh:AuthorizationRequest>`,
    ],
    ['not XML', 'hello'],
  ])('%s', (_, hostile) => {
    expect(() => parseDatahubXml(hostile)).toThrow(XmlInputError);
    expect(rulesOf(hostile)).toEqual(['EC.MSG.001']);
  });

  it('too large for the limit', () => {
    expect(() => parseDatahubXml(xml, { limits: { maxBytes: 200 } })).toThrow(XmlInputError);
  });
});
