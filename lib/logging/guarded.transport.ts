import TransportStream from 'winston-transport';

const REPORTERS = Symbol('nestjs-safe-errors.fileStreamReporters');

interface FileLike {
  _createStream?: (...args: unknown[]) => unknown;
  _dest?: { on?(event: 'error', l: (e: unknown) => void): unknown };
  [REPORTERS]?: Set<(err: unknown) => void>;
}

// Settings winston reads on the transport it pipes to: read live from the caller's transport.
const FORWARDED = ['level', 'silent', 'format', 'handleExceptions'] as const;

/**
 * @internal Stands between winston and a caller's transport, which it never changes: a `log()` that throws
 * cannot take the request, the filter or the process with it, and every line is counted until the
 * transport acknowledges it (winston's batched writes report a batch done before its lines are).
 */
export class GuardedTransport extends TransportStream {
  constructor(
    readonly inner: TransportStream,
    private readonly report: (err: unknown) => void,
  ) {
    super();
    for (const name of FORWARDED) {
      Object.defineProperty(this, name, {
        get: () => inner[name],
        set: (value: unknown) => {
          (inner as unknown as Record<string, unknown>)[name] = value;
        },
        configurable: true,
        enumerable: true,
      });
    }
    inner.on('error', report);
    this.watchDestination();
    // winston-transport's readable-stream has no writableFinished: the event is the one sure sign.
    inner.once('finish', () => {
      this.innerFinished = true;
    });
  }

  private innerFinished = false;
  private pending = 0;

  /** Lines handed to the transport's `log()` and not yet acknowledged. */
  get inFlight(): number {
    return this.pending;
  }

  // winston's File transport swallows its file stream's errors (a full disk, a path that is a directory):
  // every line would be lost with nothing said. It opens that stream later, and again at each rotation,
  // so the one change made to a caller's transport is a listener on each stream it creates.
  private watchDestination(): void {
    try {
      const file = this.inner as unknown as FileLike;
      if (typeof file._createStream !== 'function') return;
      let reporters = file[REPORTERS];
      if (!reporters) {
        reporters = file[REPORTERS] = new Set();
        const all = reporters;
        const relay = (err: unknown) => {
          for (const report of all) report(err);
        };
        // A transport made long before this logger may have opened its file already.
        file._dest?.on?.('error', relay);
        const create = file._createStream;
        file._createStream = function (this: unknown, ...args: unknown[]) {
          const dest = create.apply(this, args) as
            | { on?(event: 'error', l: (e: unknown) => void): unknown }
            | undefined;
          dest?.on?.('error', relay);
          return dest;
        };
      }
      reporters.add(this.report);
    } catch {
      // a transport of another shape: nothing to watch
    }
  }

  override log(info: unknown, next: () => void): void {
    let called = false;
    this.pending++;
    const once = () => {
      if (called) return;
      called = true;
      this.pending--;
      next();
    };
    try {
      this.inner.log?.(info, once);
    } catch (err) {
      this.report(err);
      once();
    }
  }

  // winston calls this when the transport is removed; it is the caller's transport that holds resources.
  override close(): void {
    this.inner.off('error', this.report);
    (this.inner as unknown as FileLike)[REPORTERS]?.delete(this.report);
    this.inner.close?.();
  }

  // Ends the caller's transport too, as winston's pipe would have, and finishes once it has.
  override _final(callback: (error?: Error | null) => void): void {
    // A transport shared with another logger may have finished already.
    if (this.innerFinished) return callback();
    this.inner.once('finish', () => callback()).once('error', () => callback());
    this.inner.end();
  }
}
