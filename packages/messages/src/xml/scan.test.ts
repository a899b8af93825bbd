import { env } from 'node:process';
import { describe, expect, it } from 'vitest';
import { randomFrom } from './mutation-cases.ts';
import { firstElementMatch, rawMessageCode } from './scan.ts';

/** Whole tags and near-misses, so that matches and almost-matches are both frequent. */
const FRAGMENTS = [
  '<MessageCode>',
  '<cp:MessageCode>',
  '<:MessageCode>',
  '<a.b-c:MessageCode>',
  '<a:b:MessageCode>',
  '<x<y:MessageCode>',
  '<XMessageCode>',
  '</MessageCode>',
  '</cp:MessageCode>',
  '<cp:Sender role="x">',
  '<Sender>',
  '<SenderX>',
  '<:Sender>',
  '<cp:MessageAddress>',
  '<MessageAddress>',
  'AT001000',
  'ANFORDERUNG_CMQF',
  'bad!',
  '<',
  '>',
  ':',
  ' ',
  '\n',
  'ä',
];
const PATTERNS: [string, string][] = [
  ['MessageCode', '<(?:[\\w.-]+:)?MessageCode>([^<]{1,64})<'],
  ['MessageCode', '<(?:[\\w.-]+:)?MessageCode>([0-9A-Za-z_]{1,35})</(?:[\\w.-]+:)?MessageCode>'],
  ['Sender', '<(?:[\\w.-]+:)?Sender\\b[^>]*>\\s*<(?:[\\w.-]+:)?MessageAddress>([0-9A-Z]{8})<'],
];

const BASE_SEED = Number(env.CONSENT_SIM_SCAN_SEED ?? 20261205);
const CASES = 5_000;

describe('firstElementMatch: the first match of an element pattern, found by name', () => {
  it(`equals RegExp.exec on ${CASES} seeded texts from seed ${BASE_SEED}`, () => {
    for (let i = 0; i < CASES; i += 1) {
      const seed = BASE_SEED + i;
      const r = randomFrom(seed);
      const text = Array.from({ length: 1 + Math.floor(r.next() * 12) }, () =>
        r.pick(FRAGMENTS),
      ).join('');
      for (const [name, source] of PATTERNS) {
        const expected = new RegExp(source).exec(text);
        const actual = firstElementMatch(text, name, new RegExp(source, 'y'));
        const same = actual?.index === expected?.index && actual?.[1] === expected?.[1];
        if (!same) {
          throw new Error(
            `seed ${seed} (CONSENT_SIM_SCAN_SEED=${seed}): ${JSON.stringify(text)} /${source}/: expected ${expected?.index}:${expected?.[1]}, got ${actual?.index}:${actual?.[1]}`,
          );
        }
      }
    }
  });

  it('reads a prefixed, an unprefixed and no message code, and refuses a pattern that is not sticky', () => {
    expect(rawMessageCode('<x><cp:MessageCode>ANTWORT_CMQF</cp:MessageCode></x>')).toBe(
      'ANTWORT_CMQF',
    );
    expect(rawMessageCode('</MessageCode><MessageCode>ACK</MessageCode>')).toBe('ACK');
    expect(rawMessageCode('<a:b:MessageCode>X</a:b:MessageCode>')).toBeNull();
    expect(() => firstElementMatch('', 'x', /<x>/)).toThrow(/sticky/);
  });
});
