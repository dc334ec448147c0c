import http from 'node:http';
import https from 'node:https';
import type { Probe } from './audit.probes.js';

/** What came back for a probe. */
export interface ProbeAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  /** The body was longer than the audit reads, or the connection broke while it was sent. */
  readonly truncated: boolean;
}

/** A probe's outcome: an answer, or why there was none (`ECONNREFUSED`, `timeout`, …). */
export type ProbeOutcome =
  | { readonly answered: true; readonly answer: ProbeAnswer }
  | { readonly answered: false; readonly error: string };

/** Enough for any error page; a longer body is cut, not buffered. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

function errorCode(error: unknown): string {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  if (typeof code === 'string') return code;
  return typeof message === 'string' ? message : String(error);
}

/**
 * Sends one probe to `target`'s host and port only. Redirects are returned, never followed; the
 * timeout covers connecting, sending and reading the whole answer.
 */
export function sendProbe(
  target: URL,
  probe: Probe,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const transport = target.protocol === 'https:' ? https : http;
  const body =
    probe.body === undefined ? undefined : Buffer.from(probe.body, 'utf8');
  return new Promise<ProbeOutcome>((resolve) => {
    let settled = false;
    let status: number | undefined;
    let headers: ProbeAnswer['headers'] = {};
    const chunks: Buffer[] = [];
    let received = 0;
    let truncated = false;

    const finish = (outcome: ProbeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const answered = (): void =>
      finish({
        answered: true,
        answer: {
          status: status!,
          headers,
          body: Buffer.concat(chunks),
          truncated,
        },
      });
    const failed = (error: unknown): void => {
      // Once the status line is in, a broken connection still leaves an answer to read.
      if (status !== undefined) {
        truncated = true;
        answered();
      } else {
        finish({ answered: false, error: errorCode(error) });
      }
    };

    let request: ReturnType<typeof transport.request>;
    try {
      request = transport.request({
        protocol: target.protocol,
        // URL keeps IPv6 literals in brackets; the socket wants them bare.
        hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: target.port === '' ? undefined : Number(target.port),
        method: probe.method,
        path: probe.path,
        headers: {
          'user-agent': 'safe-errors-audit',
          ...probe.headers,
          ...(body !== undefined && { 'content-length': String(body.length) }),
        },
        // A fresh connection per probe: one broken by a probe cannot affect the next.
        agent: false,
        // Big answers are still answers: Node's 16 KB default would report them as none.
        maxHeaderSize: 64 * 1024,
      });
    } catch (error) {
      // Node refuses some targets or headers before sending anything: no answer, not a crash.
      finish({ answered: false, error: errorCode(error) });
      return;
    }
    const timer = setTimeout(() => {
      request.destroy(new Error('timeout'));
      if (status === undefined) finish({ answered: false, error: 'timeout' });
      else failed(new Error('timeout'));
    }, timeoutMs);

    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      headers = response.headers;
      response.on('data', (chunk: Buffer) => {
        if (received + chunk.length > MAX_BODY_BYTES) {
          chunks.push(chunk.subarray(0, MAX_BODY_BYTES - received));
          received = MAX_BODY_BYTES;
          truncated = true;
          request.destroy();
          answered();
          return;
        }
        chunks.push(chunk);
        received += chunk.length;
      });
      response.on('end', answered);
      response.on('aborted', () => failed(new Error('aborted')));
      response.on('error', failed);
    });
    request.on('error', failed);
    request.on('close', () => {
      // Closed before the body ended: what arrived is still an answer.
      if (status !== undefined && !settled) {
        truncated = true;
        answered();
      }
    });
    // A server may answer (413, 431) and close before reading the whole body; that is an answer.
    request.end(body);
  });
}
