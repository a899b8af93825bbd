/**
 * The verdict of one negative case: the class of the served role's answer (accepted, business
 * rejection, technical fault, nothing) against the reference's. Another class is a FAIL — an
 * accepted bad request, a business rule answered as a technical fault or the reverse. The same
 * class with another code is a WARNING under the process's code key (OFF-RESPONSE-CODES,
 * DH-ERROR-IDS: the documents leave the exact code open).
 */
import { checkList } from '../sut/judge/checks.ts';
import type { Check } from '../sut/verdicts.ts';
import type { ClassedAnswer, NegativeCase } from './types.ts';

export interface NegativeJudgeInput {
  id: string;
  testCase: NegativeCase;
  expected: ClassedAnswer;
  /** Null when the run never reached the case's delivery. */
  actual: ClassedAnswer | null;
  errors: readonly string[];
  /** The key a different code of the same class is a WARNING under. */
  codeKey: string;
}

export function judgeNegative(input: NegativeJudgeInput): Check[] {
  const { id, testCase, expected, actual } = input;
  const { checks, add } = checkList(id);
  const base = {
    step: testCase.step,
    interpretations: [...testCase.interpretations],
    expected: expected.label,
    at: null,
  };
  const title = `${testCase.rule}: ${testCase.title}`;
  if (actual === null) {
    add('negative', 0, 'FAIL', {
      ...base,
      title: `${title} — the path never reached the delivery the case replaces`,
      actual: input.errors.join('; ') || 'the base path went elsewhere before it',
    });
  } else if (actual.class !== expected.class) {
    add('negative', 0, 'FAIL', {
      ...base,
      title: `${title} — answered as ${actual.class}, the reference: ${expected.class}`,
      actual: actual.label,
    });
  } else if (actual.codes.join(' ') !== expected.codes.join(' ')) {
    add('negative', 0, 'WARNING', {
      ...base,
      interpretations: [input.codeKey],
      title: `${title} — ${actual.class} as the reference, another code (${input.codeKey})`,
      actual: actual.label,
    });
  } else {
    add('negative', 0, 'PASS', { ...base, title, actual: actual.label });
  }
  input.errors.forEach((error, i) => {
    add('run', i, 'FAIL', {
      ...base,
      title: 'the run completes under the protocol',
      expected: 'no error',
      actual: error,
    });
  });
  return checks;
}
