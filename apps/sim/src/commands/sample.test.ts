import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSamples, validateAgainstXsd } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { memoryIo, sharedDir, skipWithoutShared } from '../testing.ts';

const noShared = skipWithoutShared('the official-XSD checks of sim sample output');
const xsdDir = join(sharedDir(), 'eda-xsd');
const schemas = (noShared ? [] : readdirSync(xsdDir))
  .filter((name) => name.endsWith('.xsd'))
  .map((fileName) => ({ fileName, contents: readFileSync(join(xsdDir, fileName), 'utf8') }));

const cases = listSamples().flatMap((info) =>
  info.versions.map((version) => ({ code: info.messageCode, family: info.family, version })),
);

async function sample(code: string, version: string): Promise<string> {
  const io = memoryIo();
  expect(await runMain(['sample', code, '--version', version, '--seed', '42'], io)).toBe(0);
  return io.out();
}

describe('sim sample → sim validate (every code and version)', () => {
  it('offers every message code of CM_REQ_OFF and of revocation', () => {
    const codes = listSamples().map((s) => s.messageCode);
    for (const code of [
      'ANFORDERUNG_CMQF',
      'ANTWORT_CMQF',
      'ABLEHNUNG_CMQF',
      'AUFHEBUNG_CCMC',
      'AUFHEBUNG_CCMS',
      'AUFHEBUNG_CCMI',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it.each(cases)('$code $version passes sim validate', async ({ code, version }) => {
    const check = memoryIo({ '/work/doc.xml': await sample(code, version) });
    expect(await runMain(['validate', 'doc.xml'], check)).toBe(0);
    expect(check.out()).toContain(`OK doc.xml:`);
    expect(check.out()).toContain(code);
  });

  it.skipIf(noShared).each(cases.filter(({ family }) => family === 'eda'))(
    '$code $version passes the official XSD',
    async ({ code, version }) => {
      expect(await validateAgainstXsd(await sample(code, version), schemas)).toEqual([]);
    },
  );

  it('prints the same bytes for the same seed and different bytes for another seed', async () => {
    const run = async (seed: string) => {
      const io = memoryIo();
      await runMain(['sample', 'ANTWORT_CMQF', '--seed', seed], io);
      return io.out();
    };
    expect(await run('7')).toBe(await run('7'));
    expect(await run('7')).not.toBe(await run('8'));
  });

  it('lists each code once with its document type and versions', async () => {
    const io = memoryIo();
    expect(await runMain(['sample', '--list'], io)).toBe(0);
    expect(io.out()).toMatch(/^ANFORDERUNG_CMQF\s+CMRequest\s+01\.10 .*01\.30$/m);
  });

  it('refuses an unknown code with exit 2 and a suggestion', async () => {
    const io = memoryIo();
    expect(await runMain(['sample', 'ANTWORT_CMQ'], io)).toBe(2);
    expect(io.err()).toContain('Did you mean: ANTWORT_CMQF');
  });

  it('refuses a version the document type does not have', async () => {
    const io = memoryIo();
    expect(await runMain(['sample', 'ANTWORT_CMQF', '--version', '01.30'], io)).toBe(2);
    expect(io.err()).toContain('CMNotification versions 01.11, 01.12, 01.20');
  });
});
