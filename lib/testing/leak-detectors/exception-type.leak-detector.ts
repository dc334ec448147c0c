import { STATUS_CODES } from 'node:http';
import { normalizeKey } from '../../common/normalize-key.js';
import type { JsonProperty } from '../json-body.js';
import { stackTraceLeakDetector } from './stack-trace.leak-detector.js';
import {
  ruleLeakDetector,
  type MatchRule,
  type LeakDetector,
} from './leak-detector.js';

// HTTP reason phrases written as codes (`"code":"NotFoundError"`) are deliberate, public vocabulary.
const REASON_CODE =
  /^(?:BadRequest|Unauthorized|PaymentRequired|Forbidden|NotFound|MethodNotAllowed|NotAcceptable|RequestTimeout|Conflict|Gone|PayloadTooLarge|UnsupportedMediaType|UnprocessableEntity|TooManyRequests|InternalServer|NotImplemented|BadGateway|ServiceUnavailable|GatewayTimeout)Error$/;

function notReasonCode(match: RegExpExecArray): boolean {
  return !REASON_CODE.test(match[0]);
}

const RULES: readonly MatchRule[] = [
  // CamelCase class names ending in Error or Exception: TypeError, QueryFailedError, NullPointerException.
  // A bare "Error" or "Exception" (English) never matches: something must come before the suffix.
  {
    pattern: /\b[A-Z][A-Za-z0-9]{0,80}?(?:Error|Exception)\b/g,
    accept: notReasonCode,
  },
  // Driver and framework exceptions named by module: psycopg2.errors.UndefinedColumn, sqlalchemy.exc.X.
  {
    pattern:
      /\b(?:psycopg2?|psycopg|pymysql|MySQLdb|sqlalchemy|django|asyncpg|sqlite3|pymongo|redis|werkzeug)\.(?:[a-z_]{1,40}\.){0,4}[A-Z][A-Za-z0-9_]{1,80}\b/g,
  },
  {
    pattern:
      /\b(?:ActiveRecord|ActionController|ActionView|ActiveModel|ActiveSupport)::[A-Z]\w{1,80}/g,
  },
  // V8's messages for the commonest bugs name the failing expression.
  {
    pattern: /\bCannot (?:read|set) propert(?:y|ies) of (?:undefined|null)\b/g,
  },
  // Anchored on the phrase itself: trying every word start as the callee's name would not be linear.
  // A member call or a call's result (`obj.run`, `fn()`), so prose such as "is not a function of" is not one.
  { pattern: /(?:[\w$]\.[\w$]{1,80}|[\w$\]]\)) is not a function\b/g },
  { pattern: /\bMaximum call stack size exceeded\b/g },
];

/** Exception class names and runtime error messages in free text. */
export const exceptionTypeLeakDetector: LeakDetector = ruleLeakDetector(
  'exception-type',
  RULES,
);

// Keys that only an exception dump has.
const EXCEPTION_KEYS: ReadonlySet<string> = new Set([
  'stacktrace',
  'stackframes',
  'exception',
  'exceptiontype',
  'exceptionclass',
  'exceptionname',
  'exceptionmessage',
  'innerexception',
  'backtrace',
  'traceback',
  'errorstack',
]);
// Keys that hold a stack in an error dump, but other things elsewhere (a trace ID, a tech stack).
const STACK_KEYS: ReadonlySet<string> = new Set(['stack', 'trace']);
// Keys whose value leaks only when it is an exception's class name.
const NAME_KEYS: ReadonlySet<string> = new Set([
  'type',
  'name',
  'error',
  'errortype',
  'errorname',
  'errorclass',
  'class',
  'classname',
  'kind',
]);

const CLASS_LIKE =
  /^(?:[A-Za-z_$][\w$]{0,100}(?:\.|::)){0,20}[A-Z][A-Za-z0-9_$]{0,100}(?:Error|Exception|Fault)$/;
const QUALIFIED_DRIVER_CLASS =
  /^(?:[a-z_][a-z0-9_]{0,40}\.){2,10}[A-Z][A-Za-z0-9_]{1,80}$/;

function isNonEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '')
    return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function looksLikeFrame(item: unknown): boolean {
  if (typeof item === 'string') {
    return (
      stackTraceLeakDetector.find(item) !== undefined ||
      /:\d{1,7}(?::\d{1,7})?\)?$/.test(item)
    );
  }
  return (
    item !== null &&
    typeof item === 'object' &&
    ['file', 'fileName', 'filename', 'line', 'lineNumber'].some(
      (k) => k in item,
    )
  );
}

function looksLikeStack(value: unknown): boolean {
  // An array is a stack when its items are frames; `"stack": ["react", "node"]` is a tech stack.
  if (Array.isArray(value)) return value.slice(0, 20).some(looksLikeFrame);
  if (value !== null && typeof value === 'object')
    return Object.keys(value).length > 0;
  if (typeof value !== 'string') return false;
  return (
    value.includes('\n') ||
    stackTraceLeakDetector.find(value) !== undefined ||
    exceptionTypeLeakDetector.find(value) !== undefined
  );
}

function isClassName(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 300) return false;
  if (CLASS_LIKE.test(value)) return !REASON_CODE.test(value);
  return QUALIFIED_DRIVER_CLASS.test(value);
}

/** Whether a JSON property is part of an exception dump: `stack`, `trace`, `exception`, `type: "TypeError"`… */
export function isExceptionProperty({ key, value }: JsonProperty): boolean {
  const normalized = normalizeKey(key);
  if (EXCEPTION_KEYS.has(normalized)) return isNonEmpty(value);
  if (STACK_KEYS.has(normalized)) return looksLikeStack(value);
  if (NAME_KEYS.has(normalized)) return isClassName(value);
  return false;
}

// `NotFound`, `MethodNotAllowed`: reason phrases, which Werkzeug and others also use as class names.
const REASON_NAMES: ReadonlySet<string> = new Set(
  Object.values(STATUS_CODES).map((phrase) =>
    (phrase ?? '').replace(/[^A-Za-z]/g, ''),
  ),
);
// A class name without the Error suffix (`UndefinedColumn`, `IntegrityViolation`): two humps or more.
const PASCAL_CASE = /^[A-Z][a-z0-9]{1,40}(?:[A-Z][a-z0-9]{0,40}){1,10}$/;
// The name keys without `error` (a human phrase in Nest's and Fastify's bodies) and `kind`.
const ERROR_NAME_KEYS: ReadonlySet<string> = new Set(
  [...NAME_KEYS].filter((key) => key !== 'error' && key !== 'kind'),
);

/**
 * In an error answer (4xx, 5xx), a `type` or `name` field that holds a class name, even one without
 * the Error suffix: `{"type": "UndefinedColumn"}` is `type(e).__name__`.
 */
export function isErrorNameField(key: string, value: unknown): boolean {
  if (typeof value !== 'string' || !ERROR_NAME_KEYS.has(normalizeKey(key)))
    return false;
  if (isClassName(value)) return true;
  return PASCAL_CASE.test(value) && !REASON_NAMES.has(value);
}
