import { describe } from 'vitest';
import { selfTest } from './self-test.ts';

describe('self-test: sim conform against sim serve', () => selfTest('cm-req-off', 'vnb'));
