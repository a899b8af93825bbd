/**
 * The ids the engine mints for DH-831 messages (header MessageId, e-mail Message-ID): UUID-shaped
 * and drawn from the run's seeded stream, never random across runs.
 */
import type { Rng } from '../rng.ts';

const hex = (rng: Rng, length: number) =>
  Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');

/**
 * A UUID-shaped id from the seeded stream.
 *
 * @example uuid(rng.fork('message-ids')) // '3f2a…-…-4…-…-…'
 */
export const uuid = (rng: Rng): string =>
  `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${'89ab'[rng.int(0, 3)]}${hex(rng, 3)}-${hex(rng, 12)}`;
