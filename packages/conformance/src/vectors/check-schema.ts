/**
 * A validator for the subset of JSON Schema (draft 2020-12) that `vectorSchema` uses:
 * `type` (one or a list), `const`, `enum`, `required`, `properties`, `additionalProperties`
 * (boolean or schema), `items`, `minimum`, `minLength`, `pattern` and local `$ref`
 * (`#/$defs/<name>`). Any other keyword is refused, so the schema cannot silently outgrow it.
 */

export type JsonSchema = { readonly [keyword: string]: unknown };

const KNOWN = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'minimum',
  'minLength',
  'pattern',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/**
 * Every violation of `schema` by `value`, as `<json pointer>: <rule>` lines; empty when valid.
 *
 * @example checkAgainstSchema({ type: 'object', required: ['a'] }, {}) // ['/: required property "a" is missing']
 */
export function checkAgainstSchema(root: JsonSchema, value: unknown): string[] {
  const issues: string[] = [];
  const visit = (schema: JsonSchema, node: unknown, at: string): void => {
    for (const keyword of Object.keys(schema)) {
      if (!KNOWN.has(keyword))
        throw new Error(
          `consent-sim: check-schema.ts: keyword "${keyword}" at ${at || '/'} is not supported; extend the validator or drop the keyword`,
        );
    }
    const where = at || '/';
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/$defs/', '');
      const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
      const target = defs[name];
      if (target === undefined)
        throw new Error(`consent-sim: check-schema.ts: unresolved $ref "${schema.$ref}"`);
      visit(target, node, at);
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type)];
      if (!types.some((type) => matchesType(node, type))) {
        issues.push(`${where}: must be of type ${types.join(' or ')}, got ${typeOf(node)}`);
        return;
      }
    }
    if ('const' in schema && JSON.stringify(node) !== JSON.stringify(schema.const)) {
      issues.push(`${where}: must be ${JSON.stringify(schema.const)}, got ${JSON.stringify(node)}`);
    }
    if (
      Array.isArray(schema.enum) &&
      !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(node))
    ) {
      issues.push(
        `${where}: must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(node)}`,
      );
    }
    if (typeof node === 'string') {
      if (typeof schema.minLength === 'number' && node.length < schema.minLength) {
        issues.push(`${where}: must have at least ${schema.minLength} characters`);
      }
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(node)) {
        issues.push(`${where}: must match ${schema.pattern}, got ${JSON.stringify(node)}`);
      }
    }
    if (typeof node === 'number' && typeof schema.minimum === 'number' && node < schema.minimum) {
      issues.push(`${where}: must be ≥ ${schema.minimum}, got ${node}`);
    }
    if (Array.isArray(node) && schema.items !== undefined) {
      for (const [index, item] of node.entries()) {
        visit(schema.items as JsonSchema, item, `${at}/${index}`);
      }
    }
    if (typeOf(node) === 'object') {
      const object = node as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const name of (schema.required ?? []) as string[]) {
        if (!(name in object)) issues.push(`${where}: required property "${name}" is missing`);
      }
      for (const [name, child] of Object.entries(object)) {
        const path = `${at}/${name}`;
        const known = properties[name];
        if (known !== undefined) visit(known, child, path);
        else if (schema.additionalProperties === false)
          issues.push(`${path}: property is not allowed`);
        else if (
          typeof schema.additionalProperties === 'object' &&
          schema.additionalProperties !== null
        ) {
          visit(schema.additionalProperties as JsonSchema, child, path);
        }
      }
    }
  };
  visit(root, value, '');
  return issues;
}
