import { awsKeyDetector } from './aws-key.detector.js';
import { bearerDetector } from './bearer.detector.js';
import { cardDetector } from './card.detector.js';
import { commandLineDetector } from './command-line.detector.js';
import { connectionStringDetector } from './connection-string.detector.js';
import { credentialPairDetector } from './credential-pair.detector.js';
import { jwtDetector } from './jwt.detector.js';
import { markupPairDetector } from './markup-pair.detector.js';
import { privateKeyDetector } from './private-key.detector.js';
import { rowDataDetector } from './row-data.detector.js';
import { tokenDetector } from './token.detector.js';

/**
 * The built-in free-text detectors, in the order they run. This list is the dispatch: the scanner builds
 * its pre-checks and calls from it, so a new detector is its file and its line here.
 */
export const SECRET_DETECTORS = Object.freeze([
  bearerDetector,
  jwtDetector,
  credentialPairDetector,
  markupPairDetector,
  commandLineDetector,
  connectionStringDetector,
  cardDetector,
  awsKeyDetector,
  tokenDetector,
  privateKeyDetector,
  rowDataDetector,
] as const);

/** Every kind of secret the built-in detectors report. */
export type SecretKind = (typeof SECRET_DETECTORS)[number]['kind'];
