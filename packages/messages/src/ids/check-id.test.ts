import { describe, expect, it } from 'vitest';
import { checkId, DETECTABLE_KINDS } from './check-id.ts';

describe('checkId', () => {
  it.each([
    ['AT0010000000000000000000000012345', 'metering-point'],
    ['AT00100020240402164046426BI2AWUO2', 'consent-id'],
    ['AT999999201812312359598880000000001', 'message-id'],
    ['EPXXXXXXT1712068829927', 'conversation-id'],
    ['643000000000000016', 'gsrn'],
    ['131052-308T', 'finnish-personal-id'],
    ['010594Y9021', 'finnish-personal-id'],
    ['0112038-9', 'finnish-business-id'],
    ['EP100123', 'market-participant'],
    ['AT001000', 'market-participant'],
    ['IWRN74PW', 'cm-request-id'],
  ])('detects %s as a valid %s', (id, kind) => {
    expect(checkId(id)).toMatchObject({ kind, valid: true, problems: [] });
  });

  it('prefers the metering point when a 33-character id also fits the loose ConsentId shape', () => {
    // 'AT' + 6 + 17 digits + 8 characters, but the last 8 are no CMRequestId.
    expect(checkId('AT0030000000000000000000000012345')).toMatchObject({
      kind: 'metering-point',
      valid: true,
    });
  });

  it('decides for the ConsentId when its CMRequestId suffix checks out, even if the id is also a valid metering point', () => {
    // A broken timestamp leaves 'AT' + 6 digits + 25 letters/digits: schema-valid as a metering point.
    expect(checkId('AT00100020240231164046426BI2AWUO2')).toMatchObject({
      kind: 'consent-id',
      valid: false,
    });
  });

  it('prefers the market participant over a CMRequestId of the same shape', () => {
    expect(checkId('AT234567').kind).toBe('market-participant');
  });

  it.each([
    ['AT001000000000000000000000001234', 'metering-point', 'length is 32, expected 33'],
    ['AT00100000000000000000000000123456', 'metering-point', 'length is 34, expected 33'],
    ['AT00100020240231164046426BI2AWUO2', 'consent-id', 'is not a calendar date'],
    ['64300000000000001', 'gsrn', 'length is 17, expected 18'],
    ['643000000000000015', 'gsrn', 'expected check digit 6'],
    ['310299-1234', 'finnish-personal-id', 'not a calendar date'],
    ['0000006-0', 'finnish-business-id', 'remainder 1'],
    ['112038-9', 'finnish-business-id', 'leading 0'],
    ['EP10012', 'market-participant', 'length is 7, expected 8'],
    ['IWRN74PX', 'cm-request-id', 'CRC-8'],
  ])('explains the near miss %s as a %s', (id, kind, problem) => {
    const check = checkId(id);
    expect(check).toMatchObject({ kind, valid: false });
    expect(check.problems.join('\n')).toContain(problem);
  });

  it('calls an id of no known shape unknown and lists the shapes it knows', () => {
    const check = checkId('hello world');
    expect(check).toMatchObject({ kind: 'unknown', valid: false, parts: {} });
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toContain("'hello world' (11 characters) has the shape of none");
    for (const known of DETECTABLE_KINDS) expect(check.problems[0]).toContain(known);
    expect(DETECTABLE_KINDS).toHaveLength(9);
  });

  it('calls the empty string unknown', () => {
    expect(checkId('').kind).toBe('unknown');
  });
});
