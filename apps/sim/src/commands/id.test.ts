import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { memoryIo } from '../testing.ts';

describe('sim id', () => {
  it('computes the CMRequestId of the ebutilities.at documentation example', async () => {
    const io = memoryIo();
    expect(await runMain(['id', 'cmrequestid', 'AT999999201812312359598880000000001'], io)).toBe(0);
    expect(io.out()).toBe('IWRN74PW\n');
  });

  it('says what kind of id a string is, and exits 1 with the problem when it is malformed', async () => {
    const io = memoryIo();
    expect(await runMain(['id', 'check', 'AT0099990000000000000000000012345'], io)).toBe(0);
    expect(io.out()).toContain('metering-point — valid');
    const bad = memoryIo();
    expect(await runMain(['id', 'check', 'EP12345'], bad)).toBe(1);
    expect(bad.out()).toContain('length is 7, expected 8');
  });

  it('exits 2 without a sub-command', async () => {
    const io = memoryIo();
    expect(await runMain(['id'], io)).toBe(2);
    expect(io.err()).toContain('cmrequestid or check');
  });
});
