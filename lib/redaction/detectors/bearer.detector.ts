import { forEachMatch } from '../../common/regex-matches.js';
import { defineDetector } from './secret-detector.interface.js';

// Scheme spellings seen in practice; matching them case-sensitively keeps the pre-check a substring search.
const BEARER =
  /(?<![A-Za-z0-9_-])(?:[Bb]earer|BEARER|[Bb]asic|BASIC)[ \t]+([A-Za-z0-9._~+/-]+=*)/g;
// Real tokens have a digit, punctuation or an inner capital; English words after "Basic"/"Bearer"
// ("Basic authentication") do not.
const TOKEN_LIKE = /[0-9._~+/=-]|.[A-Z]/;
const MIN_TOKEN = 6;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MAX_BASIC = 1024;

// `Basic` credentials are base64 of `user:password`; a word after "basic" in prose decodes to no colon.
function isBasicCredential(token: string): boolean {
  if (token.length > MAX_BASIC || !BASE64.test(token)) return false;
  return Buffer.from(token, 'base64').includes(0x3a);
}

/** Token after an HTTP auth scheme: `Bearer <token>`, `Basic <base64>`. */
export const bearerDetector = defineDetector({
  kind: 'bearer',
  reveals: 'secret',
  minLength: 12, // Basic + blank + 6
  markers: ['Bearer', 'bearer', 'BEARER', 'Basic', 'basic', 'BASIC'],
  scan(text, _context, found) {
    forEachMatch(BEARER, text, (m) => {
      let token = m[1];
      const start = m.index + m[0].length - token.length;
      // A sentence may end right after the token.
      while (token.endsWith('.')) token = token.slice(0, -1);
      const basic = (m[0].charCodeAt(1) | 0x20) === 0x61;
      if (
        token.length < MIN_TOKEN ||
        !(basic ? isBasicCredential(token) : TOKEN_LIKE.test(token))
      ) {
        // The rejected word may itself be a scheme: `Bearer Bearer <token>`.
        BEARER.lastIndex = start;
        return;
      }
      found.push({ kind: 'bearer', start, end: start + token.length });
    });
  },
});
