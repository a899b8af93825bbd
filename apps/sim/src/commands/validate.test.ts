import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleXml } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { memoryIo, sharedDir } from '../testing.ts';

const request = sampleXml('ANFORDERUNG_CMQF', { seed: 3 });

describe('sim validate', () => {
  it('names the element path, the rule and the value of a violation, and exits 1', async () => {
    const broken = request.replace(/<cp:MeteringIntervall>\w+</, '<cp:MeteringIntervall>5MIN<');
    expect(broken).not.toBe(request);
    const io = memoryIo({ '/work/bad.xml': broken });
    expect(await runMain(['validate', 'bad.xml'], io)).toBe(1);
    expect(io.out()).toContain('INVALID bad.xml');
    expect(io.out()).toContain('/CMRequest/ProcessDirectory/CMRequest/MeteringIntervall');
    expect(io.out()).toContain('"5MIN"');
  });

  it('checks Datahub documents by their own rules, naming the error id as the rule', async () => {
    const request = sampleXml('DH-831', { seed: 2 });
    const tooLong = request.replace(
      /<dh:Description>[^<]*</,
      `<dh:Description>${'x'.repeat(151)}<`,
    );
    expect(tooLong).not.toBe(request);
    const io = memoryIo({ '/work/dh.xml': request, '/work/long.xml': tooLong });
    expect(await runMain(['validate', 'dh.xml'], io)).toBe(0);
    expect(io.out()).toContain('OK dh.xml: DH-831');
    const bad = memoryIo(Object.fromEntries(io.files));
    expect(await runMain(['validate', 'long.xml'], bad)).toBe(1);
    expect(bad.out()).toMatch(/Description: EC\.AUTH\.012/);
  });

  it('refuses a document with an entity declaration without expanding it', async () => {
    const hostile = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>${request.replace(/^<\?xml[^>]*>/, '')}`;
    const io = memoryIo({ '/work/hostile.xml': hostile });
    expect(await runMain(['validate', 'hostile.xml'], io)).toBe(1);
    expect(io.out()).toMatch(/DOCTYPE/i);
  });

  it('exits 2 for a missing file and says which', async () => {
    const io = memoryIo();
    expect(await runMain(['validate', 'nope.xml'], io)).toBe(2);
    expect(io.err()).toContain('cannot read nope.xml: no such file');
  });

  it('validates the real market-participant samples, with --xsd against the official schemas', async () => {
    const shared = sharedDir();
    const files: Record<string, string> = {};
    for (const name of readdirSync(join(shared, 'eda-xsd'))) {
      files[`/work/xsd/${name}`] = readFileSync(join(shared, 'eda-xsd', name), 'utf8');
    }
    const samples = readdirSync(join(shared, 'eda-samples')).filter((name) =>
      name.endsWith('.xml'),
    );
    for (const name of samples) {
      files[`/work/${name}`] = readFileSync(join(shared, 'eda-samples', name), 'utf8');
    }
    const io = memoryIo(files);
    expect(await runMain(['validate', ...samples, '--xsd', 'xsd'], io)).toBe(0);
    expect(io.out().match(/^OK /gm)).toHaveLength(samples.length);
  });

  it('checks the simulation-only data documents by their own format', async () => {
    const record = `<?xml version="1.0" encoding="UTF-8"?>
<ConsumptionRecord xmlns="urn:consent-sim:eda-sim:data:1">
  <Sender>AT001000</Sender>
  <Receiver>EP100200</Receiver>
  <DocumentCreationDateTime>2026-03-11T09:00:03.001+01:00</DocumentCreationDateTime>
  <MessageCode>DATEN_CRMSG</MessageCode>
  <MessageId>AT001000202603110900030012345678901</MessageId>
  <ConversationId>EP100200T1772697600000</ConversationId>
  <ConsentId>AT00100020260302090000000AAAAAAAA</ConsentId>
  <MeteringPoint>AT0010008265138217266517956082706</MeteringPoint>
  <PeriodFrom>2026-03-10T09:00:03.001+01:00</PeriodFrom>
  <PeriodTo>2026-03-11T09:00:03.001+01:00</PeriodTo>
  <Trigger>periodic</Trigger>
</ConsumptionRecord>`;
    const io = memoryIo({
      '/work/data.xml': record,
      '/work/bad-data.xml': record.replace('<Trigger>periodic<', '<Trigger>sometimes<'),
    });
    expect(await runMain(['validate', 'data.xml'], io)).toBe(0);
    expect(io.out()).toContain('OK data.xml: ConsumptionRecord');
    const bad = memoryIo(Object.fromEntries(io.files));
    expect(await runMain(['validate', 'bad-data.xml'], bad)).toBe(1);
    expect(bad.out()).toContain('/ConsumptionRecord/Trigger');
  });
});
