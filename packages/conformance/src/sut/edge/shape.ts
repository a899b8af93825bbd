/**
 * A small declarative shape checker for `content` at the protocol edge: each refusal names the
 * JSON path and the rule. Unknown keys are allowed (the reference reads only what it knows).
 */
import { SUT_LIMITS } from '../limits.ts';
import { expect, isDate, isObject } from './fields.ts';
import { parseInstant } from './instant.ts';

export type Shape =
  | 'text'
  | 'string'
  | 'count'
  | 'epoch-ms'
  | 'boolean'
  | 'date'
  | 'instant'
  | 'edaId'
  | 'requestId'
  | 'email'
  | 'meteringPoint'
  | { enum: readonly string[] }
  | { array: Shape; max?: number; min?: number }
  | { object: Readonly<Record<string, Shape>> }
  | { optional: Shape }
  | { bytesAtMost: number }
  /** A string of `min`…`max` characters (code points, as XSD length facets count) that XML 1.0 can carry. */
  | { chars: readonly [min: number, max: number] }
  | { oneOf: 'kind'; cases: Readonly<Record<string, Readonly<Record<string, Shape>>>> };

const MAX_ITEMS = 1_000;
/** A character XML 1.0 cannot carry: a control other than tab, LF, CR; a lone surrogate; U+FFFE/F. */
const notXmlChar = (text: string) =>
  [...text].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    return control || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff;
  });

/** Refuses `value` at `path` unless it has `shape` (400 bad-field). */
export function checkShape(value: unknown, shape: Shape, path: string): void {
  if (typeof shape === 'string') {
    const rule = leafRule(value, shape);
    if (rule !== null) expect(false, path, rule, value);
  } else if ('optional' in shape) {
    if (value !== undefined) checkShape(value, shape.optional, path);
  } else if ('enum' in shape) {
    const ok = typeof value === 'string' && shape.enum.includes(value);
    expect(ok, path, `must be ${shape.enum.map((e) => `"${e}"`).join(' or ')}`, value);
  } else if ('bytesAtMost' in shape) {
    expect(typeof value === 'string', path, 'must be a string', value);
    const bytes = new TextEncoder().encode(value as string).length;
    const rule = `must be at most ${shape.bytesAtMost} bytes of UTF-8 (is ${bytes})`;
    expect(bytes <= shape.bytesAtMost, path, rule, (value as string).slice(0, 40));
  } else if ('chars' in shape) {
    const [min, max] = shape.chars;
    const text = typeof value === 'string' ? value : null;
    const length = text === null ? -1 : [...text].length;
    const ok = text !== null && length >= min && length <= max && !notXmlChar(text);
    const rule = `must be a string of ${min}…${max} characters that XML 1.0 allows`;
    expect(ok, path, rule, value);
  } else if ('array' in shape) {
    const max = shape.max ?? MAX_ITEMS;
    const min = shape.min ?? 0;
    const ok = Array.isArray(value) && value.length <= max && value.length >= min;
    expect(ok, path, `must be an array of ${min}…${max} items`, value);
    for (const [i, item] of (value as unknown[]).entries())
      checkShape(item, shape.array, `${path}[${i}]`);
  } else {
    checkObject(value, shape, path);
  }
}

function checkObject(
  value: unknown,
  shape: Extract<Shape, { object: unknown } | { oneOf: unknown }>,
  path: string,
): void {
  expect(isObject(value), path, 'must be an object', value);
  const body = value as Record<string, unknown>;
  if ('object' in shape) {
    for (const [key, inner] of Object.entries(shape.object))
      checkShape(body[key], inner, `${path}.${key}`);
    return;
  }
  checkShape(body.kind, { enum: Object.keys(shape.cases) }, `${path}.kind`);
  checkShape(body, { object: shape.cases[body.kind as string] ?? {} }, path);
}

const inRange = (ms: number) => ms >= SUT_LIMITS.earliestMs && ms <= SUT_LIMITS.latestMs;

/** The rule a leaf value breaks, or null. */
function leafRule(value: unknown, shape: string): string | null {
  switch (shape) {
    case 'text':
      return typeof value === 'string' && value !== '' && value.length <= 4_096
        ? null
        : 'must be a string of 1…4096 characters';
    case 'string':
      return typeof value === 'string' && value.length <= 65_536
        ? null
        : 'must be a string of at most 65536 characters';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1e9
        ? null
        : 'must be a whole number 0…10^9';
    case 'epoch-ms':
      return Number.isInteger(value) && inRange(value as number)
        ? null
        : 'must be epoch milliseconds between 1970 and 2200';
    case 'edaId':
      return typeof value === 'string' && /^[0-9A-Za-z]{1,35}$/.test(value)
        ? null
        : 'must be 1…35 letters or digits (an EDA id)';
    case 'requestId':
      return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(value)
        ? null
        : 'must be 1…64 of A–Z a–z 0–9 . _ : - (a Datahub RequestId)';
    case 'email':
      return typeof value === 'string' &&
        value.length <= 254 &&
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
        ? null
        : 'must be an e-mail address local@domain.tld';
    case 'meteringPoint':
      return typeof value === 'string' && /^[0-9A-Za-z]{1,33}$/.test(value)
        ? null
        : 'must be 1…33 letters or digits (a metering point)';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return isDate(value) ? null : 'must be a date yyyy-MM-dd that exists';
    default: {
      const parsed = parseInstant(value);
      return 'rule' in parsed ? parsed.rule : null;
    }
  }
}
