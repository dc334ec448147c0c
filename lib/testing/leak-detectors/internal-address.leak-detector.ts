import {
  ruleLeakDetector,
  type MatchRule,
  type LeakDetector,
} from './leak-detector.js';

function octets(match: RegExpExecArray): number[] {
  return [match[1], match[2], match[3], match[4]].map(Number);
}

function isPrivate([a, b]: number[]): boolean {
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    // Link-local, where cloud metadata services live.
    (a === 169 && b === 254) ||
    // Carrier-grade NAT, used inside clusters.
    (a === 100 && b >= 64 && b <= 127)
  );
}

// Loopback and 0.0.0.0 are only a leak as an address something listens on, not as a bare number.
function isListeningAddress(match: RegExpExecArray, text: string): boolean {
  const after = text.charCodeAt(match.index + match[0].length);
  return (
    after === 0x3a ||
    text.startsWith('://', match.index - 3) ||
    text[match.index - 1] === '@'
  );
}

function isInternalIPv4(match: RegExpExecArray, text: string): boolean {
  const parts = octets(match);
  if (parts.some((p) => p > 255)) return false;
  if (isPrivate(parts)) return true;
  return (
    (parts[0] === 127 || parts.every((p) => p === 0)) &&
    isListeningAddress(match, text)
  );
}

const RULES: readonly MatchRule[] = [
  // Not part of a longer dotted number (a version like 10.0.19041.1) or a word.
  {
    pattern:
      /(?<![\w.-])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w-]|\.\d)/g,
    accept: isInternalIPv4,
  },
  // Names that resolve only inside a network: db.internal, api.svc.cluster.local, nas.lan. Lower case,
  // as host names are written; `Errors.Internal` is a code.
  {
    pattern:
      /(?<![\w.-]|[^/]\/)[a-z0-9](?:[a-z0-9-]{0,62}\.){1,10}(?:internal|local|localdomain|intranet|corp|lan|home\.arpa)(?![\w-]|\.[A-Za-z0-9])/g,
  },
  { pattern: /\blocalhost:\d{2,5}\b/gi },
  { pattern: /:\/\/localhost\b/gi },
  { pattern: /\[::1?\]:\d{1,5}\b/g },
  // Node's own error text: `connect ECONNREFUSED ::1:5432`.
  { pattern: /(?<![\w:])::1:\d{2,5}\b/g },
  // IPv6 unique local addresses (fc00::/7), the private range of IPv6.
  {
    pattern:
      /(?<![\w:])f[cd][0-9a-f]{0,2}:[0-9a-f]{0,4}:[0-9a-f:]{0,30}(?![\w:])/gi,
  },
  // Kubernetes service names: orders.default.svc, orders.default.svc:8080.
  {
    pattern:
      /(?<![\w.-])[a-z0-9](?:[a-z0-9-]{0,62}\.){1,4}svc(?::\d{1,5})?(?![\w-]|\.[A-Za-z0-9])/g,
  },
];

/** Private IPv4 addresses, loopback with a port, and internal host names. */
export const internalAddressLeakDetector: LeakDetector = ruleLeakDetector(
  'internal-address',
  RULES,
);
