/** A header value as Node, supertest and plain objects hold it. */
export type HeaderValue =
  string | number | readonly string[] | null | undefined;

/**
 * A response to inspect: a plain `{ status, headers, body }`, a supertest `Response` (its `text` is read
 * first), or a fetch `Response` whose body was already read:
 * `{ status: res.status, headers: res.headers, body: await res.text() }`.
 */
export interface ResponseLike {
  /** Read to judge error messages: a 5xx must not carry the failure's own message (`raw-message`). */
  readonly status?: number;
  /** Plain record (any case), or any iterable of `[name, value]` pairs such as fetch's `Headers`. */
  readonly headers?:
    Readonly<Record<string, HeaderValue>> | Iterable<readonly [string, string]>;
  /** Text, a Buffer/Uint8Array/ArrayBuffer, or an already parsed JSON value. */
  readonly body?: unknown;
  /** The raw body text (supertest); preferred over `body` when it is a string. */
  readonly text?: unknown;
}

/** One response header, its name in lower case, several values joined by newlines. */
export interface ReadHeader {
  readonly name: string;
  readonly value: string;
}

/** A response reduced to what the detectors read. */
export interface ReadResponse {
  readonly headers: readonly ReadHeader[];
  /** The body as sent (or as serialised, for a parsed value). */
  readonly bodyText: string;
  /** The parsed body, when it is JSON. */
  readonly json: { readonly value: unknown } | undefined;
}

const decoder = new TextDecoder('utf-8');

function isIterable(
  value: object,
): value is Iterable<readonly [string, string]> {
  return (
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] ===
    'function'
  );
}

function headerText(value: HeaderValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value.join('\n');
}

function readHeaders(headers: ResponseLike['headers']): ReadHeader[] {
  const read: ReadHeader[] = [];
  if (headers === undefined || headers === null) return read;
  const entries: Iterable<readonly [string, HeaderValue]> = isIterable(headers)
    ? headers
    : Object.entries(headers);
  for (const [name, value] of entries) {
    const text = headerText(value);
    if (text !== undefined)
      read.push({ name: name.toLowerCase(), value: text });
  }
  return read;
}

function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text.slice(0, 64));
  return first !== null && (first[0] === '{' || first[0] === '[');
}

function parsed(text: string): { value: unknown } | undefined {
  if (!looksLikeJson(text)) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function fromText(headers: ReadHeader[], bodyText: string): ReadResponse {
  return { headers, bodyText, json: parsed(bodyText) };
}

function serialise(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Cycles, BigInts or extreme depth: the walk over the value still sees every string.
    return '';
  }
}

/** Reduces any accepted response shape to headers, body text and parsed JSON. */
export function readResponse(response: ResponseLike): ReadResponse {
  if (response === null || typeof response !== 'object') {
    throw new TypeError(
      'findLeaks: expected a response object { status?, headers?, body? }',
    );
  }
  const headers = readHeaders(response.headers);
  if (typeof response.text === 'string')
    return fromText(headers, response.text);
  const { body } = response;
  if (body === undefined || body === null) return fromText(headers, '');
  if (typeof body === 'string') return fromText(headers, body);
  if (body instanceof Uint8Array)
    return fromText(headers, decoder.decode(body));
  if (body instanceof ArrayBuffer)
    return fromText(headers, decoder.decode(new Uint8Array(body)));
  if (typeof (body as { getReader?: unknown }).getReader === 'function') {
    throw new TypeError(
      'findLeaks: the body is an unread stream; pass { status, headers, body: await res.text() }',
    );
  }
  return { headers, bodyText: serialise(body), json: { value: body } };
}
