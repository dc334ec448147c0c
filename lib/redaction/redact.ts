import { OptionProblem } from '../options/option-schema.js';
import type { RedactOptions, Redactor } from './redact.interfaces.js';
import {
  compileRedaction,
  parseRedactOptions,
  type ParsedRedactOptions,
} from './redact.options.js';
import { createRedactingWalk } from './redacting-walk.js';

export type { RedactOptions, Redactor } from './redact.interfaces.js';

/**
 * Compiles options once into a reusable redactor, for code that redacts often with the same options.
 * Invalid options throw a TypeError whose message names the option, e.g.
 * `redact.patterns[1] must be a RegExp` or `redact.maxDepth must be a positive integer`; a pattern that
 * matches the empty string is refused too.
 */
export function createRedactor(options?: RedactOptions): Redactor {
  let parsed;
  try {
    parsed = parseRedactOptions(options);
  } catch (problem) {
    if (problem instanceof OptionProblem) throw new TypeError(problem.message);
    throw problem;
  }
  return redactorFor(parsed);
}

/** @internal The redactor for options already checked. */
export function redactorFor(options: ParsedRedactOptions): Redactor {
  return createRedactingWalk(compileRedaction(options));
}

const defaultRedactor: Redactor = createRedactor();

/**
 * Returns a redacted deep copy; never mutates its input; never throws on any value (invalid options throw,
 * as in {@link createRedactor}). Without options it reuses one precompiled redactor; with options, call
 * {@link createRedactor} once and reuse what it returns.
 */
export function redact(value: unknown, options?: RedactOptions): unknown {
  return options === undefined
    ? defaultRedactor(value)
    : createRedactor(options)(value);
}
