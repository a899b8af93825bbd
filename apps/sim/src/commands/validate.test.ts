import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleXml } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { memoryIo, sharedDir, skipWithoutShared } from '../testing.ts';

const request = sampleXml('ANFORDERUNG_CMQF', { seed: 3 });
const noShared = skipWithoutShared('sim validate --xsd on the real participant samples');

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

  it.skipIf(noShared)(
    'validates the real market-participant samples, with --xsd against the official schemas',
    async () => {
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
    },
  );

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

  it('issue 13 item 8: a comment containing "--" and "]]>" in text are refused as not well-formed', async () => {
    const comment = request.replace(/<\/cp:CMRequest>\s*$/, '<!-- a -- b --></cp:CMRequest>');
    const text = request.replace(/<\/cp:CMRequest>\s*$/, 'x ]]> y</cp:CMRequest>');
    expect(comment).not.toBe(request);
    const io = memoryIo({ '/work/comment.xml': comment, '/work/text.xml': text });
    expect(await runMain(['validate', 'comment.xml', 'text.xml'], io)).toBe(1);
    expect(io.out()).toContain('"--" inside a comment');
    expect(io.out()).toContain('"]]>" in text');
    expect(io.out().match(/xml not-xml/g)).toHaveLength(2);
  });

  it('issue 13 item 6: 90 000 attributes under 1 MiB give one violation naming the limit', async () => {
    const flood = Array.from({ length: 90_000 }, (_, k) => `a${k}="1"`).join(' ');
    const heavy = request.replace(
      '<cp:MarketParticipantDirectory ',
      `<cp:MarketParticipantDirectory ${flood} `,
    );
    expect(heavy.length).toBeLessThan(1_048_576);
    const io = memoryIo({ '/work/heavy.xml': heavy });
    expect(await runMain(['validate', 'heavy.xml'], io)).toBe(1);
    expect(io.out()).toContain('heavy.xml: 1 violation(s)');
    expect(io.out()).toContain('xml too-many-attributes');
    expect(io.out()).toContain('more than 10000 attributes');
    expect(io.out().length).toBeLessThan(2000);
  });

  it('prints the first 20 violations and counts the rest; --json lists 200 and counts them all', async () => {
    const attributes = Array.from({ length: 300 }, (_, k) => `x${k}="1"`).join(' ');
    const many = request.replace(
      '<cp:MarketParticipantDirectory ',
      `<cp:MarketParticipantDirectory ${attributes} `,
    );
    const io = memoryIo({ '/work/many.xml': many });
    expect(await runMain(['validate', 'many.xml'], io)).toBe(1);
    expect(io.out()).toContain('many.xml (CMRequest');
    expect(io.out()).toContain(': 300 violation(s)');
    expect(io.out().match(/has no attribute/g)).toHaveLength(20);
    expect(io.out()).toContain('… and 280 more violation(s) not shown');
    const json = memoryIo({ '/work/many.xml': many });
    expect(await runMain(['validate', 'many.xml', '--json'], json)).toBe(1);
    const line = JSON.parse(json.out());
    expect(line).toMatchObject({ valid: false, issueCount: 300, issuesOmitted: 100 });
    expect(line.issues).toHaveLength(200);
  });

  it('issue 13 item 11: a long value is printed once, cut with an ellipsis and its length', async () => {
    const value = 'Q'.repeat(500);
    const long = request.replace(/<cp:MeteringIntervall>\w+</, `<cp:MeteringIntervall>${value}<`);
    const io = memoryIo({ '/work/long.xml': long });
    expect(await runMain(['validate', 'long.xml'], io)).toBe(1);
    expect(io.out()).not.toContain(value);
    expect(io.out()).toContain(`(value: "${'Q'.repeat(60)}…", 500 characters)`);
    expect(io.out()).toContain(`"${'Q'.repeat(60)}…"`);
  });

  it('issue 13 item 11: /dev/zero is refused as too large after 1 MiB, not read without end', async () => {
    const io = memoryIo();
    io.readFile = () => {
      throw new Error('a file on disk must be read with a byte cap, not whole');
    };
    expect(await runMain(['validate', '/dev/zero'], io)).toBe(1);
    expect(io.out()).toContain('xml too-large');
    expect(io.out()).toContain(
      'over the limit of 1048576 bytes (reading stopped after 1048577 bytes)',
    );
  });

  it('a file on disk over the limit is refused without being read whole; one under it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-sim-validate-'));
    try {
      writeFileSync(join(dir, 'big.xml'), `<a>${'x'.repeat(3 * 1024 * 1024)}</a>`);
      writeFileSync(join(dir, 'ok.xml'), request);
      const io = memoryIo({}, dir);
      expect(await runMain(['validate', 'big.xml'], io)).toBe(1);
      expect(io.out()).toContain('reading stopped after 1048577 bytes');
      const ok = memoryIo({}, dir);
      expect(await runMain(['validate', 'ok.xml'], ok)).toBe(0);
      expect(ok.out()).toContain('OK ok.xml: CMRequest');
      expect(await runMain(['validate', '.'], memoryIo({}, dir))).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
