/** JSON type names of draft 2020-12. */
import type { JsonType } from './schema-wording.ts';
import { article, describe, didYouMean, formatPath, listOf, yamlWord } from './schema-wording.ts';
import { closest } from './suggest.ts';

export type { JsonType };

/**
 * The subset of JSON Schema (draft 2020-12) the scenario schema uses. `patternErrorMessage` and
 * `errorMessage` are the VS Code / yaml-language-server extensions, so editors and
 * {@link validateAgainstSchema} show the same wording.
 */
export interface JsonSchemaObject {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  type?: JsonType | JsonType[];
  const?: unknown;
  enum?: readonly unknown[];
  pattern?: string;
  patternErrorMessage?: string;
  errorMessage?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: JsonSchema;
  propertyNames?: JsonSchema;
  allOf?: readonly JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
}

export type JsonSchema = JsonSchemaObject | boolean;

/**
 * A JSON Schema `if`/`then` pair. Built here once because an object literal with a `then` key
 * looks thenable to the linter; these schema objects are data and never awaited.
 *
 * @example ifThen({ properties: { kind: { const: 'delay' } } }, { required: ['delay'] })
 */
export function ifThen(condition: JsonSchema, consequence: JsonSchema): JsonSchemaObject {
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword; schemas are data, never awaited.
  return { if: condition, then: consequence };
}

/** Where an issue points in the source: the value, the key of the last segment, or the parent. */
export type IssueTarget = 'value' | 'key' | 'parent';

/** One violation of the schema, located by its path in the document. */
export interface SchemaIssue {
  path: ReadonlyArray<string | number>;
  target: IssueTarget;
  message: string;
}

// Keywords that only annotate: they never make a value invalid.
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$defs',
  'title',
  'description',
  'examples',
  'default',
]);
const ASSERTIONS = new Set([
  '$ref',
  'type',
  'const',
  'enum',
  'pattern',
  'patternErrorMessage',
  'errorMessage',
  'minLength',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'allOf',
  'if',
  'then',
  'else',
]);

/**
 * Validates `value` against `schema` (resolving `$ref: '#/$defs/…'` in `root`) and returns every
 * issue, not just the first. Throws on a keyword outside the supported subset, so the schema can
 * never rely on a rule this validator silently skips.
 *
 * @example
 * validateAgainstSchema({ type: 'object', required: ['seed'] }, {});
 * // → [{ path: [], target: 'parent', message: 'missing required field "seed"' }]
 */
export function validateAgainstSchema(
  schema: JsonSchema,
  value: unknown,
  root: JsonSchema = schema,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, value, [], root, issues);
  return issues;
}

function check(
  schema: JsonSchema,
  value: unknown,
  path: Array<string | number>,
  root: JsonSchema,
  out: SchemaIssue[],
): void {
  if (schema === true) return;
  if (schema === false) {
    out.push({ path, target: 'key', message: 'is not allowed here' });
    return;
  }
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) {
      throw new Error(
        `consent-sim: json-schema.ts: keyword "${keyword}" at ${formatPath(path) || '(root)'} is not supported by the scenario validator; extend validateAgainstSchema or drop the keyword`,
      );
    }
  }
  const own: SchemaIssue[] = [];
  const fail = (message: string, target: IssueTarget = 'value', at = path) =>
    own.push({ path: at, target, message: schema.errorMessage ?? message });

  if (schema.$ref !== undefined) check(resolveRef(root, schema.$ref), value, path, root, out);
  if (schema.type !== undefined && !hasType(value, schema.type)) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).map(yamlWord);
    fail(`expected ${article(types.join(' or '))}, got ${describe(value)}`);
    out.push(...own);
    return; // the other keywords would only repeat the type mismatch
  }
  if ('const' in schema && !sameJson(value, schema.const)) {
    fail(`expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  }
  if (schema.enum !== undefined && !schema.enum.some((option) => sameJson(option, value))) {
    fail(
      `${JSON.stringify(value)} is not one of ${listOf(schema.enum)}${didYouMean(value, schema.enum)}`,
    );
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      fail(
        schema.minLength === 1
          ? 'must not be empty'
          : `needs at least ${schema.minLength} characters`,
      );
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      fail(
        `${JSON.stringify(value)} is ${schema.patternErrorMessage ?? `not matching /${schema.pattern}/`}`,
      );
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      fail(`must be ≥ ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      fail(`must be ≤ ${schema.maximum}, got ${value}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      fail(`needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
    }
    if (schema.items !== undefined) {
      const items = schema.items;
      for (const [index, item] of value.entries()) check(items, item, [...path, index], root, out);
    }
  }
  if (isPlainObject(value)) checkObject(schema, value, path, root, out, fail);
  for (const part of schema.allOf ?? []) check(part, value, path, root, out);
  if (schema.if !== undefined) {
    const branch =
      validateAgainstSchema(schema.if, value, root).length === 0 ? schema.then : schema.else;
    if (branch !== undefined) check(branch, value, path, root, out);
  }
  out.push(...own);
}

function checkObject(
  schema: JsonSchemaObject,
  value: Record<string, unknown>,
  path: Array<string | number>,
  root: JsonSchema,
  out: SchemaIssue[],
  fail: (message: string, target?: IssueTarget, at?: Array<string | number>) => void,
): void {
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (!(name in value)) {
      const title = resolveTitle(properties[name], root);
      fail(`missing required field "${name}"${title ? ` (${title})` : ''}`, 'parent');
    }
  }
  const known = Object.keys(properties);
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, key];
    if (schema.propertyNames !== undefined) {
      for (const issue of validateAgainstSchema(schema.propertyNames, key, root)) {
        out.push({ path: at, target: 'key', message: `key ${issue.message}` });
      }
    }
    const property = properties[key];
    if (property !== undefined) {
      check(property, child, at, root, out);
    } else if (schema.additionalProperties === false) {
      const hint = closest(key, known, 1)[0];
      fail(
        `unknown field "${key}"; ${hint ? `did you mean "${hint}"?` : `allowed: ${known.join(', ')}`}`,
        'key',
        at,
      );
    } else if (schema.additionalProperties !== undefined) {
      check(schema.additionalProperties, child, at, root, out);
    }
  }
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : undefined;
  const target = name !== undefined && typeof root === 'object' ? root.$defs?.[name] : undefined;
  if (target === undefined) {
    throw new Error(
      `consent-sim: json-schema.ts: cannot resolve $ref "${ref}"; only "#/$defs/<name>" is supported`,
    );
  }
  return target;
}

function resolveTitle(schema: JsonSchema | undefined, root: JsonSchema): string | undefined {
  if (schema === undefined || typeof schema === 'boolean') return undefined;
  if (schema.title !== undefined) return schema.title;
  return schema.$ref === undefined ? undefined : resolveTitle(resolveRef(root, schema.$ref), root);
}

function hasType(value: unknown, type: JsonType | JsonType[]): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => matchesType(value, t));
}

function matchesType(value: unknown, t: JsonType): boolean {
  switch (t) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
