import { describe, expect, it } from 'vitest';
import { checkSimpleValue } from './facets.ts';
import {
  EC_PART_FACT,
  EC_SHARE,
  GROUPING_ID,
  RESPONSE_CODE,
  SECTOR,
  XSD_BOOLEAN,
  XSD_DATE,
  XSD_DATE_TIME,
} from './simple-types.ts';

const rules = (type: Parameters<typeof checkSimpleValue>[0], value: string) =>
  checkSimpleValue(type, value).map((violation) => violation.rule);

describe('xsd:date lexical space (as libxml2 checks it)', () => {
  it.each(['2024-02-29', '2023-12-31', '2024-04-04Z', '2024-04-04+02:00', '2024-04-04-14:00'])(
    'accepts %s',
    (value) => expect(rules(XSD_DATE, value)).toEqual([]),
  );
  it.each([
    '2023-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-4-4',
    '0000-01-01',
    '2024-04-04+14:30',
    '20240404',
  ])('refuses %s', (value) => expect(rules(XSD_DATE, value)).toEqual(['type xsd:date']));
});

describe('xsd:dateTime lexical space', () => {
  it.each([
    '2024-04-02T14:40:47.4699220Z',
    '2026-03-29T07:12:03.859+02:00',
    '2024-04-02T24:00:00',
    '2024-04-02T23:59:59',
  ])('accepts %s', (value) => expect(rules(XSD_DATE_TIME, value)).toEqual([]));
  it.each([
    '2024-04-02 14:40:47',
    '2024-04-02T24:00:01',
    '2024-02-30T10:00:00',
    '2024-04-02T12:60:00',
    '2024-04-02T12:00',
  ])('refuses %s', (value) => expect(rules(XSD_DATE_TIME, value)).toEqual(['type xsd:dateTime']));
});

describe('decimal facets count significant digits, as XSD does', () => {
  it('ECShare: 4 fraction digits, 0..100', () => {
    expect(rules(EC_SHARE, '12.3456')).toEqual([]);
    expect(rules(EC_SHARE, '12.345600')).toEqual([]);
    expect(rules(EC_SHARE, '12.34567')).toEqual(['fractionDigits 4']);
    expect(rules(EC_SHARE, '100')).toEqual([]);
    expect(rules(EC_SHARE, '100.0001')).toEqual(['maxInclusive 100']);
    expect(rules(EC_SHARE, '-0.0001')).toEqual(['minInclusive 0']);
    expect(rules(EC_SHARE, '1e2')).toEqual(['type xsd:decimal']);
  });
  it('ECPartFact: no fraction digits', () => {
    expect(rules(EC_PART_FACT, '50.0')).toEqual([]);
    expect(rules(EC_PART_FACT, '50.5')).toEqual(['fractionDigits 0']);
  });
});

describe('other facets', () => {
  it('ResponseCode 1..999 and integer lexical space', () => {
    expect(rules(RESPONSE_CODE, '1')).toEqual([]);
    expect(rules(RESPONSE_CODE, '999')).toEqual([]);
    expect(rules(RESPONSE_CODE, '0')).toEqual(['minInclusive 1']);
    expect(rules(RESPONSE_CODE, '1000')).toEqual(['maxInclusive 999']);
    expect(rules(RESPONSE_CODE, '1.5')).toEqual(['type xsd:integer']);
  });
  it('GroupingId: 1..35 alphanumerics; all failing facets are reported', () => {
    expect(rules(GROUPING_ID, 'A'.repeat(35))).toEqual([]);
    expect(rules(GROUPING_ID, 'A'.repeat(36))).toEqual(['maxLength 35']);
    expect(rules(GROUPING_ID, '')).toEqual(['minLength 1']);
    expect(rules(GROUPING_ID, `${'A'.repeat(35)}-`)).toEqual([
      'maxLength 35',
      'pattern [0-9A-Za-z]*',
    ]);
  });
  it('token enumerations collapse whitespace first; booleans take 1 and 0', () => {
    expect(rules(SECTOR, ' 01 ')).toEqual([]);
    expect(rules(SECTOR, '10')).toEqual(['enumeration 01|02|03|04|05|06|07|08|09|99']);
    expect(rules(XSD_BOOLEAN, '1')).toEqual([]);
    expect(rules(XSD_BOOLEAN, 'yes')).toEqual(['type xsd:boolean']);
  });
});
