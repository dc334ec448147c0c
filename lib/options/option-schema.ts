/**
 * @internal The one way options are checked: a schema holds, for each option, a check that also supplies
 * its default. Known option names come from the schema's keys, and `satisfies Schema<Options>` makes the
 * compiler reject an interface field that has no check.
 */

/** What a check reports: the option's path and what is wrong with it. */
export class OptionProblem extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path} ${problem}`);
  }
}

/** Checks one option's value (`undefined` when not given) and returns it with its default applied. */
export type Check<T> = (value: unknown, path: string) => T;

/** A check for every field of `O`, no more and no fewer. */
export type Schema<O extends object> = {
  readonly [K in keyof Required<O>]: Check<unknown>;
};

/** What a schema's checks return, field by field. */
export type Parsed<S> = {
  readonly [K in keyof S]: S[K] extends Check<infer T> ? T : never;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks an options object against `schema`: `undefined` is `{}`, unknown names are refused, each field is
 * checked under `prefix.name`. `label` names the object itself in a problem.
 */
export function parseOptions<S extends Record<string, Check<unknown>>>(
  schema: S,
  value: unknown,
  prefix: string,
  label: string = prefix,
): Parsed<S> {
  if (value === undefined) value = {};
  if (!isPlainObject(value))
    throw new OptionProblem(label, 'must be an object');
  const at = (name: string) => (prefix === '' ? name : `${prefix}.${name}`);
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(schema, name)) {
      throw new OptionProblem(at(name), 'is not a known option');
    }
  }
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(schema)) {
    out[name] = schema[name](value[name], at(name));
  }
  return out as Parsed<S>;
}

/** `true`/`false`. */
export function boolean(fallback: boolean): Check<boolean> {
  return (value, path) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean')
      throw new OptionProblem(path, 'must be a boolean');
    return value;
  };
}

/** A string. */
export function string(fallback: string): Check<string> {
  return (value, path) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string')
      throw new OptionProblem(path, 'must be a string');
    return value;
  };
}

/** A whole number of at least 1. */
export function positiveInteger(fallback: number): Check<number> {
  return (value, path) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
      throw new OptionProblem(path, 'must be a positive integer');
    return value;
  };
}

/** One of `values`; the problem lists them as `describe` says. */
export function oneOf<const T extends string>(
  values: readonly T[],
  fallback: T,
  describe: string,
): Check<T> {
  return (value, path) => {
    if (value === undefined) return fallback;
    if (!values.includes(value as T)) throw new OptionProblem(path, describe);
    return value as T;
  };
}

/** An array whose items each pass `item` (checked as `path[i]`); `[]` when not given. */
export function list<T>(item: Check<T>): Check<T[]> {
  return (value, path) => {
    if (value === undefined) return [];
    if (!Array.isArray(value))
      throw new OptionProblem(path, 'must be an array');
    return value.map((v: unknown, i) => item(v, `${path}[${i}]`));
  };
}

/** A check that accepts `undefined` as it is. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) =>
    value === undefined ? undefined : check(value, path);
}
