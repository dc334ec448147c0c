import { seededRandom } from '../../bench/support/hostile-inputs.js';

/** A number in [0, 1), from a generator that replays the same sequence for the same seed. */
export type Random = () => number;

/** The bench's seeded PRNG (mulberry32): test data looks random, and a failure reproduces exactly. */
export const seeded: (seed: number) => Random = seededRandom;
