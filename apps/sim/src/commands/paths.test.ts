import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAgainstSchema, type JsonSchema } from '@consent-sim/conformance';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { SCENARIOS_DIR } from '../scenarios.ts';
import { memoryIo, shippedScenariosIo } from '../testing.ts';

const DH_SCENARIOS = readdirSync(join(SCENARIOS_DIR, 'dh-831')).filter((f) =>
  f.endsWith('.yaml'),
).length;

const schema = JSON.parse(
  readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'test-vector.schema.json'), 'utf8'),
) as JsonSchema;

async function writeVectors(): Promise<Map<string, string>> {
  const io = shippedScenariosIo();
  expect(await runMain(['paths', 'dh-831', '--source', 'scenario', '--out', 'vectors'], io)).toBe(
    0,
  );
  expect(io.err()).toContain(`wrote ${DH_SCENARIOS} vectors of dh-831 to vectors`);
  const written = new Map<string, string>();
  for (const [path, bytes] of io.files) {
    if (path.startsWith('/work/vectors/')) written.set(path, new TextDecoder().decode(bytes));
  }
  return written;
}

describe('sim paths', () => {
  it('lists model paths and shipped scenarios, marked by source', async () => {
    const io = shippedScenariosIo();
    expect(await runMain(['paths', 'cm-req-off', '--format', 'json'], io)).toBe(0);
    const listing = JSON.parse(io.out()) as Array<{ source: string; id: string }>;
    expect(listing.filter((p) => p.source === 'scenario').map((p) => p.id)).toContain('happy-path');
    expect(listing.filter((p) => p.source === 'model').length).toBeGreaterThan(100);
    const text = shippedScenariosIo();
    expect(await runMain(['paths', 'dh-831', '--source', 'scenario'], text)).toBe(0);
    expect(text.out()).toContain(`${DH_SCENARIOS} paths of dh-831`);
    expect(text.out()).toMatch(/ {2}scenario approved {2,}\d+ stimuli {2}/);
  });

  it('--out writes one schema-valid vector per path, byte-identical on a second run', async () => {
    const first = await writeVectors();
    expect([...first.keys()]).toContain('/work/vectors/scenario-approved.json');
    expect(first.size).toBe(DH_SCENARIOS);
    for (const [path, text] of first) {
      expect(checkAgainstSchema(schema, JSON.parse(text)), path).toEqual([]);
    }
    expect(await writeVectors()).toEqual(first);
  });

  it('--help shows an example; a missing or unknown process is a usage error (2)', async () => {
    const help = memoryIo();
    expect(await runMain(['paths', '--help'], help)).toBe(0);
    expect(help.out()).toContain('pnpm sim paths dh-831 --source model --out vectors/dh-831');
    for (const args of [
      ['paths'],
      ['paths', 'cm-req-on'],
      ['paths', 'dh-831', '--format', 'yaml'],
    ]) {
      const io = memoryIo();
      expect(await runMain(args, io)).toBe(2);
      expect(io.err()).toContain('Usage: pnpm sim paths');
    }
  });
});
