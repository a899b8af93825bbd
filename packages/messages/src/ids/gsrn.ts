// GSRN (GS1 Global Service Relation Number): 18 digits, the last a GS1 mod-10 check digit.
// Datahub accounting points (käyttöpaikka) are GSRNs; Finnish ones start with 643 (dh-831.md).

import { characterProblems, type IdCheck, idCheck, lengthProblem, span } from './id-check.ts';

/**
 * The GS1 mod-10 check digit of the first 17 digits of a GSRN: weights 3, 1, 3, … from the
 * rightmost digit, check digit = (10 − sum mod 10) mod 10.
 *
 * @example gsrnCheckDigit('64300000000000001') // → 6
 */
export function gsrnCheckDigit(first17: string): number {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error(
      `consent-sim: gsrnCheckDigit(first17): '${first17}' is not 17 digits; pass a GSRN without its check digit`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    // Position 17 (rightmost) has weight 3, then alternating 1 and 3 to the left.
    sum += Number(first17[16 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Options of {@link checkGsrn}. */
export interface GsrnCheckOptions {
  /** Require the Finnish prefix 643 (Datahub accounting points). */
  finnish?: boolean;
}

/**
 * Checks a GSRN: 18 digits with a valid GS1 check digit; with `{ finnish: true }` also the 643
 * prefix of Finnish accounting points.
 *
 * @example checkGsrn('643000000000000016', { finnish: true }).valid // → true
 */
export function checkGsrn(id: string, options: GsrnCheckOptions = {}): IdCheck {
  const chars = Array.from(id);
  const problems: string[] = [];
  if (chars.length !== 18) {
    problems.push(lengthProblem(chars.length, '18', 'GSRN: 17 digits + GS1 check digit'));
  }
  problems.push(...characterProblems(id, /^[0-9]$/, 'GSRNs are digits only'));
  const parts: Record<string, string> = { prefix: id.slice(0, 3), checkDigit: id.slice(17) };
  if (problems.length === 0) {
    const expected = gsrnCheckDigit(id.slice(0, 17));
    if (String(expected) !== id[17]) {
      problems.push(
        `${span(18, 18)} is '${id[17]}', expected check digit ${expected} (GS1 mod-10 over characters 1–17)`,
      );
    }
  }
  if (options.finnish === true && !id.startsWith('643')) {
    problems.push(
      `${span(1, 3)} are '${id.slice(0, 3)}', expected '643': Finnish accounting point ids (Datahub) start with 643`,
    );
  }
  return idCheck('gsrn', problems, parts);
}
