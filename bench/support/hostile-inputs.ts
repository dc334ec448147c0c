/**
 * Inputs built to make a scan or a walk do more than linear work: unclosed quotes and brackets, runs of
 * separators, keys and markers, digit groups, huge and deep objects. The bench times them per input byte
 * against random printable text of the same size; the tests check that their secrets still come back
 * censored.
 */

import type { RedactOptions } from '../../lib/index.js';

/** One hostile input: `make(size)` is about `size` bytes of it (see {@link inputBytes}). */
export interface HostileInput {
  readonly name: string;
  /** Strings of {@link CHUNK} characters, or a structure. */
  readonly kind: 'text' | 'value';
  readonly make: (size: number) => unknown;
  /** Options both sides are redacted with, when the defaults would not reach the case. */
  readonly options?: RedactOptions;
}

/** Each string of a text input: the default `maxStringLength`, so every character is scanned. */
export const CHUNK = 16_384;

/** Splits `text` into strings of {@link CHUNK} characters: what a log line of many long fields carries. */
function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK)
    out.push(text.slice(i, i + CHUNK));
  return out;
}

function repeated(
  name: string,
  unit: string,
  options?: RedactOptions,
): HostileInput {
  return {
    name,
    kind: 'text',
    make: (size) => chunks(unit.repeat(Math.ceil(size / unit.length))),
    ...(options !== undefined && { options }),
  };
}

/** A small deterministic PRNG (mulberry32), so every run times the same bytes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `length` characters of printable ASCII, from a fixed seed. */
export function randomPrintable(length: number, seed = 1): string {
  const next = seededRandom(seed);
  const codes = new Uint16Array(8192);
  let out = '';
  for (let at = 0; at < length; at += codes.length) {
    const n = Math.min(codes.length, length - at);
    for (let i = 0; i < n; i++) codes[i] = 0x20 + Math.floor(next() * 95);
    out += String.fromCharCode(...codes.subarray(0, n));
  }
  return out;
}

/** Sizes are counted up to here: a structure that unfolds into more is as large as this. */
export const MAX_COUNTED_BYTES = 4 * 2 ** 20;

/**
 * The input's size in bytes: its strings' characters for text; for a structure, the length of its JSON
 * (shared parts counted at each place they appear, as a log line would hold them), up to
 * {@link MAX_COUNTED_BYTES}.
 */
export function inputBytes(input: unknown, kind: HostileInput['kind']): number {
  if (kind === 'text') {
    return (input as string[]).reduce((n, s) => n + s.length, 0);
  }
  const stack: unknown[] = [input];
  let bytes = 0;
  while (stack.length > 0 && bytes < MAX_COUNTED_BYTES) {
    const value = stack.pop();
    if (typeof value === 'string') {
      bytes += value.length + 2;
    } else if (typeof value !== 'object' || value === null) {
      bytes += String(value).length;
    } else {
      bytes += 2;
      const array = Array.isArray(value);
      for (const [key, item] of Object.entries(value)) {
        bytes += array ? 1 : key.length + 4;
        stack.push(item);
      }
    }
  }
  return Math.min(bytes, MAX_COUNTED_BYTES);
}

/** Random printable text as large as `input`: strings of the same lengths, or as many bytes in chunks. */
export function randomLike(
  input: unknown,
  kind: HostileInput['kind'],
): string[] {
  if (kind === 'text') {
    return (input as string[]).map((s, i) => randomPrintable(s.length, i + 1));
  }
  return chunks(randomPrintable(inputBytes(input, kind)));
}

/** An object of 100,000 keys (whatever the size asked for), the last one a secret. */
function manyKeys(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < 100_000; i++) out[`k${100_000 + i}`] = `v${i}`;
  out.password = 'hunter2-Correct-Horse';
  return out;
}

/** 1500 levels of `{ a: … }`, each level with a secret beside it: far past maxDepth. */
function deep(): unknown {
  let value: unknown = 'password=hunter2-Correct-Horse';
  for (let i = 0; i < 1500; i++)
    value = { a: value, note: 'password=hunter2-Correct-Horse' };
  return value;
}

/** 60 levels down, then 1000 small objects side by side: each one is checked against its 61 ancestors. */
function deepThenWide(): unknown {
  const wide = Array.from({ length: 1000 }, (_, i) => ({
    id: i,
    note: 'password=hunter2',
  }));
  let value: unknown = wide;
  for (let i = 0; i < 60; i++) value = { a: value };
  return value;
}

/** Arrays sharing one array in every slot: a few KB to hold, a tree of 1000³ values to walk. */
function sharedArrays(): unknown {
  const width = 1000;
  const leaf = Array.from({ length: width }, (_, i) => `password=s${i}`);
  const middle = Array.from({ length: width }, () => leaf);
  return Array.from({ length: width }, () => middle);
}

/** The same long string in every slot: one string to hold, 1000 to scan. */
function sharedString(): unknown {
  const text = 'password='.repeat(16_384 / 9);
  return Array.from({ length: 1000 }, () => text);
}

/** Every generator, in the order the bench prints them. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  // Quotes that never close, with and without newlines.
  repeated('unclosed "', 'password="x '),
  repeated('unclosed " + newline', 'password="x\n'),
  repeated("unclosed '", "pwd='"),
  repeated('unclosed `', 'secret=`'),
  repeated('unclosed \\"', 'password=\\"x '),
  repeated('unclosed \\" + newline', 'password=\\"x\n'),
  // Brackets that never close.
  repeated('unclosed [', 'pwd=['),
  repeated('unclosed [ + newline', 'pwd=[\n'),
  repeated('unclosed {"', 'token={"a":"'),
  repeated('unclosed [" + newline', 'pwd=["\n'),
  // Values that start with the censor are left unread: with a censor of one's own too.
  repeated('pwd=[REDACTED]', 'pwd=[REDACTED]'),
  repeated('pwd=*** (censor ***)', 'pwd=***', { censor: '***' }),
  repeated('cookie: *** (censor ***)', 'cookie: *** ', { censor: '***' }),
  repeated('pwd="*** (censor ***)', 'pwd="***', { censor: '***' }),
  // Separators and keys, over and over.
  repeated('=', '='),
  repeated(':', ':'),
  repeated(': ', ': '),
  repeated('://', '://'),
  repeated('://u:', '://u:'),
  repeated('a=', 'a='),
  repeated('blanks after =', `pwd=${' '.repeat(200)}`),
  repeated('password=password=', 'password='),
  repeated('token: token: ', 'token: '),
  repeated('cookie: ', 'cookie: '),
  repeated('Authorization: Bearer ', 'Authorization: Bearer '),
  repeated('long key', `${'k'.repeat(63)}=`),
  // The pair grammar: broad keys, operators, block values, soft stops, markup, flags, colour codes.
  repeated('key=key=', 'key='),
  repeated('signingKey=aB3', 'signingKey=aB3'),
  repeated('token == ', 'token == '),
  repeated('password := ', 'password := '),
  repeated('[password] => ', '[password] => '),
  repeated('password: |', 'password: |\n'),
  repeated('password=a, (soft stops)', 'password=a,'),
  repeated('password=a,b c', 'password=a,b c'),
  repeated('<password>', '<password>'),
  repeated('<password>x</', '<password>x</'),
  repeated('--password ', '--password '),
  repeated('-u a:', '-u a:'),
  repeated('ESC[31m', '\x1b[31m'),
  repeated('ESC[31mpassword=', '\x1b[31mpassword='),
  // What the decoded shadow reads: escapes, entities, non-ASCII.
  repeated('%3D', '%3D'),
  repeated('password%3D', 'password%3D'),
  repeated('%253D', '%253D'),
  repeated('&#61;', '&#61;'),
  repeated('&amp;', '&amp;'),
  repeated('\\u0070', '\\u0070'),
  repeated('fullwidth ＝', 'ｐａｓｓ＝'),
  repeated('é (non-ASCII prose)', 'café '),
  // Row data in database errors.
  repeated('Failing row contains (', 'Failing row contains ('),
  repeated(')=(', ')=('),
  repeated("Duplicate entry '", "Duplicate entry '"),
  // Found by a red-team pass: phrases whose closing text never comes, on many lines.
  repeated('dup key: { + newline', 'dup key: { \n'),
  repeated('Failing row contains ( + newline', 'Failing row contains (\n'),
  repeated("Duplicate entry ' + newline", "Duplicate entry '\n"),
  repeated('Key ( without )=(', 'Key ('),
  repeated('curl -u bob ', 'curl -u bob '),
  repeated('-u ', '-u '),
  repeated('&#', '&#'),
  repeated('&ab', '&ab'),
  // Digits.
  repeated('digit run', '1'),
  repeated('4111 groups', '4111 '),
  repeated('4111- groups', '4111-'),
  repeated('valid cards', '4111 1111 1111 1111 '),
  repeated('decimal digits', '0.41111111111111 '),
  // Markers.
  repeated('eyJ', 'eyJ'),
  repeated('eyJ words', 'eyJhbGciOiJIUzI1NiJ9 '),
  repeated('eyJ one dot', 'eyJhbGci.'),
  repeated('Bearer ', 'Bearer '),
  repeated('Bearer word', 'Bearer abcdef '),
  repeated('AKIA', 'AKIA'),
  repeated('AKIA words', 'AKIAABCDEFGHIJKLMNO '),
  repeated('ghp_', 'ghp_'),
  repeated('ghp_ short', 'ghp_abc '),
  repeated('sk_live_', 'sk_live_'),
  repeated('xoxb-', 'xoxb-'),
  repeated('BEGIN PRIVATE KEY', '-----BEGIN PRIVATE KEY-----'),
  repeated('BEGIN + fake END', '-----BEGIN PRIVATE KEY-----\n-----END '),
  repeated('fake BEGIN', '-----BEGIN PRIVATE KE '),
  // Structures.
  { name: '100,000-key object', kind: 'value', make: manyKeys },
  { name: 'deep nesting', kind: 'value', make: deep },
  { name: 'deep, then wide', kind: 'value', make: deepThenWide },
  { name: 'shared arrays (1000³)', kind: 'value', make: sharedArrays },
  { name: 'shared long string', kind: 'value', make: sharedString },
];
