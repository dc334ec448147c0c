import { DEFAULT_CENSOR } from '../redaction/redact.constants.js';
import { connectionStringLeakDetector } from './leak-detectors/connection-string.leak-detector.js';
import { debugPageLeakDetector } from './leak-detectors/debug-page.leak-detector.js';
import {
  exceptionTypeLeakDetector,
  isErrorNameField,
  isExceptionProperty,
} from './leak-detectors/exception-type.leak-detector.js';
import { filePathLeakDetector } from './leak-detectors/file-path.leak-detector.js';
import { internalAddressLeakDetector } from './leak-detectors/internal-address.leak-detector.js';
import { flattenJson, type JsonProperty } from './json-body.js';
import { EvidenceMasker, ScannedText } from './leak-evidence.js';
import {
  LEAK_KINDS,
  type FindLeaksOptions,
  type LeakFinding,
  type LeakKind,
} from './leak.types.js';
import {
  findPlanted,
  plantedVariants,
} from './leak-detectors/planted-secret.leak-detector.js';
import { findRawMessage } from './leak-detectors/raw-message.leak-detector.js';
import { readResponse, type ResponseLike } from './response-like.js';
import { sqlLeakDetector } from './leak-detectors/sql.leak-detector.js';
import { stackTraceLeakDetector } from './leak-detectors/stack-trace.leak-detector.js';
import type { LeakDetector } from './leak-detectors/leak-detector.js';
import {
  isBannerHeader,
  versionBannerLeakDetector,
} from './leak-detectors/version-banner.leak-detector.js';

const LEAK_DETECTORS: readonly LeakDetector[] = [
  stackTraceLeakDetector,
  exceptionTypeLeakDetector,
  filePathLeakDetector,
  versionBannerLeakDetector,
  sqlLeakDetector,
  connectionStringLeakDetector,
  internalAddressLeakDetector,
  debugPageLeakDetector,
];

// Headers whose values are URLs: a path in them is a route, not a file on the server.
const URL_HEADERS: ReadonlySet<string> = new Set([
  'location',
  'content-location',
  'link',
  'refresh',
  'set-cookie',
]);
// Cookies carry this client's own session by design; a session ID there is not a leak.
const OWN_CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['set-cookie']);
const PREVIEW_LENGTH = 300;

interface Candidate extends LeakFinding {
  readonly order: number;
}

function checkOptions(options: FindLeaksOptions): void {
  const secrets: unknown = options.secrets ?? [];
  if (!Array.isArray(secrets) || secrets.some((s) => typeof s !== 'string')) {
    throw new TypeError(
      'findLeaks: options.secrets must be an array of strings',
    );
  }
  // A one- or two-letter "secret" would match ordinary text and could not be masked in evidence.
  const short = (secrets as string[]).find((s) => s.length < 3);
  if (short !== undefined) {
    throw new TypeError(
      `findLeaks: options.secrets must be at least 3 characters long, got ${JSON.stringify(short)}`,
    );
  }
  const hosts: unknown = options.ownHosts ?? [];
  if (!Array.isArray(hosts) || hosts.some((h) => typeof h !== 'string')) {
    throw new TypeError(
      'findLeaks: options.ownHosts must be an array of strings',
    );
  }
  for (const kind of options.ignore ?? []) {
    if (!(LEAK_KINDS as readonly string[]).includes(kind)) {
      throw new TypeError(
        `findLeaks: unknown kind in options.ignore: ${String(kind)}`,
      );
    }
  }
}

// The client's own host echoed back (`Request URL: http://127.0.0.1:8000/x`) is not the server's secret:
// blanked, same length, for the address detector only, so offsets still point into the real text.
function withoutOwnHosts(text: string, hosts: readonly string[]): string {
  let out = text;
  for (const host of hosts) {
    if (host.length >= 3) out = out.split(host).join(' '.repeat(host.length));
  }
  return out;
}

function errorNameProperty(value: unknown): JsonProperty | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return undefined;
  const nested = (value as Record<string, unknown>)['error'];
  for (const object of [value, nested]) {
    if (object === null || typeof object !== 'object') continue;
    for (const [key, item] of Object.entries(object).slice(0, 50)) {
      if (isErrorNameField(key, item)) return { key, value: item };
    }
  }
  return undefined;
}

function preview(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, PREVIEW_LENGTH);
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, PREVIEW_LENGTH);
  } catch {
    return String(value).slice(0, PREVIEW_LENGTH);
  }
}

/**
 * Every sign of internals in one response: stack traces, exception types, a 5xx's own error message,
 * server paths, version banners, SQL, connection strings, secrets, internal addresses, debug pages, and
 * strings a test planted. Each kind is reported at most once per place (a header or the body), so a
 * 40-frame stack is one finding.
 * Synchronous and linear in the size of the response.
 */
export function findLeaks(
  response: ResponseLike,
  options: FindLeaksOptions = {},
): LeakFinding[] {
  checkOptions(options);
  const read = readResponse(response);
  const ignored = new Set<LeakKind>(options.ignore ?? []);
  const skippedHeaders = new Set(
    (options.ignoreHeaders ?? []).map((h) => h.toLowerCase()),
  );
  const planted = (options.secrets ?? [])
    .filter((s) => s !== '')
    .map(plantedVariants);
  const masker = new EvidenceMasker(
    options.censor ?? DEFAULT_CENSOR,
    planted.flat(),
  );
  const headers = read.headers.filter((h) => !skippedHeaders.has(h.name));
  const ownHosts = options.ownHosts ?? [];
  const scan = (detector: LeakDetector, text: string) =>
    detector.find(
      detector === internalAddressLeakDetector
        ? withoutOwnHosts(text, ownHosts)
        : text,
    );

  const places = [...headers.map((h) => `header:${h.name}`), 'body'];
  const found = new Map<string, Candidate>();
  const report = (
    kind: LeakKind,
    text: ScannedText,
    start: number,
    end: number,
    tag = '',
  ): void => {
    const key = `${text.where}\u0000${kind}\u0000${tag}`;
    if (ignored.has(kind) || found.has(key)) return;
    const order = places.indexOf(text.where) * 1000 + LEAK_KINDS.indexOf(kind);
    found.set(key, {
      kind,
      where: text.where,
      evidence: text.evidence(start, end),
      order,
    });
  };
  const wants = (kind: LeakKind, where: string, tag = ''): boolean =>
    !ignored.has(kind) && !found.has(`${where}\u0000${kind}\u0000${tag}`);

  const headerTexts = headers.map(
    (h) => new ScannedText(h.value, `header:${h.name}`, masker),
  );
  const rawBody = new ScannedText(read.bodyText, 'body', masker);
  const flat =
    read.json === undefined ? undefined : flattenJson(read.json.value);
  const flatBody =
    flat === undefined ? undefined : new ScannedText(flat.text, 'body', masker);
  const bodyTexts = flatBody === undefined ? [rawBody] : [flatBody, rawBody];

  // Secrets first: every value they find is then masked in all evidence, wherever it shows up.
  const secretTexts = [
    ...headerTexts.filter(
      (_, i) => !OWN_CREDENTIAL_HEADERS.has(headers[i]!.name),
    ),
    ...bodyTexts,
  ];
  for (const text of secretTexts) {
    for (const leak of text.secretLeaks())
      masker.remember(text.text.slice(leak.start, leak.end));
  }
  for (const text of secretTexts) {
    for (const leak of text.secretLeaks())
      report(leak.kind, text, leak.start, leak.end);
  }

  headerTexts.forEach((text, i) => {
    const { name, value } = headers[i]!;
    if (isBannerHeader(name, value))
      report('version-banner', text, 0, value.length);
    for (const detector of LEAK_DETECTORS) {
      if (detector === filePathLeakDetector && URL_HEADERS.has(name)) continue;
      if (!wants(detector.kind, text.where)) continue;
      const match = scan(detector, value);
      if (match) report(detector.kind, text, match.start, match.end);
    }
  });

  const bodyText = flatBody ?? rawBody;
  for (const detector of LEAK_DETECTORS) {
    if (!wants(detector.kind, 'body')) continue;
    const match = scan(detector, bodyText.text);
    if (match) report(detector.kind, bodyText, match.start, match.end);
  }
  const status =
    typeof response.status === 'number' ? response.status : undefined;
  if (flat !== undefined && wants('exception-type', 'body')) {
    const property =
      flat.properties.find((p: JsonProperty) => isExceptionProperty(p)) ??
      (status !== undefined && status >= 400
        ? errorNameProperty(read.json!.value)
        : undefined);
    if (property !== undefined) {
      const text = new ScannedText(
        `${property.key}: ${preview(property.value)}`,
        'body',
        masker,
      );
      report('exception-type', text, 0, property.key.length);
    }
  }

  if (wants('raw-message', 'body')) {
    const raw = findRawMessage(status, read.json, read.bodyText);
    if (raw !== undefined) {
      const shown =
        raw.key === undefined ? raw.text : `${raw.key}: ${raw.text}`;
      const text = new ScannedText(preview(shown), 'body', masker);
      report('raw-message', text, 0, text.text.length);
    }
  }

  if (!ignored.has('planted-secret')) {
    // The unescaped JSON text too: PHP writes `\/`, Python `\u00e4`, so a raw search misses them.
    for (const text of [...headerTexts, ...bodyTexts]) {
      for (const match of findPlanted(text.text, planted)) {
        report(
          'planted-secret',
          text,
          match.start,
          match.end,
          String(match.index),
        );
      }
    }
  }

  return [...found.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ kind, where, evidence }) => ({ kind, where, evidence }));
}
