/**
 * How a thrown value reads in the trace and in a run's error: `Name: message` for an Error.
 *
 * @example errorMessage(new TypeError('x is undefined')) // 'TypeError: x is undefined'
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
