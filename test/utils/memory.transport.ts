import TransportStream from 'winston-transport';

const MESSAGE = Symbol.for('message');

/** One parsed log line. */
export type LogRecord = Record<string, unknown> & {
  level: string;
  message: string;
};

/** Keeps every formatted line in memory, as an operator's log file would hold them. */
export class MemoryTransport extends TransportStream {
  readonly lines: string[] = [];

  override log(info: Record<symbol, unknown>, next: () => void): void {
    this.lines.push(String(info[MESSAGE]));
    next();
  }

  records(): LogRecord[] {
    return this.lines.map((line) => JSON.parse(line) as LogRecord);
  }

  /** Records that carry this request ID. */
  withRequestId(requestId: string): LogRecord[] {
    return this.records().filter((r) => r.requestId === requestId);
  }
}
