import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildEdaXml } from './build.ts';
import { parseEdaXml } from './parse.ts';
import { listEdaSamples, sampleEdaDocument } from './samples.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
/** Regenerate on purpose: `UPDATE_EDA_FIXTURES=1 pnpm exec vitest run --project messages fixtures`. */
const UPDATE = env.UPDATE_EDA_FIXTURES === '1';
const FIXTURE_SEED = 20240402;

const golden = listEdaSamples().flatMap((info) =>
  info.versions.map((version) => ({
    name: `${info.messageCode.toLowerCase()}_${version.replace('.', 'p')}.xml`,
    doc: sampleEdaDocument(info.messageCode, { seed: FIXTURE_SEED, version }),
  })),
);

describe('golden fixtures: buildEdaXml output is pinned byte for byte', () => {
  it.each(golden.map((entry) => [entry.name, entry] as const))('%s', (name, { doc }) => {
    const file = path.join(FIXTURES, name);
    const xml = buildEdaXml(doc);
    if (UPDATE) writeFileSync(file, xml);
    expect(xml).toBe(readFileSync(file, 'utf8'));
  });

  it('has no stale fixture files', () => {
    const expected = new Set(golden.map((entry) => entry.name));
    const stale = readdirSync(FIXTURES).filter(
      (name) => name.endsWith('.xml') && !name.startsWith('prefix-') && !expected.has(name),
    );
    expect(stale).toEqual([]);
  });
});

// Hand-written: the same documents as written by senders that choose other prefixes. Never
// regenerated; they must keep parsing to the same objects as the golden cp:/ct: files.
describe.each([
  ['anforderung_cmqf_01p30.xml', 'cmrequest'],
  ['antwort_cmqf_01p20.xml', 'cmnotification'],
])('prefix variants of %s', (goldenName, stem) => {
  it.each(['default', 'ns0-ns1', 'ns2', 'cp-ct'])('%s parses to the same document', (variant) => {
    const reference = parseEdaXml(readFileSync(path.join(FIXTURES, goldenName), 'utf8'));
    const xml = readFileSync(path.join(FIXTURES, `prefix-${variant}-${stem}.xml`), 'utf8');
    const parsed = parseEdaXml(xml);
    expect(parsed.issues).toEqual([]);
    expect(parsed.document).toEqual(reference.document);
  });
});
