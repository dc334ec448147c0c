import { pushMatches } from '../../common/regex-matches.js';
import { defineDetector } from './secret-detector.interface.js';

const JWT =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

/** JSON Web Token: `eyJ….….…`. */
export const jwtDetector = defineDetector({
  kind: 'jwt',
  reveals: 'secret',
  minLength: 10, // eyJxx.xx.
  markers: ['eyJ'],
  scan(text, _context, found) {
    pushMatches(JWT, text, 'jwt', found);
  },
});
