import { Writable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';

/**
 * A stream that drops what it is given but counts lines, so a benchmark can wait until every line it
 * logged has really come out of the logger. Strings are not re-encoded: no side pays for a copy.
 */
export class NoopSink extends Writable {
  lines = 0;
  last = '';

  constructor() {
    super({ decodeStrings: false });
  }

  override _write(
    chunk: unknown,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.lines++;
    this.last = chunk as string;
    callback();
  }

  /** Yields to the event loop at least once, and until `count` lines have arrived. */
  async until(count: number): Promise<void> {
    do {
      await turn();
    } while (this.lines < count);
  }
}
