/** One request the audit sends. */
export interface Probe {
  /** What the probe provokes, e.g. `malformed-json`. */
  readonly name: string;
  readonly method: string;
  /** The raw request target, sent as is (never re-encoded, so `%FF` stays broken). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** A marker only this probe's body or headers carry: an answer that contains it echoes the input. */
  readonly reflects?: string;
}

const JSON_HEADERS = {
  accept: 'application/json',
  'content-type': 'application/json',
};
const HTML_HEADERS = {
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
};
const DEFAULT_HEADERS = { accept: 'application/json, text/plain, */*' };

/** Just over the 1 MB default of most body parsers (Nest/Express 100 KB, Fastify 1 MiB). */
export const OVERSIZED_BODY_BYTES = Math.ceil(1.1 * 1024 * 1024);
/** Deeper than any recursive parser or validator should follow. */
export const NESTING_DEPTH = 10_000;
/** Past Node's 16 KiB default header limit, and most proxies' URL limits. */
export const LONG_LENGTH = 16 * 1024;

// Truncated mid-token, the way a client that gave up half-way sends it.
const MALFORMED_JSON = '{"safeErrorsAudit": tru';
// An array where every API expects an object.
const WRONG_TYPE_JSON = '["safe-errors-audit"]';
// Rarely routed, and read-only where it is: a wrong method that can never delete or change data.
const WRONG_METHOD = 'PROPFIND';
const DEEP_JSON = '['.repeat(NESTING_DEPTH) + ']'.repeat(NESTING_DEPTH);

function oversizedBody(): string {
  const prefix = '{"padding":"';
  const suffix = '"}';
  return (
    prefix +
    'a'.repeat(OVERSIZED_BODY_BYTES - prefix.length - suffix.length) +
    suffix
  );
}

/** GET, a wrong method, malformed JSON, an array for an object, HTML, deep nesting: on one known route. */
function routeProbes(target: string): Probe[] {
  const probe = (
    name: string,
    method: string,
    headers: Probe['headers'],
    body?: string,
  ): Probe => ({ name, method, path: target, headers, body });
  return [
    probe('get', 'GET', DEFAULT_HEADERS),
    probe('wrong-method', WRONG_METHOD, DEFAULT_HEADERS),
    {
      ...probe('malformed-json', 'POST', JSON_HEADERS, MALFORMED_JSON),
      // Only this body holds the camel-case marker (the user agent is kebab-case).
      reflects: 'safeErrorsAudit',
    },
    probe('type-confusion', 'POST', JSON_HEADERS, WRONG_TYPE_JSON),
    probe('get-html', 'GET', HTML_HEADERS),
    probe('deep-json', 'POST', JSON_HEADERS, DEEP_JSON),
  ];
}

/**
 * The probes for a target, most telling first, so a small `--max-requests` still covers the commonest
 * failures: the unknown route, the first known route, the framework-level probes, then the other
 * routes. `basePath` is the target URL's path without a trailing slash; `paths` are known routes under
 * it (`['/']` when none are given); `token` makes the unknown route unique.
 */
export function buildProbes(
  basePath: string,
  paths: readonly string[],
  token: string,
): Probe[] {
  const at = (path: string): string =>
    (basePath === '' ? path : `${basePath}${path === '/' ? '' : path}`) || '/';
  const [first, ...others] = (paths.length > 0 ? paths : ['/']).map(at);
  const unknown = at(`/safe-errors-audit-${token}`);
  const get = (
    name: string,
    path: string,
    headers: Probe['headers'] = DEFAULT_HEADERS,
  ): Probe => ({
    name,
    method: 'GET',
    path,
    headers,
  });
  return [
    get('unknown-route', unknown),
    ...routeProbes(first!),
    // A NUL byte in a route parameter is the classic way to force a server error.
    get('nul-in-path', `${first}%00`),
    get('bad-encoding', at('/%FF')),
    get('truncated-encoding', at('/%E0%A4%A')),
    get('unknown-route-html', unknown, HTML_HEADERS),
    // Werkzeug's debugger serves its console here whenever Flask runs with debug=True.
    get('debug-console', at('/console'), HTML_HEADERS),
    {
      name: 'oversized-body',
      method: 'POST',
      path: first!,
      headers: JSON_HEADERS,
      body: oversizedBody(),
    },
    get('long-url', at(`/${'a'.repeat(LONG_LENGTH)}`)),
    {
      ...get('long-header', first!, {
        ...DEFAULT_HEADERS,
        'x-safe-errors-audit-padding': 'a'.repeat(LONG_LENGTH),
      }),
      // 256 of the header's 16 KB of padding, on a known route: an echo of the header, not the path.
      reflects: 'a'.repeat(256),
    },
    ...others.flatMap(routeProbes),
  ];
}
