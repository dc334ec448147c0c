/** @internal How a fault reached the process. */
export type FaultOrigin = 'uncaughtException' | 'unhandledRejection';

/** @internal Where a module writes a fault: one fatal line, then everything it holds flushed. */
export interface FaultTarget {
  /** Writes the fault as one redacted line; never throws. */
  report(origin: FaultOrigin, fault: unknown): void;
  /** Resolves once every line is written, or the logger's close timeout has passed. */
  flush(): Promise<void>;
}

// A flush that never settles must not keep a failed process alive.
const EXIT_DEADLINE_MS = 10_000;
// The modes of --unhandled-rejections in which Node goes on after a rejection nobody handled.
const REJECTION_MODE = /--unhandled-rejections[= ]([a-z-]+)/;

// One set of listeners for the whole process; the module booted last writes the line.
const targets: FaultTarget[] = [];
const ours = new Map<FaultOrigin, (fault: unknown) => void>();
let exiting = false;

function rejectionMode(): string {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  return REJECTION_MODE.exec(flags)?.[1] ?? 'throw';
}

function handle(origin: FaultOrigin, fault: unknown): void {
  // A listener of the app's added since: the fault is the app's to handle, and to log.
  if (process.listenerCount(origin) > 1) return;
  const target = targets.at(-1);
  if (target) {
    try {
      target.report(origin, fault);
    } catch {
      // report() never throws; if it did, Node's outcome below still holds
    }
  }
  let exit = origin === 'uncaughtException';
  if (!exit) {
    const mode = rejectionMode();
    if (mode === 'warn-with-error-code') process.exitCode = 1;
    exit = mode === 'throw' || mode === 'strict';
  }
  if (!exit || exiting) return;
  exiting = true;
  process.exitCode = 1;
  const leave = () => process.exit(1);
  setTimeout(leave, EXIT_DEADLINE_MS);
  if (!target) return leave();
  target.flush().then(leave, leave);
}

/**
 * @internal Writes a process's uncaught exceptions and unhandled rejections through `target` instead of
 * Node's raw stack on stderr, and keeps Node's outcome (exit code 1 where Node would exit). An event the
 * process already listens for is left to its listeners. Returns what disarms it again.
 */
export function armLastResort(target: FaultTarget): () => void {
  targets.push(target);
  for (const origin of ['uncaughtException', 'unhandledRejection'] as const) {
    if (ours.has(origin) || process.listenerCount(origin) > 0) continue;
    const listener = (fault: unknown) => handle(origin, fault);
    ours.set(origin, listener);
    process.on(origin, listener);
  }
  return () => {
    const index = targets.indexOf(target);
    if (index >= 0) targets.splice(index, 1);
    if (targets.length > 0 || exiting) return;
    for (const [origin, listener] of ours) process.off(origin, listener);
    ours.clear();
  };
}
