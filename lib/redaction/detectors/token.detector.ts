import { compileTokenTable } from '../tokens/token-table.js';
import { TOKEN_FORMATS } from '../tokens/token-formats.js';
import { defineDetector } from './secret-detector.interface.js';

// Every row of the token table but AWS key IDs, which keep their own kind.
const TABLE = compileTokenTable(
  TOKEN_FORMATS.filter((f) => f.family !== 'AWS'),
);

/** Tokens whose format announces them (GitHub, GitLab, Stripe, Slack, OpenAI, …): the token table. */
export const tokenDetector = defineDetector({
  kind: 'token',
  reveals: 'secret',
  minLength: TABLE.minLength,
  markers: TABLE.markers,
  scan(text, _context, found) {
    TABLE.scan(text, 'token', found);
  },
});
