import { forEachMatch } from '../../common/regex-matches.js';
import { looksLikeCredential } from '../keys/credential-value.js';
import { defineDetector } from './secret-detector.interface.js';

// `scheme://user:password@host`: the password stops at what cannot be in an unencoded userinfo, so ports
// and paths (`host:5432/db`) never match. A password may itself hold `@` (unencoded, as people write
// them): it runs to the last `@` before the host.
const CONNECTION = /:\/\/([^\s:@/?#"'<>]*):([^\s/?#"'<>]+)@/g;

// `https://TOKEN@host`: a userinfo without a password is a credential when it looks like a token. A userinfo
// holds no `/`: `file:///tmp/x7Kq/node_modules/@scope/pkg` is a path before a scoped package.
const TOKEN_USERINFO = /:\/\/([A-Za-z0-9_~.+=-]{16,})@/g;

// Asked only of text holding the marker `://`.
function hasUserinfo(text: string): boolean {
  return text.indexOf('@', text.indexOf('://')) !== -1;
}

/** Password in `scheme://user:password@host`. */
export const connectionStringDetector = defineDetector({
  kind: 'connection-string',
  reveals: 'connection-string',
  minLength: 6, // ://:x@
  markers: ['://'],
  confirm: hasUserinfo,
  scan(text, { censor }, found) {
    forEachMatch(CONNECTION, text, (m) => {
      const start = m.index + 3 + m[1].length + 1;
      if (m[2] === censor) return;
      found.push({
        kind: 'connection-string',
        start,
        end: start + m[2].length,
      });
    });
    forEachMatch(TOKEN_USERINFO, text, (m) => {
      const start = m.index + 3;
      if (!looksLikeCredential(m[1])) return;
      found.push({
        kind: 'connection-string',
        start,
        end: start + m[1].length,
      });
    });
  },
});
