import { pushMatches } from '../../common/regex-matches.js';
import { defineDetector } from './secret-detector.interface.js';

// Tokens whose format announces them: GitHub (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), Stripe
// (sk_/rk_ live and test), Slack (xoxb-, xoxp-, …) and Google API keys (AIza…).
const PREFIXED_TOKEN =
  /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255}|[sr]k_(?:live|test)_[A-Za-z0-9]{10,247}|xox[abposr]-[A-Za-z0-9-]{10,250}|AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_])/g;

/** Tokens with a known prefix: GitHub, Stripe, Slack, Google API keys. */
export const tokenDetector = defineDetector({
  kind: 'token',
  reveals: 'secret',
  minLength: 15, // xoxb- + 10
  markers: [
    'ghp_',
    'gho_',
    'ghu_',
    'ghs_',
    'ghr_',
    'github_',
    'sk_',
    'rk_',
    'xox',
    'AIza',
  ],
  scan(text, _context, found) {
    pushMatches(PREFIXED_TOKEN, text, 'token', found);
  },
});
