import { describe, expect, it } from 'vitest';
import {
  createKeyMatcher,
  isSecretKeyName,
  type KeyMatcher,
} from '../../lib/redaction/keys/secret-key.matcher.js';
import { twoCharKeyVerdicts } from '../../lib/redaction/keys/two-char-keys.js';
import { redact } from '../../lib/redaction/redact.js';

const R = '[REDACTED]';

// The pair scan judges two-character keys from this table instead of the matcher: any difference
// would let a short custom key through, or censor a stack frame's `js`.
describe('two-character keys', () => {
  const matchers: Record<string, KeyMatcher> = {
    'the built-in vocabulary': isSecretKeyName,
    'custom names and patterns without the defaults': createKeyMatcher({
      defaults: false,
      names: ['DB', 'x-y'],
      patterns: [/^q[a-c]$/i],
    }),
  };

  for (const [name, matcher] of Object.entries(matchers)) {
    it(`gives the matcher's verdict on every pair of ASCII codes, for ${name}`, () => {
      const table = twoCharKeyVerdicts(matcher);
      const differ: string[] = [];
      // Twice over: the second pass reads what the first one stored.
      for (let pass = 0; pass < 2; pass++) {
        for (let a = 0; a < 128; a++) {
          for (let b = 0; b < 128; b++) {
            const key = String.fromCharCode(a, b);
            if (table(a, b) !== matcher(key)) differ.push(JSON.stringify(key));
          }
        }
      }
      expect(differ).toEqual([]);
    });
  }

  it('censors the values of short secret keys in text and leaves stack frames alone', () => {
    const frame = '    at handler (/app/dist/orders.js:42:17)';
    expect(redact(`pw=hunter22 js=hunter22\n${frame}`)).toBe(
      `pw=${R} js=hunter22\n${frame}`,
    );
    expect(redact('GET /login?PW=hunter22&js=1')).toBe(
      `GET /login?PW=${R}&js=1`,
    );
  });

  it('holds a custom two-character key as the matcher does, by name and by pattern', () => {
    expect(
      redact(
        { note: 'db=hunter22 dc=hunter22 qb=hunter22 qd=hunter22' },
        {
          keys: ['db', /^q[a-c]$/],
          replaceDefaults: true,
        },
      ),
    ).toEqual({ note: `db=${R} dc=hunter22 qb=${R} qd=hunter22` });
  });
});
