import { ConsoleLogger, Logger, type LoggerService } from '@nestjs/common';
import { RedactingLogger } from './redacting.logger.js';

// Nest keeps the logger every `new Logger()` writes through in a static field it does not publish.
const NestLogger = Logger as unknown as { staticInstanceRef?: LoggerService };
// Nest's context for a failure that ends the boot (a provider's factory that throws): the process exits next.
const BOOT_FAILURE_CONTEXT = 'ExceptionHandler';

type Method = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/**
 * What Nest's static logger points at while the library routes it: the logger of the module booted last,
 * or, before any module exists and after the last one shut down, a default one (JSON to stdout, default
 * redaction), so that no line Nest writes in between is printed raw.
 */
class NestLoggerBridge implements LoggerService {
  readonly targets: RedactingLogger[] = [];
  private fallback: RedactingLogger | undefined;

  private target(): RedactingLogger {
    return this.targets.at(-1) ?? (this.fallback ??= new RedactingLogger());
  }

  private forward(method: Method, message: unknown, params: unknown[]): void {
    try {
      this.target()[method](message, ...params);
    } catch {
      // a logger must never throw into Nest
    }
  }

  log(message: unknown, ...params: unknown[]): void {
    this.forward('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // The boot is failing and Nest exits right after this line: it is the process's last word.
    this.forward(
      params.at(-1) === BOOT_FAILURE_CONTEXT ? 'fatal' : 'error',
      message,
      params,
    );
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.forward('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.forward('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.forward('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.forward('fatal', message, params);
  }
}

const bridge = new NestLoggerBridge();
let original: LoggerService | undefined;

// Exactly Nest's class: a subclass of it, or any other logger, is one the app chose.
function onNestDefault(): boolean {
  const current = NestLogger.staticInstanceRef;
  return (
    !!current && Object.getPrototypeOf(current) === ConsoleLogger.prototype
  );
}

/**
 * @internal Points Nest's static logger at the bridge if Nest is still on its default ConsoleLogger. Run by
 * `forRoot()`, when the app's module is declared: earlier than any provider of the app is built, so a
 * factory that fails at boot is written redacted too. `NestFactory.create(…, { logger })` still wins.
 */
export function routeNestLoggerEarly(): void {
  if (!onNestDefault()) return;
  original = NestLogger.staticInstanceRef;
  Logger.overrideLogger(bridge);
}

/**
 * @internal Writes Nest's lines through `logger` from now on, unless the app chose a logger of its own.
 * Returns what undoes it.
 */
export function routeNestLogger(logger: RedactingLogger): () => void {
  routeNestLoggerEarly();
  bridge.targets.push(logger);
  return () => {
    const index = bridge.targets.indexOf(logger);
    if (index >= 0) bridge.targets.splice(index, 1);
  };
}

/** @internal For `nestLogger: false`: gives Nest back its ConsoleLogger, if the library took it. */
export function unrouteNestLogger(): void {
  if (
    NestLogger.staticInstanceRef === bridge &&
    bridge.targets.length === 0 &&
    original
  )
    Logger.overrideLogger(original);
}
