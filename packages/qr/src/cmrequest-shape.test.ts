import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR, skipWithoutShared } from '../../../test-support/shared-folder.ts';
import { buildCmRequestFixture } from './cmrequest-fixture.ts';
import { inspectCmRequest, readRootElement } from './cmrequest-shape.ts';

const noShared = skipWithoutShared('naming a real CMNotification participant sample');
const CP = 'http://www.ebutilities.at/schemata/customerconsent/cmrequest';

describe('inspectCmRequest', () => {
  it('goes by namespace, not prefix: cp:, ns0: and a default namespace are all CMRequests', () => {
    const body = '<MarketParticipantDirectory/><ProcessDirectory/>';
    const documents = [
      buildCmRequestFixture(),
      `<ns0:CMRequest xmlns:ns0="${CP}/01p21"><ns0:MarketParticipantDirectory/><ns0:ProcessDirectory/></ns0:CMRequest>`,
      `<CMRequest xmlns="${CP}/01p10">${body}</CMRequest>`,
    ];
    expect(documents.map((document) => inspectCmRequest(document))).toEqual([
      { ok: true, shape: expect.objectContaining({ schemaVersion: '01p30' }) },
      { ok: true, shape: expect.objectContaining({ schemaVersion: '01p21' }) },
      { ok: true, shape: expect.objectContaining({ schemaVersion: '01p10' }) },
    ]);
  });

  it('refuses a cp: prefix bound to another namespace', () => {
    const result = inspectCmRequest(
      '<cp:CMRequest xmlns:cp="urn:other"><cp:MarketParticipantDirectory/><cp:ProcessDirectory/></cp:CMRequest>',
    );
    expect(result).toEqual({ ok: false, found: expect.stringContaining('namespace "urn:other"') });
  });

  it('refuses an undeclared prefix', () => {
    expect(readRootElement('<cp:CMRequest>')).toEqual({
      qualifiedName: 'cp:CMRequest',
      localName: 'CMRequest',
      namespace: null,
    });
    expect(inspectCmRequest('<cp:CMRequest></cp:CMRequest>')).toMatchObject({ ok: false });
  });

  it.skipIf(noShared)(
    'names a real CMNotification (ns0:/ns1: prefixes, eda-samples) as what it is',
    () => {
      const sample = readFileSync(
        path.join(SAMPLES_DIR, 'cmnotification_01p20_accepted_ccmo.xml'),
        'utf8',
      );
      const oneLine = sample
        .replace(/^<\?xml[^>]*>\s*/, '')
        .replace(/>\s+</g, '><')
        .trim();
      const result = inspectCmRequest(oneLine);
      expect(result).toEqual({
        ok: false,
        found: expect.stringContaining(
          'is a CMNotification document (root <ns0:CMNotification> in namespace "http://www.ebutilities.at/schemata/customerconsent/cmnotification/01p20")',
        ),
      });
    },
  );

  it('notices a document cut short (a truncated payload)', () => {
    const whole = buildCmRequestFixture();
    expect(inspectCmRequest(whole.slice(0, -5))).toEqual({
      ok: false,
      found: expect.stringContaining('does not end with </cp:CMRequest>'),
    });
  });

  it('notices a missing ProcessDirectory', () => {
    const result = inspectCmRequest(
      `<cp:CMRequest xmlns:cp="${CP}/01p30"><cp:MarketParticipantDirectory/></cp:CMRequest>`,
    );
    expect(result).toEqual({
      ok: false,
      found: expect.stringContaining('without a ProcessDirectory'),
    });
  });
});
