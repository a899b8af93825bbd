import { describe, expect, it } from 'vitest';
import { TEST_PROCESSES } from '../process/test-processes.ts';
import { ifThen, type JsonSchema, validateAgainstSchema } from './json-schema.ts';
import { scenarioSchema } from './schema.ts';
import { formatPath } from './schema-wording.ts';

describe('validateAgainstSchema', () => {
  const schema: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['seed', 'kind'],
    properties: {
      seed: { title: 'Seed', type: 'integer', minimum: 0 },
      kind: { enum: ['drop', 'delay'] },
      tags: {
        type: 'array',
        items: { type: 'string', pattern: '^[a-z]+$', patternErrorMessage: 'not lower case' },
      },
    },
  };

  it('collects every issue with its path, not just the first', () => {
    const issues = validateAgainstSchema(schema, { seed: -1, kinds: 'x', tags: ['ok', 'NO', 3] });
    expect(issues).toEqual([
      { path: ['seed'], target: 'value', message: 'must be ≥ 0, got -1' },
      { path: ['tags', 1], target: 'value', message: '"NO" is not lower case' },
      { path: ['tags', 2], target: 'value', message: 'expected a string, got number 3' },
      { path: [], target: 'parent', message: 'missing required field "kind"' },
      { path: ['kinds'], target: 'key', message: 'unknown field "kinds"; did you mean "kind"?' },
    ]);
  });

  it('names the allowed values of an enum and the closest one', () => {
    expect(validateAgainstSchema(schema, { seed: 1, kind: 'dorp' })[0]?.message).toBe(
      '"dorp" is not one of "drop", "delay"; did you mean "drop"?',
    );
  });

  it('applies then only when if holds', () => {
    const conditional: JsonSchema = {
      allOf: [ifThen({ properties: { kind: { const: 'delay' } } }, { required: ['delay'] })],
    };
    expect(validateAgainstSchema(conditional, { kind: 'drop' })).toEqual([]);
    expect(validateAgainstSchema(conditional, { kind: 'delay' })[0]?.message).toBe(
      'missing required field "delay"',
    );
  });

  it('throws on a keyword it does not implement, so the schema cannot rely on a skipped rule', () => {
    // Parsed, as a hand-edited schema file would be: the type does not list oneOf.
    const unsupported: JsonSchema = JSON.parse('{ "oneOf": [{ "type": "string" }] }');
    expect(() => validateAgainstSchema(unsupported, 'x')).toThrow(
      /keyword "oneOf" .* is not supported/,
    );
  });

  it('uses only supported keywords anywhere in the scenario schema', () => {
    const schema = scenarioSchema(TEST_PROCESSES);
    const visit = (node: JsonSchema): void => {
      if (typeof node === 'boolean') return;
      // Validating against each subschema alone walks its own keywords.
      expect(() => validateAgainstSchema(node, null, schema)).not.toThrow();
      const children = [
        ...Object.values(node.properties ?? {}),
        ...Object.values(node.$defs ?? {}),
        ...(node.allOf ?? []),
        ...[
          node.items,
          node.if,
          node.then,
          node.else,
          node.additionalProperties,
          node.propertyNames,
        ],
      ];
      for (const child of children) if (child !== undefined) visit(child);
    };
    visit(schema);
  });
});

describe('formatPath', () => {
  it('writes paths as people do', () => {
    expect(formatPath(['stimuli', 2, 'at'])).toBe('stimuli[2].at');
    expect(formatPath(['parties', 'sp', 'registered'])).toBe('parties.sp.registered');
    expect(formatPath(['expect', 'states', 'a b'])).toBe('expect.states["a b"]');
  });
});
