import { describe } from 'vitest';
import { selfTest } from './self-test.ts';

describe('self-test: sim conform against sim serve', () => selfTest('dh-831', 'datahub'));
