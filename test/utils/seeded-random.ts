/** A number in [0, 1), from a generator that replays the same sequence for the same seed. */
export type Random = () => number;

/** A seeded PRNG (mulberry32): test data looks random, and a failure reproduces exactly. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
