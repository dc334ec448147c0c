import pinoRedact from '@pinojs/redact';
import winston from 'winston';
import { plainWinston, redactingPino } from './baseline-loggers.js';
import { NoopSink } from './noop-sink.js';
import {
  FAILURE_MESSAGE,
  PINO_REDACT_PATHS,
  SIZES,
  failureFields,
} from './records.js';

/** What a workload may take from the library: the build under test, or another commit's (BENCH_LIB). */
export interface LibraryUnderTest {
  redact: (value: unknown) => unknown;
  RedactingLogger: new (options: {
    level: string;
    transports: winston.transport[];
  }) => { error: (message: string, fields: object) => void };
}

/** One operation; async when the work ends on a later tick (a logger's line). */
export type Operation = () => unknown;

type Size = (typeof SIZES)[number]['label'];
type Build = (
  lib: LibraryUnderTest,
  size: Size,
) => Promise<Operation> | Operation;

const itemsOf = (size: Size) => SIZES.find((s) => s.label === size)?.items ?? 0;

/** The secrets each redacting side must have removed, or its figures mean nothing. */
const SECRETS = ['hunter2', '4111 1111', 'sk_live', 'eyJhbGci'];

function clean(name: string, text: string, secrets = SECRETS): void {
  for (const secret of secrets) {
    if (text.includes(secret)) throw new Error(`${name} left ${secret}`);
  }
}

/** Lines logged per operation between two turns of the event loop, as at a busy server. */
export const LINES_PER_TURN = 4;

/** A logger side: LINES_PER_TURN lines per operation, done when the sink has them. */
function loggerOperation(
  sink: NoopSink,
  log: () => void,
  check: () => void,
): Operation {
  let sent = 0;
  let checked = false;
  return async () => {
    for (let i = 0; i < LINES_PER_TURN; i++) log();
    sent += LINES_PER_TURN;
    await sink.until(sent);
    if (!checked) {
      JSON.parse(sink.last);
      check();
      checked = true;
    }
  };
}

/** Every workload the instruction counter can run, by name (`<workload>:<size>`). */
export const WORKLOADS: Record<string, Build> = {
  json: (_lib, size) => {
    const record = failureFields(itemsOf(size), 'plain');
    return () => JSON.stringify(record);
  },
  'redact-json': (lib, size) => {
    const record = failureFields(itemsOf(size), 'plain');
    clean('redact()', JSON.stringify(lib.redact(record)));
    return () => JSON.stringify(lib.redact(record));
  },
  'pino-redact': (_lib, size) => {
    const record = failureFields(itemsOf(size), 'plain');
    const pathRedact = pinoRedact({ paths: PINO_REDACT_PATHS });
    clean('@pinojs/redact', pathRedact(record) as string, [
      'sk_live',
      '4111 1111',
    ]);
    return () => pathRedact(record);
  },
  // Every string of the record through the text scanner alone: what the pre-checks and detectors cost.
  scan: async (_lib, size) => {
    const { scrubText } =
      await import('../../lib/redaction/scanner/text-scanner.js');
    const strings: string[] = [];
    const visit = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v !== null && typeof v === 'object')
        for (const x of Object.values(v)) visit(x);
    };
    visit(failureFields(itemsOf(size), 'plain'));
    // Fields under secret keys are the walk's to censor; text that names its secret is the scanner's.
    clean('scrubText', strings.map((s) => scrubText(s)).join('\n'), [
      'password=hunter2',
      'Bearer eyJ',
    ]);
    return () => {
      let n = 0;
      for (const s of strings) n += scrubText(s).length;
      return n;
    };
  },
  'redacting-logger': (lib, size) => {
    const fields = failureFields(itemsOf(size), 'live');
    const sink = new NoopSink();
    const logger = new lib.RedactingLogger({
      level: 'info',
      transports: [new winston.transports.Stream({ stream: sink })],
    });
    return loggerOperation(
      sink,
      () => logger.error(FAILURE_MESSAGE, fields),
      () => clean('RedactingLogger', sink.last),
    );
  },
  winston: (_lib, size) => {
    const fields = failureFields(itemsOf(size), 'live');
    const sink = new NoopSink();
    const logger = plainWinston(sink);
    return loggerOperation(
      sink,
      () => logger.error(FAILURE_MESSAGE, fields),
      () => undefined,
    );
  },
  pino: (_lib, size) => {
    const fields = failureFields(itemsOf(size), 'live');
    const sink = new NoopSink();
    const logger = redactingPino(sink);
    return loggerOperation(
      sink,
      () => logger.error(fields, FAILURE_MESSAGE),
      () => clean('pino', sink.last, ['sk_live', '4111 1111']),
    );
  },
};

/** Splits `<workload>:<size>` and builds its operation. */
export async function buildWorkload(
  spec: string,
  lib: LibraryUnderTest,
): Promise<Operation> {
  const [name, size] = spec.split(':');
  const build = WORKLOADS[name];
  if (build === undefined || !SIZES.some((s) => s.label === size)) {
    throw new Error(
      `unknown workload ${spec}; known: ${Object.keys(WORKLOADS).join(', ')} × ${SIZES.map((s) => s.label).join(', ')}`,
    );
  }
  return build(lib, size as Size);
}
