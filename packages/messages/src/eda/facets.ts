import type { SimpleTypeRule } from './simple-types.ts';

/** One facet or lexical rule a value breaks, before it is placed at a path. */
export interface FacetViolation {
  /** e.g. `maxLength 35`, `type xsd:date`. */
  readonly rule: string;
  /** What is wrong and what to do, without the path. */
  readonly detail: string;
}

/** The value after XSD whitespace processing for its type. */
export function normalizeWhitespace(type: SimpleTypeRule, raw: string): string {
  if (type.base === 'string' && !type.collapse) return raw;
  return raw.replace(/[\t\n\r ]+/g, ' ').trim();
}

/**
 * Checks a value, as written, against a simple type: whitespace, then the base type's lexical
 * space (a lexical failure stops there, as in XSD), then every facet.
 *
 * @example
 * checkSimpleValue(GROUPING_ID, 'A'.repeat(36)); // [{ rule: 'maxLength 35', … }]
 */
export function checkSimpleValue(type: SimpleTypeRule, raw: string): FacetViolation[] {
  const value = normalizeWhitespace(type, raw);
  const lexical = lexicalProblem(type.base, value);
  if (lexical) return [{ rule: `type xsd:${type.base}`, detail: lexical }];
  const violations: FacetViolation[] = [];
  const add = (rule: string, detail: string) => violations.push({ rule, detail });
  const length = [...value].length;
  if (type.minLength !== undefined && length < type.minLength) {
    add(`minLength ${type.minLength}`, `${length} characters, at least ${type.minLength} needed`);
  }
  if (type.maxLength !== undefined && length > type.maxLength) {
    add(`maxLength ${type.maxLength}`, `${length} characters, at most ${type.maxLength} allowed`);
  }
  if (type.pattern !== undefined && !new RegExp(`^(?:${type.pattern})$`, 'u').test(value)) {
    add(`pattern ${type.pattern}`, `does not match the pattern ${type.pattern}`);
  }
  if (type.enumeration !== undefined && !type.enumeration.includes(value)) {
    add(
      `enumeration ${type.enumeration.join('|')}`,
      `is not one of ${type.enumeration.join(', ')}`,
    );
  }
  if (type.base === 'decimal' || type.base === 'integer') {
    const { integerDigits, fractionDigits } = decimalDigits(value);
    if (type.totalDigits !== undefined && integerDigits + fractionDigits > type.totalDigits) {
      add(`totalDigits ${type.totalDigits}`, `has more than ${type.totalDigits} digits`);
    }
    if (type.fractionDigits !== undefined && fractionDigits > type.fractionDigits) {
      add(
        `fractionDigits ${type.fractionDigits}`,
        `has ${fractionDigits} fraction digits, at most ${type.fractionDigits} allowed`,
      );
    }
    const number = Number(value);
    if (type.minInclusive !== undefined && number < type.minInclusive) {
      add(`minInclusive ${type.minInclusive}`, `is below the minimum ${type.minInclusive}`);
    }
    if (type.maxInclusive !== undefined && number > type.maxInclusive) {
      add(`maxInclusive ${type.maxInclusive}`, `is above the maximum ${type.maxInclusive}`);
    }
  }
  return violations;
}

const DATE = /^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$/;
const DATE_TIME =
  /^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

function lexicalProblem(base: SimpleTypeRule['base'], value: string): string | undefined {
  switch (base) {
    case 'string':
    case 'token':
      return undefined;
    case 'boolean':
      return /^(true|false|1|0)$/.test(value) ? undefined : 'is not true, false, 1 or 0';
    case 'integer':
      return /^[+-]?[0-9]+$/.test(value) ? undefined : 'is not an integer';
    case 'decimal':
      return /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(value) ? undefined : 'is not a decimal';
    case 'date': {
      const match = DATE.exec(value);
      if (!match) return 'is not an xsd:date (YYYY-MM-DD with an optional zone)';
      return dateProblem(match[1], match[2], match[3]) ?? zoneProblem(match[4]);
    }
    case 'dateTime': {
      const match = DATE_TIME.exec(value);
      if (!match) return 'is not an xsd:dateTime (YYYY-MM-DDThh:mm:ss[.s][zone])';
      const [, year, month, day, hour, minute, second, fraction, zone] = match;
      const midnight24 =
        hour === '24' && minute === '00' && second === '00' && !/[1-9]/.test(fraction ?? '');
      if (Number(hour) > 23 && !midnight24) return `hour ${hour} is out of range`;
      if (Number(minute) > 59) return `minute ${minute} is out of range`;
      if (Number(second) > 59) return `second ${second} is out of range`;
      return dateProblem(year, month, day) ?? zoneProblem(zone);
    }
  }
}

function dateProblem(year = '', month = '', day = ''): string | undefined {
  if (/^0+$/.test(year)) return 'year 0000 does not exist in XSD 1.0';
  if (year.length > 4 && year.startsWith('0')) return `year ${year} has a leading zero`;
  const m = Number(month);
  if (m < 1 || m > 12) return `month ${month} is out of range`;
  const y = Number(year);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;
  const d = Number(day);
  if (d < 1 || d > days) return `day ${day} does not exist in ${year}-${month}`;
  return undefined;
}

function zoneProblem(zone: string | undefined): string | undefined {
  if (zone === undefined || zone === 'Z') return undefined;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (minutes > 59 || hours > 14 || (hours === 14 && minutes > 0)) {
    return `time zone ${zone} is out of range (-14:00..+14:00)`;
  }
  return undefined;
}

/** Significant digits as XSD counts them: no leading integer zeros, no trailing fraction zeros. */
function decimalDigits(value: string): { integerDigits: number; fractionDigits: number } {
  const unsigned = value.replace(/^[+-]/, '');
  const [integerPart = '', fractionPart = ''] = unsigned.split('.');
  return {
    integerDigits: integerPart.replace(/^0+/, '').length,
    fractionDigits: fractionPart.replace(/0+$/, '').length,
  };
}
