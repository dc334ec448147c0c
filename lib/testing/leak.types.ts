/** Every kind of leak `findLeaks` reports, in the order findings are listed. */
export const LEAK_KINDS = [
  'stack-trace',
  'exception-type',
  'raw-message',
  'file-path',
  'version-banner',
  'sql',
  'connection-string',
  'secret',
  'internal-address',
  'debug-page',
  'planted-secret',
] as const;

/** What a finding reveals: a stack trace, an exception class, a server path, a version, SQL, a secret… */
export type LeakKind = (typeof LEAK_KINDS)[number];

/** One leak found in a response. */
export interface LeakFinding {
  /** What was found. */
  readonly kind: LeakKind;
  /** A short excerpt (at most 120 characters) around it, with every secret in it masked. */
  readonly evidence: string;
  /** `'body'`, or `'header:<lower-case name>'`. */
  readonly where: string;
}

/** Options of `findLeaks` and `expectNoLeaks`. */
export interface FindLeaksOptions {
  /**
   * Strings a test planted (a password it sent, a fake API key in a config): each is reported as
   * `planted-secret` wherever it appears, also JSON-, URL- or HTML-escaped, and masked in all evidence.
   * @default []
   */
  readonly secrets?: readonly string[];
  /**
   * Kinds not to report, e.g. `['secret']` for a login response that is meant to return a token.
   * @default []
   */
  readonly ignore?: readonly LeakKind[];
  /**
   * Response headers (any case) not to inspect at all.
   * @default []
   */
  readonly ignoreHeaders?: readonly string[];
  /**
   * Hosts the client itself used (`127.0.0.1:3000`): an internal address that is one of them is the
   * request's own URL echoed back, not a leak. The audit passes its target's host.
   * @default []
   */
  readonly ownHosts?: readonly string[];
  /**
   * What a secret becomes in evidence.
   * @default '[REDACTED]'
   */
  readonly censor?: string;
}
