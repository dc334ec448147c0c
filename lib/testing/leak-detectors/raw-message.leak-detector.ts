import { normalizeKey } from '../../common/normalize-key.js';
import { visibleText } from '../html-text.js';

/** A 5xx message that says more than "something failed": where it was and what it says. */
export interface RawMessage {
  /** The JSON key it was under (`message`, `error.detail`), or `undefined` for a text body. */
  readonly key: string | undefined;
  readonly text: string;
}

// Keys under which error bodies carry their human message (Nest, Fastify, Express, Flask, RFC 9457).
const MESSAGE_KEYS: ReadonlySet<string> = new Set([
  'message',
  'msg',
  'error',
  'errors',
  'errormessage',
  'detail',
  'details',
  'description',
  'errordescription',
  'title',
  'reason',
]);

// The words a deliberately generic failure is written in. A message made only of these (and of IDs,
// numbers and punctuation) says nothing about the server; one word outside them is the failure's own.
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that it its is was were be been has have had we our us you your please re ve ll s ' +
    'and or but of in on at to for from with by as if so not no any some something anything ' +
    'error errors err server internal unexpected unexpectedly unknown unhandled occurred occured ' +
    'happened went wrong failed failure fault problem issue oops sorry whoops ' +
    'request requests response processing process processed complete completed completing handle ' +
    'handled handling fulfil fulfill unable could cannot can t couldn didn don while ' +
    'service services unavailable temporarily temporary available currently down overloaded busy ' +
    'maintenance capacity retry try again later shortly moment minutes few soon ' +
    'bad gateway timeout timed out upstream proxy origin implemented insufficient storage loop ' +
    'detected network authentication required http version supported variant also negotiates ' +
    'extended status code encountered either there application app site page website system ' +
    'contact support administrator admin team reference ref id requestid correlation trace ' +
    'traceid check logs log details detail more information info report reported quote include ' +
    'generic general nginx apache cloudflare openresty envoy haproxy varnish caddy traefik ' +
    'gunicorn iis'
  ).split(' '),
);

// Past this, a text is a page, not a message: only its first part is judged.
const MAX_MESSAGE_LENGTH = 2000;
const WORD = /[\p{L}\p{M}]+/gu;
// `a1b2c3`, a UUID, `#42`: how a client quotes the failure, not what it was.
const ID_OR_NUMBER = /^[#(]{0,2}[\w-]{0,64}\d[\w-]{0,64}[).,:;!?]{0,2}$/;

function isGeneric(message: string): boolean {
  const text = message.slice(0, MAX_MESSAGE_LENGTH);
  for (const token of text.split(/\s+/)) {
    if (ID_OR_NUMBER.test(token)) continue;
    for (const [word] of token.toLowerCase().matchAll(WORD)) {
      if (!GENERIC_WORDS.has(word)) return false;
    }
  }
  return true;
}

function messagesIn(
  value: unknown,
  key: string,
  depth: number,
  out: RawMessage[],
): void {
  if (typeof value === 'string') {
    if (value.trim() !== '') out.push({ key, text: value });
    return;
  }
  if (depth >= 3 || value === null || typeof value !== 'object') return;
  const entries = Array.isArray(value)
    ? value.slice(0, 20).map((item) => [key, item] as const)
    : Object.entries(value)
        .slice(0, 50)
        .filter(([name]) => MESSAGE_KEYS.has(normalizeKey(name)))
        .map(([name, item]) => [`${key}.${name}`, item] as const);
  for (const [path, item] of entries) messagesIn(item, path, depth + 1, out);
}

/**
 * The first message in a 5xx answer that is not a generic phrase: `{"message":"boom"}`, Flask's
 * `return str(e), 500`. A 4xx explains the client's own mistake and is not judged here.
 */
export function findRawMessage(
  status: number | undefined,
  json: { readonly value: unknown } | undefined,
  bodyText: string,
): RawMessage | undefined {
  if (status === undefined || status < 500 || status > 599) return undefined;
  const found: RawMessage[] = [];
  if (json !== undefined) {
    const root = json.value;
    if (root !== null && typeof root === 'object' && !Array.isArray(root)) {
      for (const [name, item] of Object.entries(root).slice(0, 50)) {
        if (MESSAGE_KEYS.has(normalizeKey(name)))
          messagesIn(item, name, 0, found);
      }
    } else {
      messagesIn(root, '', 1, found);
    }
  } else {
    const text = visibleText(bodyText.slice(0, MAX_MESSAGE_LENGTH * 4));
    if (text !== '') found.push({ key: undefined, text });
  }
  return found.find((message) => !isGeneric(message.text));
}
