import pinoRedact from '@pinojs/redact';
import { redact } from '../../lib/index.js';
import { collectGarbage, type BenchConfig } from '../support/config.js';
import { microSide } from '../support/micro.js';
import { PINO_REDACT_PATHS, SIZES, failureFields } from '../support/records.js';
import { alternate, relative, type Comparison } from '../support/stats.js';

// Written to, so no engine can drop a serialisation whose result is unused.
let written = 0;

export async function redactComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  const out: Comparison[] = [];
  const pathRedact = pinoRedact({ paths: PINO_REDACT_PATHS });
  for (const size of SIZES) {
    config.log(`  redact, ${size.label} record (${size.items} items)`);
    const record = failureFields(size.items, 'plain');

    const ours = JSON.stringify(redact(record));
    for (const secret of ['hunter2', '4111 1111', 'sk_live', 'eyJhbGci']) {
      if (ours.includes(secret)) throw new Error(`redact() left ${secret}`);
    }

    // Small records are batched so that one reading of the clock stays negligible.
    const batch = size.items < 100 ? 20 : 1;
    const side = (name: string, fn: () => string) =>
      microSide({
        name,
        opsPerCall: batch,
        timeMs: config.microMs,
        report: 'rate',
        fn: () => {
          for (let i = 0; i < batch; i++) written += fn().length;
        },
      });
    const samples = await alternate(
      [
        side('redact+JSON', () => JSON.stringify(redact(record))),
        side('JSON', () => JSON.stringify(record)),
        side('@pinojs/redact', () => pathRedact(record) as string),
      ],
      { rounds: config.microRounds, between: collectGarbage, log: config.log },
    );
    const oursOps = samples.get('redact+JSON') ?? [];
    out.push(
      relative(
        {
          name: `JSON.stringify(redact(x)) vs JSON.stringify(x), ${size.label} record`,
          unit: 'records/s',
          goal: 0.8,
          higherIsBetter: true,
          note: 'the error is given as { name, message, stack } so both sides write the same text',
        },
        oursOps,
        samples.get('JSON') ?? [],
      ),
      relative(
        {
          name: `JSON.stringify(redact(x)) vs @pinojs/redact, ${size.label} record`,
          unit: 'records/s',
          goal: 1.3,
          higherIsBetter: true,
          note: `@pinojs/redact: ${PINO_REDACT_PATHS.length} paths, its default JSON.stringify`,
        },
        oursOps,
        samples.get('@pinojs/redact') ?? [],
      ),
    );
  }
  if (written === 0) throw new Error('nothing was serialised');
  return out;
}
