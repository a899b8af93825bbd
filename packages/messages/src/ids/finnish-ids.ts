// Finnish personal identity code (henkilötunnus) and business id (Y-tunnus): the customer
// identification of a DH-831 authorization request (dh-831.md). Rules as published by the
// Digital and Population Data Services Agency (DVV) and the Finnish Tax Administration.

import { DateTime } from 'luxon';
import { characterProblems, type IdCheck, idCheck, lengthProblem, span } from './id-check.ts';

/** The 31 check characters of a henkilötunnus, indexed by (DDMMYYZZZ mod 31). */
export const PERSONAL_ID_CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Century signs: + for the 1800s; - and (since 2023) U–Y for the 1900s; A and B–F for 2000s. */
export const CENTURY_SIGNS: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  U: 1900,
  V: 1900,
  W: 1900,
  X: 1900,
  Y: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

/** The check character of the nine digits DDMMYY + ZZZ of a henkilötunnus. */
export function personalIdCheckCharacter(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) {
    throw new Error(
      `consent-sim: personalIdCheckCharacter: '${nineDigits}' is not 9 digits (DDMMYY + individual number)`,
    );
  }
  return PERSONAL_ID_CHECK_CHARACTERS[Number(nineDigits) % 31] ?? '';
}

/**
 * Checks a henkilötunnus DDMMYYCZZZQ: a real birth date, a century sign, an individual number
 * 002–999 (900–999 temporary) and the mod-31 check character.
 *
 * @example checkFinnishPersonalId('131052-308T').parts.birthDate // → '1952-10-13'
 */
export function checkFinnishPersonalId(id: string): IdCheck {
  const chars = Array.from(id);
  const problems: string[] = [];
  if (chars.length !== 11) {
    problems.push(
      lengthProblem(chars.length, '11', 'DDMMYY + century sign + ZZZ + check character'),
    );
    return idCheck('finnish-personal-id', problems, {});
  }
  const [date, sign, individual, check] = [
    id.slice(0, 6),
    id.charAt(6),
    id.slice(7, 10),
    id.charAt(10),
  ];
  problems.push(
    ...characterProblems(date, /^\d$/, 'the birth date DDMMYY (characters 1–6) is digits only'),
  );
  if (CENTURY_SIGNS[sign] === undefined) {
    problems.push(
      `${span(7, 7)} is '${sign}', expected a century sign: + (1800s), - or U–Y (1900s), A–F (2000s)`,
    );
  }
  problems.push(
    ...characterProblems(
      individual,
      /^\d$/,
      'the individual number (characters 8–10) is digits only',
      7,
    ),
  );
  const parts: Record<string, string> = {
    centurySign: sign,
    individualNumber: individual,
    checkCharacter: check,
  };
  const century = CENTURY_SIGNS[sign];
  if (problems.length === 0 && century !== undefined) {
    const day = Number(date.slice(0, 2));
    const month = Number(date.slice(2, 4));
    const year = century + Number(date.slice(4, 6));
    const birth = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
    if (birth.isValid) parts.birthDate = birth.toISODate() ?? '';
    else {
      problems.push(
        `${span(1, 6)} '${date}' with century sign '${sign}' give ${date.slice(0, 2)}.${date.slice(2, 4)}.${year}, which is not a calendar date`,
      );
    }
    if (Number(individual) < 2) {
      problems.push(
        `${span(8, 10)} are '${individual}': individual numbers run 002–899 (900–999 temporary); 000 and 001 are not issued`,
      );
    }
    parts.temporary = Number(individual) >= 900 ? 'yes' : 'no';
    const expected = personalIdCheckCharacter(date + individual);
    if (check !== expected) {
      problems.push(
        `${span(11, 11)} is '${check}', expected '${expected}' (${date}${individual} mod 31 = ${Number(date + individual) % 31} in ${PERSONAL_ID_CHECK_CHARACTERS})`,
      );
    }
  }
  return idCheck('finnish-personal-id', problems, parts);
}

const BUSINESS_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The check digit of a Y-tunnus's 7 digits (weights 7, 9, 10, 5, 8, 4, 2; mod 11: remainder 0 →
 * 0, 1 → no valid id, else 11 − remainder), or `null` when the remainder is 1.
 *
 * @example businessIdCheckDigit('0112038') // → 9
 */
export function businessIdCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits)) {
    throw new Error(`consent-sim: businessIdCheckDigit: '${sevenDigits}' is not 7 digits`);
  }
  const sum = BUSINESS_ID_WEIGHTS.reduce(
    (acc, weight, i) => acc + weight * Number(sevenDigits[i]),
    0,
  );
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

/**
 * Checks a Y-tunnus NNNNNNN-C.
 *
 * @example checkFinnishBusinessId('0112038-9').valid // → true
 */
export function checkFinnishBusinessId(id: string): IdCheck {
  const chars = Array.from(id);
  const problems: string[] = [];
  if (chars.length !== 9) {
    problems.push(
      lengthProblem(chars.length, '9', 'NNNNNNN-C; older 6-digit ids are written with a leading 0'),
    );
    return idCheck('finnish-business-id', problems, {});
  }
  const [number, dash, check] = [id.slice(0, 7), id.charAt(7), id.charAt(8)];
  problems.push(...characterProblems(number, /^\d$/, 'the number (characters 1–7) is digits only'));
  if (dash !== '-') problems.push(`${span(8, 8)} is '${dash}', expected '-'`);
  problems.push(...characterProblems(check, /^\d$/, 'the check digit is a digit', 8));
  const parts = { number, checkDigit: check };
  if (problems.length === 0) {
    const expected = businessIdCheckDigit(number);
    if (expected === null) {
      problems.push(
        `${span(1, 7)} '${number}' leave remainder 1 mod 11 (weights 7, 9, 10, 5, 8, 4, 2): no check digit exists, so no business id has this number`,
      );
    } else if (String(expected) !== check) {
      problems.push(`${span(9, 9)} is '${check}', expected check digit ${expected}`);
    }
  }
  return idCheck('finnish-business-id', problems, parts);
}
