import type { ProbeAnswer } from './audit.http.js';

/** The server stacks whose own settings a fix hint can name; `unknown` gets the general advice. */
export type Framework =
  'nest' | 'express' | 'fastify' | 'flask' | 'django' | 'unknown';

/** What a framework is called in the report. */
export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  nest: 'NestJS',
  express: 'Express',
  fastify: 'Fastify',
  flask: 'Flask (Werkzeug)',
  django: 'Django',
  unknown: 'unknown framework',
};

const SNIFFED_LENGTH = 4096;

function header(answer: ProbeAnswer, name: string): string {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** The framework one answer shows, from its headers and its 404 wording. */
function frameworkOf(answer: ProbeAnswer): Framework | undefined {
  const body = answer.body.subarray(0, SNIFFED_LENGTH).toString('utf8');
  const server = header(answer, 'server');
  // Nest's 404 (on Express and on Fastify) and this library's opaque 500.
  if (
    /"message":\s?"Cannot [A-Z]+ \//.test(body) &&
    /"statusCode":\s?404\b/.test(body)
  )
    return 'nest';
  if (/"requestId":/.test(body) && header(answer, 'x-request-id') !== '')
    return 'nest';
  // Nest's own frames or exception classes in a dump (an app whose filter leaks them).
  if (
    /node_modules\/@nestjs\/|\b(?:NotFound|BadRequest|Http)Exception\b/.test(
      body,
    )
  )
    return 'nest';
  if (/"message":\s?"Route [A-Z]+:[^"]{0,300} not found"/.test(body))
    return 'fastify';
  if (/^Werkzeug\//i.test(server) || /\bWerkzeug Debugger\b/.test(body))
    return 'flask';
  if (
    /\bDjango\b|\bURLconf\b/.test(body) ||
    /The requested resource was not found on this server\./.test(body)
  )
    return 'django';
  if (/<pre>Cannot [A-Z]+ \//.test(body)) return 'express';
  if (/^Express$/i.test(header(answer, 'x-powered-by'))) return 'express';
  return undefined;
}

/**
 * The framework the answers point to, so fix hints can name its settings. The answers are read in
 * probe order; the first that says which framework it is decides.
 */
export function detectFramework(answers: readonly ProbeAnswer[]): Framework {
  for (const answer of answers) {
    const found = frameworkOf(answer);
    if (found !== undefined) return found;
  }
  return 'unknown';
}
