import { pushMatches } from '../../common/regex-matches.js';
import { defineDetector } from './secret-detector.interface.js';

const AWS_KEY = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;

/** AWS access key ID: `AKIA`/`ASIA` + 16 characters. */
export const awsKeyDetector = defineDetector({
  kind: 'aws-key',
  reveals: 'secret',
  minLength: 20,
  markers: ['AKIA', 'ASIA'],
  scan(text, _context, found) {
    pushMatches(AWS_KEY, text, 'aws-key', found);
  },
});
