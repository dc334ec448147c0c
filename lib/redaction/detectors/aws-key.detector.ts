import { compileTokenTable } from '../tokens/token-table.js';
import { TOKEN_FORMATS } from '../tokens/token-formats.js';
import { defineDetector } from './secret-detector.interface.js';

const TABLE = compileTokenTable(
  TOKEN_FORMATS.filter((f) => f.family === 'AWS'),
);

/** AWS access key IDs (`AKIA`, `ASIA`, `ABIA`, `ACCA` + 16): the AWS rows of the token table. */
export const awsKeyDetector = defineDetector({
  kind: 'aws-key',
  reveals: 'secret',
  minLength: TABLE.minLength,
  markers: TABLE.markers,
  scan(text, _context, found) {
    TABLE.scan(text, 'aws-key', found);
  },
});
