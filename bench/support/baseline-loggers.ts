import { pino, type Logger } from 'pino';
import winston from 'winston';
import type { NoopSink } from './noop-sink.js';
import { PINO_REDACT_PATHS } from './records.js';

/** What users would pick instead, as both logger benches configure them, writing to `sink`. */
export function plainWinston(sink: NoopSink): winston.Logger {
  return winston.createLogger({
    level: 'info',
    format: winston.format.combine(
      winston.format.timestamp(),
      winston.format.json(),
    ),
    transports: [new winston.transports.Stream({ stream: sink })],
  });
}

export function redactingPino(sink: NoopSink): Logger {
  return pino(
    {
      level: 'info',
      redact: { paths: PINO_REDACT_PATHS },
      // Without it pino writes an Error as {}; a server logs its stack.
      serializers: { error: pino.stdSerializers.err },
    },
    sink,
  );
}
