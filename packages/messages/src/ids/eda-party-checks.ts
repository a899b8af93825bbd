// Checkers for the EDA identifiers of places and parties: metering points (Zählpunkte) and
// market-participant addresses. Shapes: cm-req-off.md "Identifier facts"; the character class is
// the XSD's (CPCommonTypes_01p20.xsd, simpleType MeteringPoint: [0-9A-Za-z]*, 1–33).

import { characterProblems, type IdCheck, idCheck, lengthProblem, span } from './id-check.ts';

const ALNUM = /^[0-9A-Za-z]$/;
const DIGIT = /^[0-9]$/;

/** Roles an EDA address prefix stands for. */
export type ParticipantRole = 'dso' | 'service-provider';

/** Address prefixes: AT for DSOs; EP, RC, GC, CC seen for service providers. */
export const PARTICIPANT_PREFIXES: Readonly<Record<string, ParticipantRole>> = {
  AT: 'dso',
  EP: 'service-provider',
  RC: 'service-provider',
  GC: 'service-provider',
  CC: 'service-provider',
};

/** Options of {@link checkMeteringPoint}. */
export interface MeteringPointCheckOptions {
  /** The DSO the metering point must belong to (its first 8 characters), e.g. `AT001000`. */
  dsoAddress?: string;
}

/**
 * Checks an Austrian metering point id: 33 characters, `AT` + 6-digit DSO number + 25 letters or
 * digits. Lower-case letters are schema-valid (the XSD pattern decides) and only noted.
 *
 * @example checkMeteringPoint('AT0010000000000000000000000012345').valid // → true
 */
export function checkMeteringPoint(id: string, options: MeteringPointCheckOptions = {}): IdCheck {
  const shape = "'AT' + 6-digit DSO number + 25 letters/digits";
  const problems: string[] = [];
  const notes: string[] = [];
  const chars = Array.from(id);
  if (chars.length !== 33) problems.push(lengthProblem(chars.length, '33', shape));
  problems.push(
    ...characterProblems(
      id,
      ALNUM,
      'metering point ids use A–Z, a–z and 0–9 only (XSD pattern [0-9A-Za-z]*)',
    ),
  );
  const country = chars.slice(0, 2).join('');
  if (country !== 'AT') {
    problems.push(`${span(1, 2)} are '${country}', expected 'AT' (Austrian metering point)`);
  }
  const dsoNumber = chars.slice(2, 8).join('');
  // Characters already reported as outside the XSD class are not reported twice.
  const dsoAlnum = Array.from(dsoNumber, (c) => (ALNUM.test(c) ? c : '0')).join('');
  problems.push(
    ...characterProblems(dsoAlnum, DIGIT, 'the DSO number (characters 3–8) is digits only', 2),
  );
  if (options.dsoAddress !== undefined && chars.slice(0, 8).join('') !== options.dsoAddress) {
    problems.push(
      `${span(1, 8)} are '${chars.slice(0, 8).join('')}', expected the DSO address '${options.dsoAddress}': the metering point does not belong to that DSO`,
    );
  }
  const lower = chars.findIndex((c) => /^[a-z]$/.test(c));
  if (lower >= 0) {
    notes.push(
      `character ${lower + 1} is '${chars[lower]}': lower case is schema-valid but published metering point ids are upper case`,
    );
  }
  return idCheck(
    'metering-point',
    problems,
    {
      country,
      dsoNumber,
      dsoAddress: `${country}${dsoNumber}`,
      pointNumber: chars.slice(8).join(''),
    },
    notes,
  );
}

/** Options of {@link checkMarketParticipant}. */
export interface MarketParticipantCheckOptions {
  /** The role the address must have (a ConsentId must start with a DSO address). */
  role?: ParticipantRole;
}

/**
 * Checks an 8-character EDA market-participant address: `AT` + 6 digits for DSOs, `EP`/`RC`/`GC`/
 * `CC` + 6 digits for service providers.
 *
 * @example checkMarketParticipant('EP100123').parts.role // → 'service-provider'
 */
export function checkMarketParticipant(
  id: string,
  options: MarketParticipantCheckOptions = {},
): IdCheck {
  return idCheck(
    'market-participant',
    marketParticipantProblems(id, 0, options.role),
    marketParticipantParts(id),
  );
}

/** The problems of an address that starts at 0-based `offset` inside a longer id. */
export function marketParticipantProblems(
  address: string,
  offset: number,
  role?: ParticipantRole,
): string[] {
  const problems: string[] = [];
  const chars = Array.from(address);
  if (chars.length !== 8) {
    problems.push(lengthProblem(chars.length, '8', 'two-letter prefix + 6 digits'));
  }
  const prefix = chars.slice(0, 2).join('');
  const prefixRole = PARTICIPANT_PREFIXES[prefix];
  if (prefixRole === undefined) {
    problems.push(
      `${span(offset + 1, offset + 2)} are '${prefix}', expected AT (DSO) or EP, RC, GC, CC (service providers)`,
    );
  } else if (role !== undefined && prefixRole !== role) {
    problems.push(
      `${span(offset + 1, offset + 2)} are '${prefix}', a ${prefixRole} prefix, expected a ${role} address (${role === 'dso' ? 'AT' : 'EP, RC, GC or CC'})`,
    );
  }
  problems.push(
    ...characterProblems(
      chars.slice(2).join(''),
      DIGIT,
      'the participant number (characters 3–8 of an address) is digits only',
      offset + 2,
    ),
  );
  return problems;
}

function marketParticipantParts(address: string): Record<string, string> {
  const prefix = address.slice(0, 2);
  return {
    prefix,
    number: address.slice(2),
    role: PARTICIPANT_PREFIXES[prefix] ?? 'unknown',
  };
}
