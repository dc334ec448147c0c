/**
 * `nestjs-safe-errors/testing`: find what a response gives away about the server behind it, in any test
 * runner. Each export is documented where it is defined.
 */
export { findLeaks } from './find-leaks.js';
export { expectNoLeaks } from './expect-no-leaks.js';
export { LEAK_KINDS } from './leak.types.js';
export type { FindLeaksOptions, LeakFinding, LeakKind } from './leak.types.js';
export type { HeaderValue, ResponseLike } from './response-like.js';
