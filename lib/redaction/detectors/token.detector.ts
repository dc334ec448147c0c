import { compileTokenTable } from '../tokens/token-table.js';
import type { TokenFormat } from '../tokens/token-format.interfaces.js';
import { TOKEN_FORMATS } from '../tokens/token-formats.js';
import {
  defineDetector,
  type SecretDetector,
} from './secret-detector.interface.js';

/** @internal A detector for some rows of the token table, reporting them as `kind`. */
export function tokenTableDetector<K extends string>(
  kind: K,
  formats: readonly TokenFormat[],
): SecretDetector<K> {
  const table = compileTokenTable(formats);
  return defineDetector({
    kind,
    reveals: 'secret',
    minLength: table.minLength,
    markers: table.markers,
    scan(text, _context, found) {
      table.scan(text, kind, found);
    },
  });
}

/**
 * Tokens whose format announces them (GitHub, GitLab, Stripe, Slack, OpenAI, …): every row of the token
 * table but AWS key IDs, which keep their own kind.
 */
export const tokenDetector = tokenTableDetector(
  'token',
  TOKEN_FORMATS.filter((f) => f.family !== 'AWS'),
);
