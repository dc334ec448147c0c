import winston from 'winston';
import { RedactingLogger } from '../../lib/index.js';
import { collectGarbage, type BenchConfig } from '../support/config.js';
import { microSide } from '../support/micro.js';
import { plainWinston, redactingPino } from '../support/baseline-loggers.js';
import { NoopSink } from '../support/noop-sink.js';
import {
  FAILURE_MESSAGE,
  PINO_REDACT_PATHS,
  SIZES,
  failureFields,
} from '../support/records.js';
import { alternate, relative, type Comparison } from '../support/stats.js';
import { LINES_PER_TURN } from '../support/workloads.js';

interface LoggerSide {
  name: string;
  sink: NoopSink;
  log: () => void;
}

function side(
  { name, sink, log }: LoggerSide,
  config: BenchConfig,
): ReturnType<typeof microSide> {
  let sent = 0;
  return microSide({
    name,
    opsPerCall: LINES_PER_TURN,
    timeMs: config.microMs,
    report: 'rate',
    fn: async () => {
      for (let i = 0; i < LINES_PER_TURN; i++) log();
      sent += LINES_PER_TURN;
      // winston finishes a line over later ticks: the time until it is written is part of its cost.
      await sink.until(sent);
    },
  });
}

/** A line must be complete and, for the redacting side, clean: otherwise the figures mean nothing. */
function check(name: string, sink: NoopSink, mustNotContain: string[]): void {
  const line = sink.last;
  JSON.parse(line);
  for (const secret of mustNotContain) {
    if (line.includes(secret)) throw new Error(`${name} wrote ${secret}`);
  }
}

export async function loggerComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const size of SIZES) {
    config.log(`  logger, ${size.label} record (${size.items} items)`);
    const fields = failureFields(size.items, 'live');

    const oursSink = new NoopSink();
    const ours = new RedactingLogger({
      level: 'info',
      transports: [new winston.transports.Stream({ stream: oursSink })],
    });

    const winstonSink = new NoopSink();
    const plain = plainWinston(winstonSink);

    const pinoSink = new NoopSink();
    const pinoLogger = redactingPino(pinoSink);

    const sides = [
      side(
        {
          name: 'RedactingLogger',
          sink: oursSink,
          log: () => ours.error(FAILURE_MESSAGE, fields),
        },
        config,
      ),
      side(
        {
          name: 'winston',
          sink: winstonSink,
          log: () => plain.error(FAILURE_MESSAGE, fields),
        },
        config,
      ),
      side(
        {
          name: 'pino',
          sink: pinoSink,
          log: () => pinoLogger.error(fields, FAILURE_MESSAGE),
        },
        config,
      ),
    ];
    const samples = await alternate(sides, {
      rounds: config.microRounds,
      between: collectGarbage,
      log: config.log,
    });
    check('RedactingLogger', oursSink, [
      'hunter2',
      '4111 1111',
      'sk_live',
      'eyJhbGci',
    ]);
    check('winston', winstonSink, []);
    check('pino', pinoSink, ['sk_live', '4111 1111']);
    await ours.close();
    plain.close();

    const oursLines = samples.get('RedactingLogger') ?? [];
    out.push(
      relative(
        {
          name: `Logger, ${size.label} record: RedactingLogger vs winston timestamp()+json()`,
          unit: 'lines/s',
          goal: size.label === 'small' ? 1.5 : 2.0,
          higherIsBetter: true,
          note: 'winston writes the Error field as {}; RedactingLogger writes name, message and stack, redacted',
        },
        oursLines,
        samples.get('winston') ?? [],
      ),
      relative(
        {
          name: `Logger, ${size.label} record: RedactingLogger vs pino redact paths`,
          unit: 'lines/s',
          goal: size.label === 'small' ? 1.0 : 0.8,
          higherIsBetter: true,
          note: `pino: ${PINO_REDACT_PATHS.length} redact paths, stdSerializers.err for the error; it cannot scrub text`,
        },
        oursLines,
        samples.get('pino') ?? [],
      ),
    );
  }
  return out;
}
