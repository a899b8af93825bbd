import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioSchemaJson } from './schema-json.ts';

const committed = fileURLToPath(
  new URL('../../../../scenarios/scenario.schema.json', import.meta.url),
);

describe('scenarios/scenario.schema.json', () => {
  it('equals the schema module (regenerate: pnpm exec tsx packages/sim/src/scenario/write-schema.ts)', () => {
    // Parsed comparison: Biome re-wraps the committed file's arrays; the content must be equal.
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(JSON.parse(scenarioSchemaJson()));
  });

  it('gives every property a title and a description, so editors can explain each field', () => {
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
    visit(JSON.parse(scenarioSchemaJson()), '');
    expect(missing).toEqual([]);
  });
});
