import {
  ruleLeakDetector,
  type MatchRule,
  type LeakDetector,
} from './leak-detector.js';

// A name standing alone, not a segment of a URL path (`/shipping/express/1`).
const START = String.raw`(?<![\w./-])`;
const VERSION = String.raw`v?\d{1,4}(?:\.\d{1,6}){0,3}\b`;
// Products whose name is only ever a product: `Django 4.2`, `PHP 8.2`, `Spring Boot 3.1`.
const PRODUCTS = String.raw`Werkzeug|PHP|nginx|Apache Tomcat|Tomcat|Jetty|Kestrel|Microsoft-IIS|IIS|gunicorn|uvicorn|Hypercorn|Django|Spring Boot|Spring Framework|Laravel|Symfony|ASP\.NET(?: Core| MVC)?|OpenResty|LiteSpeed|Tengine|JBoss|WildFly|GlassFish|WebLogic|WebSphere|Phusion Passenger|Undertow|NestJS|Fastify|Varnish|HAProxy|Traefik|Envoy|Caddy|Puma|Passenger`;
// Names that are also words or languages, so a version alone is not enough (`Express 2.99` is a price).
const AMBIGUOUS = String.raw`Express|Python|Ruby|Rails|Flask|Koa|Hapi|Node(?:\.js)?|Java|OpenJDK|Go|Perl|Deno|Bun|Apache|Spring`;

const RULES: readonly MatchRule[] = [
  // The Server-header form: `nginx/1.25.3`, `Werkzeug/3.0.1 Python/3.11.4`, `PHP/8.2.1`.
  {
    pattern: new RegExp(
      String.raw`${START}(?:${PRODUCTS}|${AMBIGUOUS})/${VERSION}`,
      'gi',
    ),
  },
  {
    pattern: new RegExp(
      String.raw`${START}(?:${PRODUCTS})(?: version:?)? v?\d{1,4}\.\d{1,6}(?:\.\d{1,6}){0,2}\b`,
      'gi',
    ),
  },
  // Ambiguous names need a full x.y.z version: `Express 4.18.2`, `Python 3.11.4`.
  {
    pattern: new RegExp(
      String.raw`${START}(?:${AMBIGUOUS})(?: version:?)? v?\d{1,4}\.\d{1,6}\.\d{1,6}\b`,
      'gi',
    ),
  },
];

/** Framework and server names with a version, in a body or a header value. */
export const versionBannerLeakDetector: LeakDetector = ruleLeakDetector(
  'version-banner',
  RULES,
);

// Headers that exist only to announce the stack.
const BANNER_HEADERS: ReadonlySet<string> = new Set([
  'x-powered-by',
  'x-aspnet-version',
  'x-aspnetmvc-version',
  'x-powered-cms',
]);
// `nginx/1.25.3`, `Apache/2.4.57 (Ubuntu)`, `Microsoft-IIS/10.0`; a bare `nginx` or `cloudflare` is fine.
const VERSIONED =
  /\/\s?v?\d{1,4}(?:\.\d{1,6})*\b|(?:^|[\s(])v?\d{1,4}(?:\.\d{1,6})+\b/;
const VERSIONED_HEADERS: ReadonlySet<string> = new Set([
  'server',
  'x-generator',
  'x-server',
]);

/** Whether a response header gives the stack away by its name alone, or as a versioned server banner. */
export function isBannerHeader(name: string, value: string): boolean {
  if (value.trim() === '') return false;
  if (BANNER_HEADERS.has(name)) return true;
  return VERSIONED_HEADERS.has(name) && VERSIONED.test(value);
}
