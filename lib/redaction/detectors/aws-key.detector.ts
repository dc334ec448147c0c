import { TOKEN_FORMATS } from '../tokens/token-formats.js';
import { tokenTableDetector } from './token.detector.js';

/** AWS access key IDs (`AKIA`, `ASIA`, `ABIA`, `ACCA` + 16): the AWS rows of the token table. */
export const awsKeyDetector = tokenTableDetector(
  'aws-key',
  TOKEN_FORMATS.filter((f) => f.family === 'AWS'),
);
