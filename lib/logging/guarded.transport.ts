import TransportStream from 'winston-transport';

/** @internal Lines handed to a transport's `log()` and not yet acknowledged, across a sink's transports. */
export interface InFlight {
  count: number;
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
    private readonly inFlight: InFlight,
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
    // winston-transport's readable-stream has no writableFinished: the event is the one sure sign.
    inner.once('finish', () => {
      this.innerFinished = true;
    });
  }

  private innerFinished = false;

  override log(info: unknown, next: () => void): void {
    let called = false;
    this.inFlight.count++;
    const once = () => {
      if (called) return;
      called = true;
      this.inFlight.count--;
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
