// The simulation-only data XML (OFF-DATA-DELIVERY): lossless round trip, guard first, strict
// reading that names path and rule.
import { describe, expect, it } from 'vitest';
import { buildDataXml, DATA_NAMESPACE, type DataDocument, readDataXml } from './data-documents.ts';

const record: DataDocument = {
  kind: 'ConsumptionRecord',
  fields: {
    Sender: 'AT001000',
    Receiver: 'EP100200',
    DocumentCreationDateTime: '2026-03-11T09:00:03.001+01:00',
    MessageCode: 'DATEN_CRMSG',
    MessageId: 'AT001000202603110900030012345678901',
    ConversationId: 'EP100200T1772697600000',
    ConsentId: 'AT00100020260302090000000AAAAAAAA',
    MeteringPoint: 'AT0010008265138217266517956082706',
    PeriodFrom: '2026-03-10T09:00:03.001+01:00',
    PeriodTo: '2026-03-11T09:00:03.001+01:00',
    Trigger: 'periodic',
  },
};

const rules = (xml: string) => readDataXml(xml).issues.map((i) => `${i.rule} ${i.path}`);

describe('simulation-only data XML', () => {
  it('reads back what it writes, in its own namespace', () => {
    const xml = buildDataXml(record);
    expect(xml).toContain(`<ConsumptionRecord xmlns="${DATA_NAMESPACE}">`);
    expect(readDataXml(xml)).toEqual({ document: record, issues: [] });
  });

  it('refuses entity declarations before reading anything (guard first)', () => {
    const xml = buildDataXml(record).replace(
      '<ConsumptionRecord',
      '<!DOCTYPE x [<!ENTITY a "b">]><ConsumptionRecord',
    );
    expect(rules(xml)).toEqual(['xml entity /']);
  });

  it('refuses a truncated document as not-xml', () => {
    const xml = buildDataXml(record);
    expect(rules(xml.slice(0, Math.floor(xml.length * 0.7)))).toEqual(['xml not-xml /']);
  });

  it('names a missing element, an unknown one, one out of order and a bad value', () => {
    const xml = buildDataXml(record)
      .replace('  <Trigger>periodic</Trigger>\n', '  <Color>red</Color>\n')
      .replace('<MeteringPoint>AT0010008265138217266517956082706</MeteringPoint>', '')
      .replace(
        '<Sender>AT001000</Sender>\n  <Receiver>EP100200</Receiver>',
        '<Receiver>EP100200</Receiver>\n  <Sender>AT001000</Sender>',
      )
      .replace('2026-03-10T09:00:03.001+01:00', '2026-03-10 09:00');
    expect(rules(xml)).toEqual([
      'order /ConsumptionRecord/Sender',
      'unexpected /ConsumptionRecord/Color',
      'required /ConsumptionRecord/Sender',
      'required /ConsumptionRecord/MeteringPoint',
      `pattern ${String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$`} /ConsumptionRecord/PeriodFrom`,
      'required /ConsumptionRecord/Trigger',
    ]);
  });

  it('refuses another namespace, a prefix or an attribute on the root', () => {
    const xml = buildDataXml(record);
    expect(rules(xml.replace(DATA_NAMESPACE, 'urn:other'))).toEqual([
      'namespace /ConsumptionRecord',
    ]);
    expect(
      rules(xml.replace('<ConsumptionRecord xmlns', '<ConsumptionRecord id="1" xmlns')),
    ).toEqual(['unexpected /']);
  });
});
