/**
 * Field checks at the protocol edge: each refusal names the JSON path and the rule it breaks
 * (`400 bad-field`), as docs/sut-protocol.schema.json and docs/sut-protocol.md state them.
 */
import { SutRequestError } from '../served-role.ts';
import { parseInstant } from './instant.ts';

/** What a body received: the value is shown shortened so an answer never echoes a flood. */
export function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = String(value);
  }
  if (text === undefined) return 'nothing';
  return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} characters)` : text;
}

/** Refuses `value` at `path` with `rule` unless `ok`. */
export function expect(ok: boolean, path: string, rule: string, value: unknown): void {
  if (!ok) throw new SutRequestError('bad-field', path, `${path} ${rule}, got ${shown(value)}`);
}

export const isText = (v: unknown, max = 4_096): v is string =>
  typeof v === 'string' && v !== '' && v.length <= max;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A required non-empty string of at most `max` characters. */
export function text(body: Record<string, unknown>, name: string, path: string, max = 4_096) {
  expect(
    isText(body[name], max),
    `${path}.${name}`,
    `must be a string of 1…${max} characters`,
    body[name],
  );
  return body[name] as string;
}

/** A strict instant (edge/instant.ts); its epoch milliseconds. */
export function instant(body: Record<string, unknown>, name: string, path = '$'): number {
  const parsed = parseInstant(body[name]);
  if ('rule' in parsed) {
    throw new SutRequestError(
      'bad-field',
      `${path}.${name}`,
      `${path}.${name} ${parsed.rule}, got ${shown(body[name])}`,
    );
  }
  return parsed.ms;
}

/** Only these keys (the schema's `additionalProperties: false`). */
export function onlyKeys(body: Record<string, unknown>, keys: readonly string[], path: string) {
  for (const key of Object.keys(body)) {
    expect(
      keys.includes(key),
      `${path}.${key}`,
      `is not a field here (fields: ${keys.join(', ')})`,
      body[key],
    );
  }
}

/** A yyyy-MM-dd date that exists. */
export function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  return 'ms' in parseInstant(`${v}T00:00:00Z`);
}
