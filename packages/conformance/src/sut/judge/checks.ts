/** What every part of the judge adds to: checks with stable ids, one kind at a time. */
import type { Check, Verdict } from '../verdicts.ts';

export type AddCheck = (
  kind: string,
  index: number,
  verdict: Verdict,
  rest: Omit<Check, 'id' | 'path' | 'verdict'>,
) => void;

/** A check list for one path and the function that appends to it. */
export function checkList(pathId: string): { checks: Check[]; add: AddCheck } {
  const checks: Check[] = [];
  const add: AddCheck = (kind, index, verdict, rest) =>
    checks.push({ id: `${pathId}:${kind}#${index}`, path: pathId, verdict, ...rest });
  return { checks, add };
}
