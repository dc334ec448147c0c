import { Writable } from 'node:stream';
import winston from 'winston';
import TransportStream from 'winston-transport';

const MESSAGE = Symbol.for('message');

/** One parsed log line. */
export type LogRecord = Record<string, unknown> & {
  level: string;
  message: string;
};

/** What both captures offer: the lines, parsed. */
export interface LineCapture {
  readonly lines: string[];
  records(): LogRecord[];
  withRequestId(requestId: string): LogRecord[];
}

function parse(lines: readonly string[]): LogRecord[] {
  return lines.map((line) => JSON.parse(line) as LogRecord);
}

function withId(lines: readonly string[], requestId: string): LogRecord[] {
  return parse(lines).filter((r) => r.requestId === requestId);
}

/**
 * Keeps every line in memory, as an operator's log file would hold them. It is winston's own Stream
 * transport, like the default stdout one, so the logger builds each line itself.
 */
export class MemoryTransport
  extends winston.transports.Stream
  implements LineCapture
{
  readonly lines: string[];

  constructor() {
    const lines: string[] = [];
    super({
      stream: new Writable({
        decodeStrings: false,
        write(chunk: unknown, _encoding, done) {
          lines.push(String(chunk).replace(/\r?\n$/, ''));
          done();
        },
      }),
    });
    this.lines = lines;
  }

  records(): LogRecord[] {
    return parse(this.lines);
  }

  /** Records that carry this request ID. */
  withRequestId(requestId: string): LogRecord[] {
    return withId(this.lines, requestId);
  }
}

/**
 * A transport of the kind third parties write, which reads the record's fields and not only the line:
 * the logger hands it a redacted copy of them.
 */
export class FieldsTransport extends TransportStream implements LineCapture {
  readonly lines: string[] = [];
  readonly infos: Record<string, unknown>[] = [];

  override log(info: Record<string | symbol, unknown>, next: () => void): void {
    this.lines.push(String(info[MESSAGE]));
    this.infos.push(info);
    next();
  }

  records(): LogRecord[] {
    return parse(this.lines);
  }

  withRequestId(requestId: string): LogRecord[] {
    return withId(this.lines, requestId);
  }
}
