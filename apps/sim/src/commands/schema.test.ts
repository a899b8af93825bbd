// The committed scenarios/scenario.schema.json is what `sim schema` prints for the registry, so
// editors never autocomplete a stale schema (regenerate: pnpm sim schema --out scenarios/scenario.schema.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { SCENARIOS_DIR } from '../scenarios.ts';
import { memoryIo } from '../testing.ts';

describe('sim schema', () => {
  it('prints the committed scenarios/scenario.schema.json', async () => {
    const io = memoryIo();
    expect(await runMain(['schema'], io)).toBe(0);
    // Parsed comparison: Biome re-wraps the committed file's arrays; the content must be equal.
    const committed = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(io.out()));
  });

  it('gives every property a title and a description, so editors can explain each field', async () => {
    const io = memoryIo();
    await runMain(['schema'], io);
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as {
        properties?: Record<string, unknown>;
        $defs?: Record<string, unknown>;
      };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const p = property as { title?: string; description?: string; $ref?: string };
        const documented =
          p.$ref !== undefined || (p.title !== undefined && p.description !== undefined);
        // Properties inside if/then only narrow a documented property, so they are exempt.
        if (!documented && !path.includes('allOf')) missing.push(`${path}.${name}`);
        visit(property, `${path}.${name}`);
      }
      for (const [name, def] of Object.entries(schema.$defs ?? {})) visit(def, `$defs.${name}`);
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'properties' && key !== '$defs') visit(value, `${path}.${key}`);
      }
    };
    visit(JSON.parse(io.out()), '');
    expect(missing).toEqual([]);
  });
});
