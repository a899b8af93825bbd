// Mutations of scenario files for the loader fuzz: structure-aware (one field of a shipped
// scenario deleted, replaced by a hostile value, or joined by an unknown key) and raw (bytes of
// the YAML text flipped, cut or repeated). Pure: fast-check draws every choice from its seed.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Values that broke a loader before, or could: wrong types, edges of ranges, bad calendars. */
const HOSTILE: Json[] = [
  null,
  true,
  0,
  -3,
  1e8,
  1e308,
  2 ** 53 + 1,
  0.5,
  '',
  'many',
  'NaN',
  'x'.repeat(5_000),
  'ä'.repeat(300),
  'P9999Y',
  'P100000000D',
  'PT-1S',
  'P1M',
  '2026-02-30',
  '2026-02-30T10:00:00.000+01:00',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31',
  '1969-12-31T23:59:59Z',
  'Tue, 3 Mar 2026 10:00:00 +0100',
  'Foo/Bar',
  'AT0010000000000000001000000000001',
  'EP100200',
  '<!DOCTYPE x>',
  '\u0000',
  '\ud800',
  [],
  [null],
  {},
  { a: { b: { c: { d: {} } } } },
];

/** Every path into `value`, the root excluded. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [
      [...prefix, index],
      ...pathsOf(item, [...prefix, index]),
    ]);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  return [];
}

export type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'unknown-key'; pick: number; key: string }
  | { kind: 'raw-flip'; at: number; byte: number }
  | { kind: 'raw-cut'; at: number }
  | { kind: 'raw-repeat'; at: number; length: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.nat(),
      value: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknown-key' as const),
      pick: fc.nat(),
      key: fc.constantFrom('colour', 'reqDatTyp', 'meteringPoint', '__proto__', 'constructor'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw-flip' as const),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw-cut' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw-repeat' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
  },
);

/** The scenario text after `mutation`: JSON (which is YAML) for structural ones, bytes for raw. */
export function applyMutation(text: string, document: Json, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'raw-flip': {
      const bytes = new TextEncoder().encode(text);
      bytes[mutation.at % bytes.length] = mutation.byte;
      return new TextDecoder().decode(bytes);
    }
    case 'raw-cut':
      return text.slice(0, mutation.at % text.length);
    case 'raw-repeat': {
      const at = mutation.at % text.length;
      return text.slice(0, at) + text.slice(at, at + mutation.length) + text.slice(at);
    }
    default:
      return JSON.stringify(mutateTree(document, mutation), null, 1);
  }
}

function mutateTree(document: Json, mutation: Exclude<Mutation, { kind: `raw-${string}` }>) {
  const copy = structuredClone(document);
  const paths = pathsOf(copy);
  const path = paths[mutation.pick % paths.length] ?? [];
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as never)[key], copy);
  const last = path[path.length - 1] as string | number;
  const holder = parent as Record<string | number, Json>;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete holder[last];
  } else if (mutation.kind === 'replace') {
    holder[last] = mutation.value;
  } else {
    const target = holder[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      Object.defineProperty(target, mutation.key, { value: 1, enumerable: true });
    else holder[last] = { [mutation.key]: 1 };
  }
  return copy;
}
