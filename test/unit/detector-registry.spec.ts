import { describe, expect, it } from 'vitest';
import {
  defineDetector,
  type SecretDetector,
} from '../../lib/redaction/detectors/secret-detector.interface.js';
import {
  SECRET_DETECTORS,
  type SecretKind,
} from '../../lib/redaction/detectors/secret-detector.registry.js';
import {
  createTextScanner,
  findSecretsInText,
} from '../../lib/redaction/scanner/text-scanner.js';
import { findLeaks } from 'nestjs-safe-errors/testing';

const R = '[REDACTED]';

// One row per registered kind: a kind without a row does not compile, a row without a kind neither.
const EXAMPLE: Record<SecretKind, { text: string; secret: string }> = {
  bearer: { text: 'sent with Bearer abc.def-123', secret: 'abc.def-123' },
  jwt: {
    text: 'token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0 seen',
    secret: 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0',
  },
  'credential-pair': {
    text: 'login password=hunter2 failed',
    secret: 'hunter2',
  },
  'markup-pair': {
    text: 'sent <login><password>hunter2</password></login> to soap',
    secret: 'hunter2',
  },
  'command-line': {
    text: 'ran curl -u deploy:hunter2 https://example.org',
    secret: 'hunter2',
  },
  'connection-string': {
    text: 'db postgres://app:s3cret@db/prod down',
    secret: 's3cret',
  },
  card: {
    text: 'charged 4111 1111 1111 1111 today',
    secret: '4111 1111 1111 1111',
  },
  'aws-key': {
    text: 'key AKIAIOSFODNN7EXAMPLE used',
    secret: 'AKIAIOSFODNN7EXAMPLE',
  },
  token: {
    text: 'pushed with ghp_0123456789abcdefghijklmnopqrstuvwxyz',
    secret: 'ghp_0123456789abcdefghijklmnopqrstuvwxyz',
  },
  'row-data': {
    text: 'insert failed: Failing row contains (7, ada, hunter2).',
    secret: '7, ada, hunter2',
  },
  'private-key': {
    text: 'key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY----- end',
    secret:
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----',
  },
};

const PROSE =
  'The quick brown fox jumps over the lazy dog while the service keeps on running as usual. ';

describe('the detector registry is the dispatch', () => {
  it.each(SECRET_DETECTORS.map((d) => [d.kind, d] as const))(
    '%s finds its example in short and long text, and the audit reports what it reveals',
    (kind, detector) => {
      const { text, secret } = EXAMPLE[kind];
      for (const input of [
        text,
        `${PROSE.repeat(2)}${text} ${PROSE.repeat(2)}`,
      ]) {
        const found = findSecretsInText(input);
        expect(found.map((f) => [f.kind, input.slice(f.start, f.end)])).toEqual(
          [[kind, secret]],
        );
      }
      const leaks = findLeaks({ status: 200, body: text });
      expect(leaks.map((l) => l.kind)).toContain(detector.reveals);
    },
  );

  it('runs a detector that exists only as a registry entry, pre-check included', () => {
    let scans = 0;
    const marker: SecretDetector = defineDetector({
      kind: 'test-marker',
      reveals: 'secret',
      minLength: 8,
      markers: ['zq#'],
      scan(text, _context, found) {
        scans++;
        for (
          let i = text.indexOf('zq#');
          i !== -1;
          i = text.indexOf('zq#', i + 1)
        ) {
          found.push({ kind: 'test-marker', start: i, end: i + 8 });
        }
      },
    });
    const scanner = createTextScanner({
      censor: R,
      detectors: [marker],
      keyVerdict: () => 0,
    });
    expect(scanner.scrub('code zq#12345 end')).toBe(`code ${R} end`);
    const long = `${PROSE.repeat(3)}zq#ABCDE${PROSE}`;
    expect(scanner.scrub(long)).toBe(`${PROSE.repeat(3)}${R}${PROSE}`);
    expect(scans).toBe(2);
    // Text without the marker is never handed to the scan, short or long.
    expect(scanner.scrub('code zq12345 end')).toBe('code zq12345 end');
    expect(scanner.scrub(PROSE.repeat(4))).toBe(PROSE.repeat(4));
    expect(scanner.scrub('zq#1')).toBe('zq#1'); // shorter than minLength
    expect(scans).toBe(2);
  });

  it('a digit-run detector is pre-checked on the run, not on single digits', () => {
    let scans = 0;
    const digits = defineDetector({
      kind: 'digits',
      reveals: 'secret',
      minLength: 5,
      markers: [],
      digitRun: 5,
      scan(_text, _context, _found) {
        scans++;
      },
    });
    const scanner = createTextScanner({
      censor: R,
      detectors: [digits],
      keyVerdict: () => 0,
    });
    scanner.scrub('order 12 34 56 78 90');
    scanner.scrub(`${PROSE.repeat(3)}1 2 3 4 5`);
    expect(scans).toBe(0);
    scanner.scrub('order 12345');
    scanner.scrub(`${PROSE.repeat(3)}12345`);
    expect(scans).toBe(2);
  });

  it('refuses a marker the pre-check cannot index, and finds one that ends in a digit', () => {
    const make = (marker: string) =>
      defineDetector({
        kind: 'numbered',
        reveals: 'secret',
        minLength: 1,
        markers: [marker],
        scan(text, _context, found) {
          const i = text.indexOf(marker);
          if (i !== -1)
            found.push({ kind: 'numbered', start: i, end: i + marker.length });
        },
      });
    expect(() =>
      createTextScanner({
        censor: R,
        detectors: [make('1234')],
        keyVerdict: () => 0,
      }),
    ).toThrow(/needs an ASCII character that is not a digit/);
    const scanner = createTextScanner({
      censor: R,
      detectors: [make('key1')],
      keyVerdict: () => 0,
    });
    expect(scanner.scrub('a key1 b')).toBe(`a ${R} b`);
    expect(scanner.scrub(`${PROSE.repeat(2)}key1`)).toBe(
      `${PROSE.repeat(2)}${R}`,
    );
    expect(scanner.scrub('a key2 b')).toBe('a key2 b');
  });
});
