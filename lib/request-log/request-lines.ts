import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { read } from '../common/exception-inspection.js';
import { routeOf, scrubQuery, userIdOf } from '../filter/request-info.js';
import { LogSink, toSinkLevel } from '../logging/log-sink.js';
import { SafeErrorsConfig } from '../module/safe-errors.config.js';
import {
  requestContext,
  type RequestContextStore,
} from '../request-id/request-context.js';
import { LOG_LEVELS } from '../logging/logger.options.js';
import type { SafeErrorsLogLevel } from '../logging/redacting-logger.interfaces.js';
import {
  defaultRequestLevel,
  type ParsedRequestLog,
} from './request-log.options.js';

// What every request line carries as its context.
const CONTEXT = 'RequestLog';

type Write = ServerResponse['write'];
type End = ServerResponse['end'];

function byteLength(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string')
    return Buffer.byteLength(
      chunk,
      typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
    );
  const length = (chunk as { byteLength?: unknown } | null)?.byteLength;
  return typeof length === 'number' ? length : 0;
}

/**
 * Counts the body bytes handed to Node's response, whoever writes them (Express, Fastify, a pipe, a
 * compression middleware's output): Node keeps no such count, and a Content-Length is often absent.
 */
function countBody(res: ServerResponse): () => number {
  let bytes = 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    bytes += read(() => byteLength(args[0], args[1])) ?? 0;
    return write(...args);
  }) as Write;
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function')
      bytes += read(() => byteLength(args[0], args[1])) ?? 0;
    return end(...args);
  }) as End;
  return () => bytes;
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

function isIgnored(options: ParsedRequestLog, path: string): boolean {
  for (const pattern of options.ignorePaths) {
    if (typeof pattern === 'string') {
      if (pattern === path) return true;
      continue;
    }
    // A /g or /y pattern keeps its place between tests; each path is tested from its start.
    pattern.lastIndex = 0;
    if (pattern.test(path)) return true;
  }
  return false;
}

/**
 * @internal The `requestLog` option: one line per finished request, written when Node's response closes,
 * with what the platform knew by then (its route, the user a guard set).
 */
@Injectable()
export class RequestLines {
  constructor(
    private readonly config: SafeErrorsConfig,
    private readonly sink: LogSink,
  ) {}

  /** Starts the clock and the byte count of one request; called once, as the request gets its ID. */
  track(
    req: IncomingMessage,
    res: ServerResponse,
    store: RequestContextStore,
  ): void {
    const options = this.config.requestLog;
    if (!options) return;
    if (isIgnored(options, pathOf(req.url))) return;
    const started = performance.now();
    const bytes = countBody(res);
    res.once('close', () =>
      requestContext.run(store, () =>
        this.write(options, req, res, store, started, bytes()),
      ),
    );
  }

  private write(
    options: ParsedRequestLog,
    req: IncomingMessage,
    res: ServerResponse,
    store: RequestContextStore,
    started: number,
    responseSize: number,
  ): void {
    try {
      const statusCode = res.statusCode;
      const level = this.levelFor(options, statusCode);
      if (level === false) return;
      const request = store.request ?? req;
      const method = req.method ?? '';
      const url =
        (req as IncomingMessage & { originalUrl?: string }).originalUrl ??
        req.url ??
        '';
      const route = routeOf(request);
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const finished = res.writableFinished;
      const fields: Record<string, unknown> = {
        method,
        url: scrubQuery(url, this.config.censor),
      };
      if (route !== undefined) fields.route = route;
      fields.statusCode = statusCode;
      fields.durationMs = durationMs;
      fields.responseSize = responseSize;
      const userId = userIdOf(request);
      if (userId !== undefined) fields.userId = userId;
      if (!finished) fields.aborted = true;
      const message = `${method} ${route ?? pathOf(url)} ${statusCode} ${durationMs}ms${
        finished ? '' : ' (closed before the response ended)'
      }`;
      this.sink.write(
        toSinkLevel(level),
        message,
        fields,
        CONTEXT,
        store.requestId,
      );
    } catch {
      // a request line never fails the request it describes
    }
  }

  /** The caller's level for this status; the default should its function throw or return nonsense. */
  private levelFor(options: ParsedRequestLog, statusCode: number) {
    const level = read(() => options.level(statusCode));
    if (level === false) return false;
    return toSinkLevel(
      LOG_LEVELS.includes(level as SafeErrorsLogLevel)
        ? (level as SafeErrorsLogLevel)
        : defaultRequestLevel(statusCode),
    );
  }
}
