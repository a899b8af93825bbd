/**
 * How schema issues read for a scenario author: YAML words ("mapping", "list"), values quoted as
 * JSON, a "did you mean" for a near miss, and field paths as people write them.
 */
import { closest } from './suggest.ts';

/** The JSON types a schema can name. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** A short description of a value's JSON type and content, for "got …" messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

/** Scenario authors write YAML: say "mapping" and "list" rather than "object" and "array". */
export function yamlWord(type: JsonType): string {
  if (type === 'object') return 'mapping';
  if (type === 'array') return 'list';
  return type;
}

/** "a" or "an" before a list of type words. */
export function article(types: string): string {
  return /^[aeiou]/.test(types) ? `an ${types}` : `a ${types}`;
}

/** The options as JSON, comma-separated. */
export function listOf(options: readonly unknown[]): string {
  return options.map((option) => JSON.stringify(option)).join(', ');
}

/** `; did you mean "…"?` when a string is close to one of the options, else nothing. */
export function didYouMean(value: unknown, options: readonly unknown[]): string {
  if (typeof value !== 'string') return '';
  const strings = options.filter((option): option is string => typeof option === 'string');
  const hint = closest(value, strings, 1)[0];
  return hint === undefined ? '' : `; did you mean "${hint}"?`;
}

/** A field path as people write it: `stimuli[2].at`, `parties.sp.registered`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
