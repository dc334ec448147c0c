export type Json = Record<string, unknown>;

/** `{ k0: 0, k1: 1, … }`: an object of `count` numbered keys. */
export function keyed(count: number, prefix = 'k'): Json {
  const out: Json = {};
  for (let i = 0; i < count; i++) out[`${prefix}${i}`] = i;
  return out;
}
