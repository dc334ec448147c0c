import {
  ruleLeakDetector,
  type MatchRule,
  type LeakDetector,
} from './leak-detector.js';

// Roots that are directories on a server, never API routes in practice.
const SYSTEM_ROOTS: ReadonlySet<string> = new Set([
  'home',
  'usr',
  'opt',
  'var',
  'srv',
  'Users',
  'tmp',
  'etc',
  'root',
  'mnt',
  'private',
  'proc',
  'Library',
  'nix',
  'snap',
  'lib',
  'lib64',
  'sbin',
  'workspace',
  'builds',
]);
// Roots that are also plausible routes (`/app/settings`): a path under them must name a source file.
const APP_ROOTS: ReadonlySet<string> = new Set([
  'app',
  'apps',
  'src',
  'code',
  'work',
  'build',
  'dist',
  'deploy',
  'project',
  'projects',
  'service',
  'services',
  'server',
  'www',
]);
// Files a server runs or reads; images and stylesheets are left out, they are what URLs point at.
const SOURCE_FILE =
  /\.(?:[cm]?[jt]sx?|json|py|pyc|rb|php|java|class|jar|war|kt|scala|go|rs|cs|dll|exe|so|ex|exs|erl|pl|sh|env|ini|conf|cfg|ya?ml|toml|xml|properties|log|sql|sqlite3?|db|pem|key|crt|lock|node)$/;
// Server-side sources are a path wherever they are: `/orders/api/orders.py`.
const SERVER_SOURCE_FILE =
  /\.(?:[cm]?ts|tsx|mjs|cjs|py|pyc|rb|java|kt|scala|go|rs|cs|ex|exs|erl|pl)$/;
const ANY_EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,9}$/;

function isServerPath(match: RegExpExecArray): boolean {
  const path = match[0];
  const segments = path.split('/').filter((s) => s !== '');
  const root = segments[0] ?? '';
  const last = segments.at(-1) ?? '';
  if (segments.includes('node_modules')) return true;
  if (SYSTEM_ROOTS.has(root)) {
    return (
      ANY_EXTENSION.test(last) ||
      segments.length >= 3 ||
      (root === 'etc' && segments.length >= 2)
    );
  }
  if (APP_ROOTS.has(root)) return SOURCE_FILE.test(last);
  return segments.length >= 2 && SERVER_SOURCE_FILE.test(last);
}

const RULES: readonly MatchRule[] = [
  // An absolute POSIX path, standing alone: not inside a URL (`host/app/x`), not an HTML attribute
  // (`src="/app/x.js"`), not the route in Nest's and Express's 404 message (`Cannot GET /home/feed`)
  // nor in Express's redirect body (`Redirecting to <a href="/home/x">/home/x</a>`).
  {
    pattern:
      /(?<![\w.~:/=@%+-]|=["']|Cannot [A-Z]{3,10} |Redirecting to |Redirecting to <a href="[^"<>]{0,2048}">)\/(?=([A-Za-z0-9_.@~+-]{1,100}(?:\/[A-Za-z0-9_.@~+-]{0,100}){0,60}))\1/g,
    accept: isServerPath,
  },
  // Windows: `C:\src\App\Orders.cs`, `D:\\app\\x.js` (escaped), `C:\app.log`. Only tried after `X:\`.
  { pattern: /(?<![A-Za-z0-9])[A-Za-z]:\\{1,2}[\w$ .()-]{1,200}?\\/g },
  {
    pattern:
      /(?<![A-Za-z0-9])[A-Za-z]:\\{1,2}[\w$.()-]{1,200}\.[A-Za-z0-9]{1,8}\b/g,
  },
  { pattern: /\bfile:\/\/\/?(?=([^\s"'<>]{1,400}))\1/g },
  { pattern: /\bnode_modules\b/g },
  { pattern: /\b(?:site|dist)-packages\b/g },
];

/** Absolute server paths: POSIX, Windows, `file://` URLs, `node_modules`, Python's `site-packages`. */
export const filePathLeakDetector: LeakDetector = ruleLeakDetector(
  'file-path',
  RULES,
);
